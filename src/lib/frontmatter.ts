/**
 * Read the YAML frontmatter of a version source with the line of each key, so that diagnostics
 * point at the offending line rather than the top of the file.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { yamlProblem } from './editor-messages.ts';

/** Frontmatter as read, before validation. */
export interface RawFrontmatter {
  /** Parsed values (YAML 1.2: dates stay strings). */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Map<string, number>;
  /** 1-based file line of the closing `---`, or 0 when there is no frontmatter. */
  endLine: number;
}

/** A YAML syntax error in frontmatter, with its place in the file. */
export interface FrontmatterSyntaxError {
  line: number;
  column: number;
  reason: string;
}

const FENCE = /^---[ \t]*\r?$/; // `\r?`: files saved with CRLF (Windows) line endings

/**
 * Split and parse the frontmatter at the top of a file.
 *
 * @param text Whole file text.
 * @returns The frontmatter (empty when the file has none) or the first YAML syntax error.
 */
export function readFrontmatter(text: string): RawFrontmatter | FrontmatterSyntaxError {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { data: {}, keyLines: new Map(), endLine: 0 };
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) return { line: 1, column: 1, reason: 'the frontmatter opened with `---` is never closed: add a line `---` after it' };
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, end).map((line) => line.replace(/\r$/, '')).join('\n'), { lineCounter, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const place = error.linePos?.[0] ?? { line: 1, col: 1 };
    // lines[0] is the opening `---`, so the YAML's line N is lines[N]; yaml's own "at line N" is left out of the reason.
    return { line: place.line + 1, column: place.col, reason: yamlProblem(error, lines[place.line]?.replace(/\r$/, '')) };
  }
  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + 1);
      }
    }
  } else if (document.contents !== null) {
    return { line: 2, column: 1, reason: 'the frontmatter must be a list of `key: value` lines' };
  }
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  return { data, keyLines, endLine: end + 1 };
}

/** Tell a syntax error from parsed frontmatter. */
export function isFrontmatterSyntaxError(value: RawFrontmatter | FrontmatterSyntaxError): value is FrontmatterSyntaxError {
  return 'reason' in value;
}

/**
 * The file line of a value nested in the frontmatter, e.g. `['corrections', 0, 'reason']`.
 *
 * @param text Whole file text.
 * @param path Keys and list indexes from the top of the frontmatter.
 * @returns The 1-based line of the deepest part of `path` that exists, or `undefined` when the
 *   file has no readable frontmatter or not even the first key exists.
 */
export function frontmatterLineOf(text: string, path: readonly (string | number)[]): number | undefined {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (!FENCE.test(lines[0] ?? '') || end === -1) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, end).map((line) => line.replace(/\r$/, '')).join('\n'), { lineCounter });
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line + 1;
  }
  return undefined;
}
