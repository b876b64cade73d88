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
    const push = (segment: string, isWordLike: boolean) => {
      const token: Token = { text: segment, space: space && tokens.length > 0, wordLike: isWordLike };
      if (run.href !== undefined) token.href = run.href;
      tokens.push(token);
      space = false;
    };
    // Most legal text is ASCII and Latin-1: cut it without the segmenter (the same segments, see
    // latinSegments), which is several times faster; anything else goes through Intl.Segmenter.
    const fast = latinSegments(run.text, (segment, isWordLike) => {
      if (segment === undefined) space = true;
      else push(segment, isWordLike);
    });
    if (!fast) {
      for (const { segment, isWordLike } of segmenter.segment(run.text)) {
        if (!isWordLike && (segment === ' ' || /^\s+$/u.test(segment))) {
          space = true;
          continue;
        }
        push(segment, isWordLike ?? false);
      }
    }
    // A link's target is compared as one more word after its text, so a changed target is a change of one word.
    if (run.href !== undefined && runs[index + 1]?.href !== run.href) tokens.push({ text: run.href, space: true, wordLike: true, target: true });
  });
  return tokens;
}

/** Character classes of Unicode's word-boundary rules (UAX #29, "Word Boundaries"), for latinSegments. */
const WordClass = { Other: 0, Letter: 1, Numeric: 2, MidLetter: 3, MidNumLet: 4, MidNum: 5, SingleQuote: 6, Space: 7, ExtendNumLet: 8 } as const;
type WordClass = (typeof WordClass)[keyof typeof WordClass];

/** Marks outside ASCII that UAX #29 gives no word-boundary class ("Other"). */
const otherMarks = new Set([0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0xa7, 0xb6, 0x2022, 0xa9, 0xae, 0x2122, 0xb0, 0xab, 0xbb, 0x2192]);

/**
 * The class of each character latinSegments handles, by UTF-16 code; -1 for a character it does not
 * handle: ASCII, the no-break space, Latin-1 letters (À-ÿ except × and ÷), and the marks ‘ ’ “ ” – — … § ¶ • © ® ™ ° « » →.
 */
function classOf(code: number): WordClass | -1 {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return WordClass.Letter;
  if (code >= 0x30 && code <= 0x39) return WordClass.Numeric;
  // No-break space is no WSegSpace (UAX #29 gives it Other, a segment of its own), but a segment of
  // whitespace all the same, which the tokenizer drops like any space: the same tokens.
  if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0) return WordClass.Space;
  if (code < 0x80) {
    if (code < 0x20 || code === 0x7f) return -1;
    if (code === 0x5f) return WordClass.ExtendNumLet; // _
    if (code === 0x3a) return WordClass.MidLetter; // :
    if (code === 0x2e) return WordClass.MidNumLet; // .
    if (code === 0x2c || code === 0x3b) return WordClass.MidNum; // , ;
    if (code === 0x27) return WordClass.SingleQuote; // '
    return WordClass.Other;
  }
  if (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) return WordClass.Letter;
  if (code === 0x2018 || code === 0x2019) return WordClass.MidNumLet; // ‘ ’
  if (otherMarks.has(code)) return WordClass.Other;
  return -1;
}

/**
 * Cut a text into the segments `Intl.Segmenter` gives at word granularity, for texts of the
 * characters classOf handles, by the rules of UAX #29 that apply to them: letters and digits run
 * together with `_` (WB5, WB8-WB10, WB13a-b); `:` `.` `'` ‘ ’ join two letters (WB6-WB7), `,` `;`
 * `.` `'` ‘ ’ two digits (WB11-WB12); every other character is a segment of its own. A segment is a
 * word except a lone `_` (ICU gives a lone ExtendNumLet no word status). The property test in
 * test/lib/diff/tokens.test.ts holds it to Intl.Segmenter on random texts and the corpora.
 *
 * @param text The text.
 * @param emit Called with each segment and whether it is a word (letters or digits), in order, and
 *   with `undefined` for whitespace.
 * @returns false, having emitted nothing, when the text has a character classOf does not handle.
 */
export function latinSegments(text: string, emit: (segment: string | undefined, isWordLike: boolean) => void): boolean {
  const n = text.length;
  const classes = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const c = classOf(text.charCodeAt(i));
    if (c === -1) return false;
    classes[i] = c;
  }
  const isWord = (c: number) => c === WordClass.Letter || c === WordClass.Numeric || c === WordClass.ExtendNumLet;
  let i = 0;
  while (i < n) {
    const c = classes[i]!;
    if (c === WordClass.Space) {
      while (i < n && classes[i] === WordClass.Space) i++;
      emit(undefined, false);
      continue;
    }
    if (!isWord(c)) {
      emit(text[i]!, false);
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      const next = classes[i + 1];
      if (next !== undefined && isWord(next)) {
        i++;
        continue;
      }
      const after = classes[i + 2];
      const here = classes[i]!;
      const joinsLetters = here === WordClass.Letter && after === WordClass.Letter && (next === WordClass.MidLetter || next === WordClass.MidNumLet || next === WordClass.SingleQuote);
      const joinsDigits = here === WordClass.Numeric && after === WordClass.Numeric && (next === WordClass.MidNum || next === WordClass.MidNumLet || next === WordClass.SingleQuote);
      if (joinsLetters || joinsDigits) {
        i += 2;
        continue;
      }
      break;
    }
    emit(text.slice(start, i + 1), i > start || c !== WordClass.ExtendNumLet);
    i++;
  }
  return true;
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
