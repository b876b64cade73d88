/**
 * Word-level diff inside a changed block: both blocks are cut into words with `Intl.Segmenter`
 * (word granularity, so languages without spaces work too) and the word sequences are compared
 * with jsdiff's `diffArrays` (Myers' O(ND) algorithm).
 */
import { diffArrays } from 'diff';
import { typographyKey } from './normalise.ts';
import type { Run, Segment } from './types.ts';

/** A word or punctuation mark of a block, with what separates it from the one before. */
export interface Token {
  /** The text as written. */
  text: string;
  /** Whether whitespace comes before it. */
  space: boolean;
  /** Link target, when the token is link text. */
  href?: string;
  /** Whether the segmenter calls it a word (letters, digits) rather than punctuation. */
  wordLike: boolean;
}

/** What a word diff returns. */
export interface WordDiff {
  segments: Segment[];
  /** Whitespace-separated words of the new block that contain an inserted token (letters or digits only). */
  wordsInserted: number;
  /** Same for deleted tokens of the old block. */
  wordsDeleted: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Cut runs into tokens with `Intl.Segmenter` at word granularity; whitespace is dropped and
 * remembered as `space` on the next token.
 *
 * @param runs A block's runs.
 * @param locale BCP 47 language tag for the segmenter, e.g. `en`.
 * @returns Tokens in reading order.
 */
export function tokenize(runs: readonly Run[], locale = 'en'): Token[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const tokens: Token[] = [];
  let space = false;
  for (const run of runs) {
    for (const { segment, isWordLike } of segmenter.segment(run.text)) {
      if (!isWordLike && /^\s+$/u.test(segment)) {
        space = true;
        continue;
      }
      const token: Token = { text: segment, space: space && tokens.length > 0, wordLike: isWordLike ?? false };
      if (run.href !== undefined) token.href = run.href;
      tokens.push(token);
      space = false;
    }
  }
  return tokens;
}

/**
 * Diff two blocks word by word.
 *
 * @param oldRuns Runs of the old block.
 * @param newRuns Runs of the new block.
 * @param options `typography: 'ignore'` (default) compares words with typography normalised, so
 *   only wording shows; `'show'` compares them as written (for formatting changes). `locale` for
 *   the segmenter.
 * @returns Segments in reading order (kept text taken from the new block) and word counts.
 */
export function diffWordsOf(oldRuns: readonly Run[], newRuns: readonly Run[], options: { typography?: 'ignore' | 'show'; locale?: string } = {}): WordDiff {
  const oldTokens = tokenize(oldRuns, options.locale);
  const newTokens = tokenize(newRuns, options.locale);
  const key = options.typography === 'show' ? (t: Token) => `${t.text}\u0001${t.href ?? ''}` : (t: Token) => `${typographyKey(t.text)}\u0001${t.href ?? ''}`;
  const changes = diffArrays(oldTokens.map(key), newTokens.map(key));
  const segments: Segment[] = [];
  const oldChanged = new Set<number>();
  const newChanged = new Set<number>();
  let i = 0;
  let j = 0;
  for (const change of changes) {
    for (let n = 0; n < change.count; n++) {
      if (change.removed) {
        oldChanged.add(i);
        append(segments, 'delete', oldTokens[i++]!);
      } else if (change.added) {
        newChanged.add(j);
        append(segments, 'insert', newTokens[j++]!);
      } else {
        i++;
        append(segments, 'equal', newTokens[j++]!);
      }
    }
  }
  return { segments, wordsInserted: countTouchedWords(newTokens, newChanged), wordsDeleted: countTouchedWords(oldTokens, oldChanged) };
}

/**
 * Segments showing a whole block as inserted or deleted (no word diff needed).
 *
 * @param runs The block's runs.
 * @param op `insert` or `delete`.
 */
export function wholeBlockSegments(runs: readonly Run[], op: 'insert' | 'delete' | 'equal'): Segment[] {
  const segments: Segment[] = [];
  let space = false;
  for (const run of runs) {
    const text = run.text.replace(/\s+/gu, ' ');
    const leading = text.startsWith(' ');
    const body = text.trim();
    if (body === '') {
      space ||= text.length > 0;
      continue;
    }
    const segment: Segment = { op, text: body, space: (space || leading) && segments.length > 0 };
    if (run.href !== undefined) segment.href = run.href;
    const last = segments.at(-1);
    if (last && last.href === segment.href) last.text += (segment.space ? ' ' : '') + body;
    else segments.push(segment);
    space = text.endsWith(' ');
  }
  return segments;
}

function append(segments: Segment[], op: Segment['op'], token: Token): void {
  const last = segments.at(-1);
  if (last && last.op === op && last.href === token.href) {
    last.text += (token.space ? ' ' : '') + token.text;
    return;
  }
  const segment: Segment = { op, text: token.text, space: token.space };
  if (token.href !== undefined) segment.href = token.href;
  segments.push(segment);
}

/** Whitespace-separated words (with a letter or digit) that contain at least one changed token. */
function countTouchedWords(tokens: readonly Token[], changed: ReadonlySet<number>): number {
  let count = 0;
  let touched = false;
  let wordLike = false;
  tokens.forEach((token, index) => {
    if (index > 0 && token.space) {
      if (touched && wordLike) count++;
      touched = false;
      wordLike = false;
    }
    touched ||= changed.has(index);
    wordLike ||= /[\p{L}\p{N}]/u.test(token.text);
  });
  if (touched && wordLike) count++;
  return count;
}
