/**
 * Tokens of a block: the words and punctuation marks `Intl.Segmenter` cuts it into (word
 * granularity, so languages written without spaces work too), and the helpers that turn diffed
 * tokens into redline pieces and word counts.
 */
import type { Run, Segment } from './types.ts';

/** A word or punctuation mark of a block, with what separates it from the one before. */
export interface Token {
  /** The text as written. */
  text: string;
  /** Whether whitespace comes before it. */
  space: boolean;
  /** Link target, when the token is link text. */
  href?: string;
  /** Whether the token is a link's target (its text is the URL), placed after the link text. */
  target?: boolean;
  /** Whether the segmenter calls it a word (letters, digits) rather than punctuation. */
  wordLike: boolean;
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
  runs.forEach((run, index) => {
    for (const { segment, isWordLike } of segmenter.segment(run.text)) {
      if (!isWordLike && (segment === ' ' || /^\s+$/u.test(segment))) {
        space = true;
        continue;
      }
      const token: Token = { text: segment, space: space && tokens.length > 0, wordLike: isWordLike ?? false };
      if (run.href !== undefined) token.href = run.href;
      tokens.push(token);
      space = false;
    }
    // A link's target is compared as one more word after its text, so a changed target is a change of one word.
    if (run.href !== undefined && runs[index + 1]?.href !== run.href) tokens.push({ text: run.href, space: true, wordLike: true, target: true });
  });
  return tokens;
}

/** Cuts a block's runs into tokens; see `createTokenizer`. */
export type Tokenizer = (runs: readonly Run[]) => Token[];

/**
 * A tokenizer that remembers the tokens of each runs array it has cut, for the length of one diff
 * (a block may be cut several times: for pairing, regrouping and counting).
 *
 * @param locale BCP 47 language tag for the segmenter.
 * @returns `runs => tokens` (the same array for the same runs; do not change it).
 */
export function createTokenizer(locale = 'en'): Tokenizer {
  const cache = new Map<readonly Run[], Token[]>();
  return (runs) => {
    let tokens = cache.get(runs);
    if (!tokens) cache.set(runs, (tokens = tokenize(runs, locale)));
    return tokens;
  };
}

/**
 * Add a token to a redline, merging it into the last piece when op and link agree.
 *
 * @param segments The redline so far (changed in place).
 * @param op What happened to the token.
 * @param token The token (for a kept token, the new version's).
 * @param oldToken For a kept token, the old version's: when whitespace before it differs between
 *   the versions (a kept sentence after a deleted one that began the new block), the segment
 *   records the old side's in `oldSpace`, so each side's text can be rebuilt exactly.
 */
export function appendToken(segments: Segment[], op: Segment['op'], token: Token, oldToken?: Token): void {
  if (token.target) {
    segments.push({ op, text: '', space: true, target: token.text });
    return;
  }
  const last = segments.at(-1);
  const spacedApart = op === 'equal' && oldToken !== undefined && oldToken.space !== token.space;
  if (last && last.op === op && last.href === token.href && last.target === undefined && !spacedApart) {
    last.text += (token.space ? ' ' : '') + token.text;
    return;
  }
  const segment: Segment = { op, text: token.text, space: token.space };
  if (op === 'equal' && oldToken && oldToken.space !== token.space) segment.oldSpace = oldToken.space;
  if (token.href !== undefined) segment.href = token.href;
  segments.push(segment);
}

/**
 * Count whitespace-separated words (with a letter or digit) that contain at least one changed token.
 *
 * @param tokens A block's tokens. @param changed Indices of the inserted (or deleted) ones.
 */
export function countTouchedWords(tokens: readonly Token[], changed: ReadonlySet<number>): number {
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

/**
 * Whether a redline shows a space before a segment: when the text has whitespace there
 * (`segment.space`), and always between a deleted and an inserted run, which stand for one
 * another ("[-Retention-] {+Sharing+}", never "RetentionSharing"). Each side's own text keeps its
 * spacing: `space` of an inserted segment is about the new text, of a deleted one the old text.
 *
 * @param previous The segment shown before it, if any. @param segment The segment.
 */
export function showsSpaceBefore(previous: Segment | undefined, segment: Segment): boolean {
  if (!previous) return false;
  return segment.space || (previous.op !== 'equal' && segment.op !== 'equal' && previous.op !== segment.op);
}

/**
 * Tidy a redline: where a deleted run and the inserted run beside it start or end with the same
 * words (a word struck and re-inserted as it was, `[-to provide-] {+to provide+}`), those words
 * are kept instead. Link targets are left alone.
 *
 * @param segments A redline (not changed).
 * @returns The tidied redline, whether anything changed, and how many words it no longer marks on each side.
 */
export function tidySegments(segments: readonly Segment[]): { segments: Segment[]; changed: boolean; unmarked: number } {
  const out: Segment[] = [];
  let unmarked = 0;
  let changed = false;
  for (let i = 0; i < segments.length; i++) {
    const a = segments[i]!;
    const b = segments[i + 1];
    if (!b || a.target !== undefined || b.target !== undefined || a.op === 'equal' || b.op === 'equal' || a.op === b.op) {
      out.push(a);
      continue;
    }
    const [del, ins] = a.op === 'delete' ? [a, b] : [b, a];
    const delWords = del.text.split(' ');
    const insWords = ins.text.split(' ');
    let head = 0;
    while (head < delWords.length && head < insWords.length && delWords[head] === insWords[head]) head++;
    let tail = 0;
    while (tail < delWords.length - head && tail < insWords.length - head && delWords[delWords.length - 1 - tail] === insWords[insWords.length - 1 - tail]) tail++;
    if (head === 0 && tail === 0) {
      out.push(a);
      continue;
    }
    // Kept words take the new link (a changed target shows as its own segment); each run keeps its own.
    const piece = (op: Segment['op'], words: string[], space: boolean, from: Segment = op === 'equal' ? ins : op === 'delete' ? del : ins): Segment[] => (words.length === 0 ? [] : [{ op, text: words.join(' '), space, ...(from.href === undefined ? {} : { href: from.href }), ...(op === 'equal' && del.space !== ins.space && space === ins.space && words === insWords.slice(0, head) ? { oldSpace: del.space } : {}) }]);
    const kept = (words: string[]) => words.filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    unmarked += kept(insWords.slice(0, head)) + kept(insWords.slice(insWords.length - tail));
    changed = true;
    const middle = [
      ...piece(a.op, (a === del ? delWords : insWords).slice(head, (a === del ? delWords : insWords).length - tail), true),
      ...piece(b.op, (b === del ? delWords : insWords).slice(head, (b === del ? delWords : insWords).length - tail), true),
    ];
    // With no kept words before them, the runs keep the spacing each had before it, on its own side.
    out.push(...piece('equal', insWords.slice(0, head), ins.space), ...middle.map((segment) => (head === 0 ? { ...segment, space: segment.op === 'delete' ? del.space : ins.space } : segment)), ...piece('equal', insWords.slice(insWords.length - tail), true));
    i++;
  }
  return { segments: out, changed, unmarked };
}
