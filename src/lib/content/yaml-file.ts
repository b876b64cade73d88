/**
 * Parse a YAML content file (`documents.yaml`, `links.yaml`) keeping positions, and report syntax
 * errors as diagnostics in an editor's words (see editor-messages.ts).
 */
import { isAlias, LineCounter, parseDocument, visit, type CST, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { yamlProblem } from '../editor-messages.ts';

/** A parsed YAML file with the line counter that maps node offsets to lines. */
export interface YamlFile {
  /** The YAML document (duplicate keys are syntax errors). */
  yaml: Document.Parsed;
  lineCounter: LineCounter;
  /** One error diagnostic per YAML syntax error; when not empty, `yaml` must not be used. */
  diagnostics: Diagnostic[];
}

/**
 * Parse a YAML file and turn its syntax errors into diagnostics.
 *
 * @param file Display path, e.g. `content/documents.yaml`.
 * @param text The file's text.
 * @param ruleId Rule id for syntax errors, e.g. `registry-yaml`.
 * @returns The document, its line counter and the syntax diagnostics (line and column 1-based).
 */
export function parseYamlFile(file: string, text: string, ruleId: string): YamlFile {
  const lineCounter = new LineCounter();
  // Read as data, as frontmatter is (src/lib/content/frontmatter.ts): YAML 1.2's core schema; a tag it does not
  // know, an anchor or an alias (`&a`, `*a`: an alias bomb stopped the check with no file or line) is refused.
  // keepSourceTokens: each node keeps its CST token, so commentsOnValueLines can tell a comment on a line of its own from one after a value.
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core', keepSourceTokens: true });
  const lines = text.split('\n');
  const diagnostics = yaml.errors.map((error): Diagnostic => {
    const place = error.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = yamlProblem(error, lines[place.line - 1]?.replace(/\r$/, ''));
    return { file, line: place.line, column: place.col, ruleId, severity: 'error', message: `Invalid YAML: ${problem}. Fix the syntax on this line.` };
  });
  if (diagnostics.length > 0) return { yaml, lineCounter, diagnostics };
  const warning = yaml.warnings[0];
  if (warning) {
    const place = warning.linePos?.[0] ?? { line: 1, col: 1 };
    diagnostics.push({ file, line: place.line, column: place.col, ruleId, severity: 'error', message: `\`${(lines[place.line - 1] ?? '').trim()}\` uses a YAML tag this site does not read (${warning.message.split('\n')[0]}). Write the value as plain text.` });
    return { yaml, lineCounter, diagnostics };
  }
  let alias: [number, number, number] | undefined;
  visit(yaml, (_key, node) => {
    if (node && (isAlias(node) || ((node as { anchor?: string }).anchor && (node as { range?: [number, number, number] }).range))) {
      alias = (node as { range: [number, number, number] }).range;
      return visit.BREAK;
    }
    return undefined;
  });
  if (alias) {
    const place = lineCounter.linePos(alias[0]);
    diagnostics.push({ file, line: place.line, column: place.col, ruleId, severity: 'error', message: 'YAML anchors and aliases (`&name`, `*name`) are not allowed here: write each value out.' });
  }
  return { yaml, lineCounter, diagnostics };
}

/** A YAML comment that shares its line with a key or a value (see commentsOnValueLines). */
export interface ValueLineComment {
  /** 1-based line and column of the `#`. */
  line: number;
  column: number;
  /** The comment as written, from `#` to the end of the line, e.g. `#your-rights`. */
  source: string;
  /** What comes before it on its line, as the parser read it (key, indicators and value, blanks trimmed), e.g. `privacy-rights: privacy-statement`. */
  before: string;
}

/**
 * Find the comments that follow a key or a value on the same line (`key: value # note`), as opposed
 * to comments on a line of their own. Read from the YAML library's concrete syntax tree (the source
 * tokens each node keeps, parseYamlFile's `keepSourceTokens`): a `comment` token counts when a token
 * other than blanks came before it since the last `newline` token. YAML 1.2 (section 6.6) reads
 * ` #` after a plain value as the start of a comment, so `a: b #c` is the value `b`.
 *
 * @param yaml A document from parseYamlFile (without syntax errors).
 * @param lineCounter Its line counter.
 * @returns Every such comment, in file order.
 */
export function commentsOnValueLines(yaml: Document.Parsed, lineCounter: LineCounter): ValueLineComment[] {
  const root = (yaml.contents as { srcToken?: CST.Token } | null)?.srcToken;
  if (!root) return [];
  const found: ValueLineComment[] = [];
  let line: Leaf[] = [];
  for (const leaf of leaves(root)) {
    if (leaf.kind === 'newline') {
      line = [];
    } else if (leaf.kind === 'comment' && line.some((l) => l.kind === 'content')) {
      const place = lineCounter.linePos(leaf.offset);
      found.push({ line: place.line, column: place.col, source: leaf.source, before: line.map((l) => l.source).join('').trim() });
      line = [];
    } else {
      line.push(leaf);
    }
  }
  return found;
}

/** One piece of the source: a comment, a line break, blanks (a byte order mark, `---`, a directive), or content (a key, a value, an indicator). */
interface Leaf {
  kind: 'comment' | 'newline' | 'blank' | 'content';
  /** Offset in the text, in UTF-16 code units. */
  offset: number;
  source: string;
}

const blankTypes = new Set(['space', 'byte-order-mark', 'doc-mode', 'doc-start', 'directive-line', 'directive', 'doc-end']);

/** The leaves of a CST token in source order; a scalar (its whole source, line breaks included) is one content leaf. */
function* leaves(token: CST.Token | null | undefined): Generator<Leaf> {
  if (!token) return;
  const leaf = (t: { type: string; offset: number; source: string }): Leaf => ({
    kind: t.type === 'comment' ? 'comment' : t.type === 'newline' ? 'newline' : blankTypes.has(t.type) ? 'blank' : 'content',
    offset: t.offset,
    source: t.source,
  });
  switch (token.type) {
    case 'document':
      yield* token.start.map(leaf);
      yield* leaves(token.value);
      yield* (token.end ?? []).map(leaf);
      return;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) yield* itemLeaves(item);
      return;
    case 'flow-collection':
      yield leaf(token.start);
      for (const item of token.items) yield* itemLeaves(item);
      yield* token.end.map(leaf);
      return;
    case 'block-scalar':
      for (const prop of token.props) yield* leaves(prop);
      yield { kind: 'content', offset: token.offset, source: token.source };
      return;
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      yield { kind: 'content', offset: token.offset, source: token.source };
      yield* (token.end ?? []).map(leaf);
      return;
    case 'doc-end':
      yield leaf(token);
      yield* (token.end ?? []).map(leaf);
      return;
    default:
      yield leaf(token);
  }
}

function* itemLeaves(item: CST.CollectionItem): Generator<Leaf> {
  for (const t of item.start) yield* leaves(t);
  yield* leaves(item.key);
  for (const t of item.sep ?? []) yield* leaves(t);
  yield* leaves(item.value);
}
