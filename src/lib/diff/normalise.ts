/**
 * Normalisation rules: what a diff does not count as a change.
 *
 * - Whitespace: every run of whitespace (re-wrapped lines, trailing spaces, newlines) is one space.
 * - Typography: curly and straight quotes, dashes and hyphens, ellipses and non-breaking spaces
 *   compare equal under `typographyKey`; a change only in them is a formatting change.
 * List marker style, ordered-list numbers, emphasis marker style and anchor syntax never reach
 * the compared text: the Markdown parser drops them (see blocks.ts).
 */
import type { Block, Run } from './types.ts';

/**
 * Collapse whitespace: runs of spaces, tabs and newlines become one space; ends are trimmed.
 *
 * @param text Any text.
 * @returns The text on one line.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The plain text of runs (link targets and marks dropped), whitespace collapsed.
 *
 * @param runs A block's runs.
 */
export function plainText(runs: readonly Run[]): string {
  return collapseWhitespace(runs.map((run) => run.text).join(''));
}

/** Typographic variants and the plain character each one compares as. */
const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC]/gu, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/gu, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/gu, '-'],
  [/\u2026/gu, '...'],
  [/[\u00A0\u202F\u2007]/gu, ' '],
  [/\u00AD/gu, ''],
];

/** Any character `TYPOGRAPHY` rewrites (a quick test before the replacements). */
const TYPOGRAPHIC = /[\u2018-\u201F\u2032\u2033\u02BC\u00AB\u00BB\u2010-\u2015\u2212\u2026\u00A0\u202F\u2007\u00AD]/u;

/**
 * The text a typography-only change leaves equal: quotes straightened, dashes made hyphens,
 * `…` spelt `...`, non-breaking spaces made spaces, soft hyphens removed.
 *
 * @param text Any text.
 * @returns The normalised text (same whitespace as given).
 */
export function typographyKey(text: string): string {
  if (!TYPOGRAPHIC.test(text)) return text;
  let key = text;
  for (const [pattern, plain] of TYPOGRAPHY) key = key.replace(pattern, plain);
  return key;
}

/**
 * The key two blocks share when they say the same words with the same link targets: the text,
 * whitespace collapsed, typography normalised, each link's target after its text.
 *
 * @param block A block.
 * @returns E.g. `Write to privacy@example.com <mailto:privacy@example.com>`.
 */
export function wordingKey(block: Block): string {
  let key = wordingKeys.get(block);
  if (key === undefined) wordingKeys.set(block, (key = computeWordingKey(block)));
  return key;
}

/** Keys by block: a version's blocks are compared twice (with the version before and the one after). */
const wordingKeys = new WeakMap<Block, string>();
const exactKeys = new WeakMap<Block, string>();

function computeWordingKey(block: Block): string {
  return collapseWhitespace(typographyKey(block.runs.map((run) => (run.href === undefined ? run.text : `${run.text} <${run.href}> `)).join('')));
}

/**
 * The key two blocks share when they are written the same way: wording key, raw typography, block
 * type and emphasis marks. Blocks with equal wording keys but different exact keys differ in
 * formatting only.
 *
 * @param block A block.
 */
export function exactKey(block: Block): string {
  let key = exactKeys.get(block);
  if (key === undefined) exactKeys.set(block, (key = computeExactKey(block)));
  return key;
}

function computeExactKey(block: Block): string {
  const body = block.runs.map((run) => `${run.marks?.join('+') ?? ''}\u0001${run.href ?? ''}\u0001${run.text.replace(/\s+/gu, ' ')}`).join('\u0002');
  return `${block.type}${block.depth ?? ''}\u0003${body.trim()}`;
}

/**
 * Count words the way readers (and `git diff --word-diff`) do: whitespace-separated strings that
 * contain a letter or a digit.
 *
 * @param text Any text.
 * @returns The number of words.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count++;
  return count;
}
