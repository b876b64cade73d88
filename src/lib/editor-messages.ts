/**
 * Editor language for the messages of the libraries the check uses (zod, yaml, MDX/acorn): the
 * people who read `npm run check` write legal text, not code, so a message names the key or the
 * construct, says what was found and shows what to write instead. Rule ids are chosen by the
 * callers (content-check.ts, registry.ts, frontmatter.ts); this module only words the message.
 */
import { distance } from 'fastest-levenshtein';

/** The parts of a zod 4 issue this module reads (kept structural, so any zod issue fits). */
export interface SchemaIssue {
  code: string;
  message: string;
  /** `invalid_type`: the type the schema wanted (`string`, `boolean`, `record`, `array`, ...). */
  expected?: string;
  /** `invalid_value`: the values an enum allows. */
  values?: readonly unknown[];
  /** `too_small` / `too_big`: what was measured (`string`, `array`, `number`). */
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** What to write when a key is empty, per key name (the last part of its path). */
const emptyHints: Readonly<Record<string, string>> = {
  summary: 'write one sentence saying what changed, e.g. summary: Adds a section on data retention',
  title: 'write the title, or remove the key to use the title from documents.yaml',
  description: 'write one line saying what the document is about',
  reason: 'write what was corrected, e.g. reason: Fixes a typo in the contact address',
  published: 'write the day the version was published for notice, as YYYY-MM-DD, or remove the key',
  lastUpdated: 'write the date as YYYY-MM-DD, or remove the key',
  date: 'write the date as YYYY-MM-DD',
  id: 'write the id in kebab-case, e.g. privacy-statement',
  parent: 'write the id of the document this notice supplements',
};

/** The expected form of keys whose shape is not obvious, with an example. */
const shapeHints: Readonly<Record<string, string>> = {
  formerAnchors: 'must pair each old anchor with the anchor that replaced it, e.g. `formerAnchors: { old-id: new-id }`, or one pair per line indented under `formerAnchors:` (`  retention: data-retention`)',
  corrections: 'must be a list with one entry per correction, each `- date: YYYY-MM-DD` with `reason: ...` and `changed:` (the edits, each `from:` and `to:`) below it (see content/README.md, "Corrections")',
  notice: 'must be a set of keys indented under `notice:`, e.g. `notice: { materialDays: 30 }`',
  documents: 'must be a list with one entry per document, each starting `- id: ...`',
};

const typeWords: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: '`true` or `false`',
  array: 'a list',
  record: 'a set of `key: value` pairs',
  object: 'a set of `key: value` lines',
};

/**
 * Word one schema problem for an editor.
 *
 * @param issue The zod issue.
 * @param key How to name the key, e.g. `material` or `corrections[0].date`.
 * @param found The value the file holds at the issue's path (`undefined` when the key is absent).
 * @returns A sentence without a final full stop, e.g. '`material` must be `true` or `false` (found "yes")';
 *   the schema's own message (prefixed with the key) when the schema words it itself.
 */
export function schemaProblem(issue: SchemaIssue, key: string, found: unknown): string {
  const name = key.replace(/^.*[.\]]/, '') || key;
  const empty = found === null || (typeof found === 'string' && found.trim() === '');
  const shown = `\`${key}\``;
  if (!isLibraryMessage(issue)) return `${shown} ${issue.message}`;
  if (issue.code === 'invalid_value' && issue.values && found === undefined) return `${shown} is missing: add it, with one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type' && found === undefined) return `${shown} is missing: add it${emptyHints[name] ? ` (${emptyHints[name]})` : ''}`;
  if (empty && (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string'))) {
    return `${shown} is empty: ${emptyHints[name] ?? 'write a value, or remove the key'}`;
  }
  if (shapeHints[name] && (issue.code === 'invalid_type' || issue.code === 'too_small')) return `${shown} ${shapeHints[name]} (found ${describeValue(found)})`;
  if (issue.code === 'invalid_value' && issue.values) return `${shown} must be one of ${issue.values.map(String).join(', ')} (found ${describeValue(found)})`;
  if (issue.code === 'invalid_type') {
    const wanted = typeWords[issue.expected ?? ''] ?? issue.expected;
    const quote = issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean') ? ': put it in quotes' : '';
    return `${shown} must be ${wanted} (found ${describeValue(found)})${quote}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `${shown} must be ${issue.minimum} or more (found ${describeValue(found)})`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `${shown} must be ${issue.maximum} or less (found ${describeValue(found)})`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `${shown} must list at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
  if (issue.message.includes('expected int')) return `${shown} must be a whole number (found ${describeValue(found)})`;
  return `${shown}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

/**
 * Whether an issue carries zod's own wording ("Invalid input: expected boolean, received string")
 * rather than a message written in the schema (schemas.ts), which is already editor language.
 */
export function isLibraryMessage(issue: Pick<SchemaIssue, 'message'>): boolean {
  return /^(Invalid|Too small|Too big)/.test(issue.message);
}

/**
 * How a value read from YAML looks to the person who wrote it.
 *
 * @returns `"yes"` for text, `nothing` for an empty value, `a list` (`an empty list`) or `a set of
 *   keys` for collections.
 */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return value.trim() === '' ? 'nothing' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a set of keys';
  return String(value);
}

/**
 * Word a YAML syntax error for an editor, without the parser's own "at line X, column Y" (its lines
 * count from the start of the YAML, not of the file, so they contradict the place the check prints).
 *
 * @param error The yaml library's error (`code`, `message`).
 * @param sourceLine The text of the line the error is on, when known: a colon inside a value is
 *   recognised from it and the fix quotes that value.
 * @returns A sentence without a final full stop.
 */
export function yamlProblem(error: { code?: string; message: string }, sourceLine?: string): string {
  const own = error.message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/[.:]$/, '');
  const colon = sourceLine?.match(/^(\s*(?:-\s+)?[\w-]+):\s+(\S.*?:\s.*?)\s*$/);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && colon) {
    return `a colon followed by a space inside a value confuses YAML: put the value in quotes, e.g. ${colon[1]!.trim()}: ${JSON.stringify(colon[2])}`;
  }
  // `privacy-rights privacy-statement#your-rights`: a key and its value with no colon between them, which
  // YAML reads as a key that never gets its value (MISSING_CHAR) or, on a first line, as a key
  // continued on the next line (MULTILINE_IMPLICIT_KEY).
  const bare = sourceLine?.match(/^\s*(?:-\s+)?([\w.-]+)\s+([^\s:#"'][^:]*?)\s*$/);
  if (bare && (error.code === 'MULTILINE_IMPLICIT_KEY' || (error.code === 'MISSING_CHAR' && /map values/.test(own)))) {
    return `this line has no colon between the key and its value: write ${bare[1]}: ${bare[2]}`;
  }
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is indented as if it continued the line above: start each key at the beginning of its line, or put a value that contains a colon in quotes';
    case 'DUPLICATE_KEY':
      return 'this key appears twice: keep one of the two lines';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab: indent with spaces instead';
    case 'MISSING_CHAR':
      if (/quote/i.test(own)) return `${own.charAt(0).toLowerCase()}${own.slice(1)}: close the quotes, or remove them`;
      if (/map values/.test(own)) return 'a key on this line has no value: write each entry as `key: value`, with a colon and a space after the key';
      return `${own.charAt(0).toLowerCase()}${own.slice(1)}`;
    default:
      return own;
  }
}

/**
 * Word an MDX syntax error for an editor.
 *
 * @param reason The parser's reason, e.g. "Could not parse expression with acorn".
 * @returns A sentence ending in a full stop: for braces the parser could not read as code, what
 *   braces mean in MDX; otherwise the parser's reason.
 */
export function mdxProblem(reason: string): string {
  // remark-mdx parses expressions with acorn, Sätteri with oxc: the same problem in two wordings.
  if (/could not parse expression with (acorn|oxc)/i.test(reason) || /acorn/i.test(reason)) {
    return 'Curly braces { } start code in MDX, and the text between these braces is not code the site can read.';
  }
  return `${reason.replace(/\.$/, '')}.`;
}

/**
 * A count with its noun in the right number: `1 version`, `2 versions`.
 *
 * @param n The count.
 * @param one The singular noun.
 * @param many The plural noun (default: singular + "s").
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How many choices a message lists before "and N more". */
const LISTED = 12;

/**
 * The choice an editor most likely meant: the closest by edit distance (Levenshtein), when it is
 * close enough to be a slip (at most a third of the longer word's characters, at least 2), or one
 * that contains every hyphen-separated word of what was written (`rights` for `your-rights`).
 *
 * @param wanted What the editor wrote, e.g. `contact-su`.
 * @param choices The valid values, e.g. a version's anchors.
 * @returns The choice, or undefined when none is close.
 */
export function closestChoice(wanted: string, choices: Iterable<string>): string | undefined {
  let best: { choice: string; score: number } | undefined;
  const words = wanted.toLowerCase().split(/[-_\s]+/).filter(Boolean);
  for (const choice of choices) {
    if (choice === wanted) return choice;
    const d = distance(wanted.toLowerCase(), choice.toLowerCase());
    const slip = d <= Math.max(2, Math.floor(Math.max(wanted.length, choice.length) / 3));
    const contains = words.length > 0 && words.every((word) => choice.toLowerCase().split('-').includes(word));
    const score = slip ? d : contains ? 100 + d : Infinity;
    if (score < (best?.score ?? Infinity)) best = { choice, score };
  }
  return best?.choice;
}

/**
 * A list of valid choices for a message: the one the editor most likely meant first (see
 * closestChoice), then the others in their order, at most 12, then "and N more".
 *
 * @param wanted What the editor wrote.
 * @param choices The valid values.
 * @param show How each is written in the message (default `#id`).
 * @returns E.g. "Did you mean #contact-us? Anchors: #contact-us, #what-we-collect" when `label` is
 *   "Anchors"; "(none)" after the label when there are no choices.
 */
export function choicesMessage(wanted: string, choices: Iterable<string>, label: string, show = (id: string) => `#${id}`): string {
  const all = [...choices];
  if (all.length === 0) return `${label}: (none).`;
  const meant = closestChoice(wanted, all);
  const ordered = meant === undefined ? all : [meant, ...all.filter((id) => id !== meant)];
  const listed = ordered.slice(0, LISTED).map(show).join(', ');
  const more = ordered.length > LISTED ? `, and ${ordered.length - LISTED} more` : '';
  return `${meant === undefined ? '' : `Did you mean ${show(meant)}? `}${label}: ${listed}${more}.`;
}

/**
 * A text quoted in a message, cut to `max` characters with "..." when longer (a correction's
 * `from`/`to`, a reason).
 *
 * @param text Any text. @param max Longest result in characters, the "..." included (default 60).
 */
export function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
