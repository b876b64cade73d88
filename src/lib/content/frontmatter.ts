/**
 * Read the YAML frontmatter of a version source with the line of each key, so that diagnostics
 * point at the offending line rather than the top of the file.
 *
 * The one frontmatter reader (issue 11): the frontmatter is the `yaml` node that Sätteri, the
 * parser of the pages, finds at the top of the file, never a second split of the text. Its YAML is
 * read as data only: tags other than YAML 1.2's core schema (`!!js/function` ...) and aliases
 * (`*a`, the "billion laughs" bomb) are refused, with their line.
 */
import type { Root, Yaml } from 'mdast';
import { markdownToMdast } from 'satteri';
import { LineCounter, parseDocument, isMap, isScalar, visit, isAlias, type Document } from 'yaml';
import { yamlProblem } from '../editor-messages.ts';

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

/**
 * Find and parse the frontmatter at the top of a file.
 *
 * @param text Whole file text (decoded by src/lib/content/source-text.ts: LF line endings).
 * @param tree The file's mdast when the caller has parsed it (src/lib/content/version-source.ts); else the
 *   frontmatter is found by parsing the text with the same parser.
 * @returns The frontmatter (empty when the file has none) or the first problem, with its file line.
 */
export function readFrontmatter(text: string, tree?: Root): RawFrontmatter | FrontmatterSyntaxError {
  const node = frontmatterNode(text, tree);
  if (!node) {
    const first = text.split('\n').findIndex((line) => line.trim() !== '');
    const line = text.split('\n')[first] ?? '';
    if (first >= 0 && /^(---|\+\+\+)\s*$/.test(line)) {
      return first > 0
        ? { line: first + 1, column: 1, reason: 'the frontmatter must begin on the first line of the file: delete the blank lines above `---`' }
        : { line: 1, column: 1, reason: line.startsWith('+') ? 'frontmatter is written in YAML between `---` lines, not TOML between `+++` lines' : 'the frontmatter opened with `---` is never closed: add a line `---` after it' };
    }
    return { data: {}, keyLines: new Map(), endLine: 0 };
  }
  const offset = node.position!.start.line; // the opening `---`: YAML line N is file line N + offset
  const parsed = parseYaml(node.value);
  if ('reason' in parsed) return { ...parsed, line: parsed.line + offset };
  const { document, lineCounter } = parsed;
  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + offset);
    }
  } else if (document.contents !== null) {
    return { line: offset + 1, column: 1, reason: 'the frontmatter must be a list of `key: value` lines' };
  }
  const data = (document.toJS({ maxAliasCount: 0 }) ?? {}) as Record<string, unknown>;
  return { data, keyLines, endLine: node.position!.end.line };
}

/** The `yaml` node that opens the file, if any. */
function frontmatterNode(text: string, tree?: Root): Yaml | undefined {
  let root = tree;
  if (!root) {
    try {
      root = markdownToMdast(text, { features: { frontmatter: true } }) as Root;
    } catch {
      return undefined;
    }
  }
  const first = root.children[0];
  return first?.type === 'yaml' && first.position?.start.line === 1 ? first : undefined;
}

/** Parse frontmatter YAML as data: errors, unknown tags and aliases are problems (YAML lines, 1-based). */
function parseYaml(source: string): { document: Document; lineCounter: LineCounter } | FrontmatterSyntaxError {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: true });
  const lines = source.split('\n');
  const error = document.errors[0];
  if (error) {
    const place = error.linePos?.[0] ?? { line: 1, col: 1 };
    return { line: place.line, column: place.col, reason: yamlProblem(error, lines[place.line - 1]) };
  }
  const warning = document.warnings[0];
  if (warning) {
    const place = warning.linePos?.[0] ?? { line: 1, col: 1 };
    return { line: place.line, column: place.col, reason: `\`${(lines[place.line - 1] ?? '').trim()}\` uses a YAML tag this site does not read (${warning.message.split('\n')[0]}); write the value as plain text` };
  }
  let alias: [number, number, number] | undefined;
  visit(document, (_key, node) => {
    if (node && (isAlias(node) || ((node as { anchor?: string }).anchor && (node as { range?: [number, number, number] }).range))) {
      alias = (node as { range: [number, number, number] }).range;
      return visit.BREAK;
    }
    return undefined;
  });
  if (alias) {
    const place = lineCounter.linePos(alias[0]);
    return { line: place.line, column: place.col, reason: 'YAML anchors and aliases (`&name`, `*name`) are not allowed in frontmatter: write each value out' };
  }
  return { document, lineCounter };
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
export function frontmatterLineOf(text: string, path: readonly (string | number)[], tree?: Root): number | undefined {
  const node = frontmatterNode(text, tree);
  if (!node) return undefined;
  const parsed = parseYaml(node.value);
  if ('reason' in parsed) return undefined;
  for (let length = path.length; length > 0; length--) {
    const found = parsed.document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (found && typeof found === 'object' && found.range) return parsed.lineCounter.linePos(found.range[0]).line + node.position!.start.line;
  }
  return undefined;
}
