/**
 * Word-level diff inside a changed block: both blocks are cut into words with `Intl.Segmenter`
 * (word granularity, so languages without spaces work too) and the word sequences are compared
 * with `diffSequences` (sequence.ts: unique words as anchors, Myers' O(ND) between them).
 */
import { diffSequences } from './sequence.ts';
import { plainText, typographyKey } from './normalise.ts';
import type { Run, Segment } from './types.ts';
import { appendToken, countTouchedWords, tokenize, type Token, type Tokenizer } from './tokens.ts';


/** What a word diff returns. */
export interface WordDiff {
  segments: Segment[];
  /** Whitespace-separated words of the new block that contain an inserted token (letters or digits only). */
  wordsInserted: number;
  /** Same for deleted tokens of the old block. */
  wordsDeleted: number;
}

/**
 * Diff two blocks word by word.
 *
 * @param oldRuns Runs of the old block.
 * @param newRuns Runs of the new block.
 * @param options `typography: 'ignore'` (default) compares words with typography normalised, so
 *   only wording shows; `'show'` compares them as written (for formatting changes). `locale` for
 *   the segmenter, or a `tokenizer` shared by one diff.
 * @returns Segments in reading order (kept text taken from the new block) and word counts.
 */
export function diffWordsOf(oldRuns: readonly Run[], newRuns: readonly Run[], options: { typography?: 'ignore' | 'show'; locale?: string; tokenizer?: Tokenizer } = {}): WordDiff {
  // Words both blocks start or end with are kept as they are, without cutting them into tokens.
  if (!oldRuns.some((run) => run.href !== undefined) && !newRuns.some((run) => run.href !== undefined)) {
    const trim = trimCommonWords(plainText(oldRuns), plainText(newRuns));
    if (trim) {
      const middle = diffWordsOf([{ text: trim.oldMiddle }], [{ text: trim.newMiddle }], { typography: options.typography, locale: options.locale });
      const segments: Segment[] = [];
      const add = (segment: Segment) => {
        const last = segments.at(-1);
        if (last && segment.op === 'equal' && last.op === 'equal' && last.href === undefined && last.target === undefined) last.text += ' ' + segment.text;
        else segments.push(segments.length === 0 ? { ...segment, space: false } : segment);
      };
      if (trim.prefix) add({ op: 'equal', text: trim.prefix, space: false });
      middle.segments.forEach((segment, index) => add(index === 0 && trim.prefix ? { ...segment, space: true } : segment));
      if (trim.suffix) add({ op: 'equal', text: trim.suffix, space: true });
      return { segments, wordsInserted: middle.wordsInserted, wordsDeleted: middle.wordsDeleted };
    }
  }
  const cut = options.tokenizer ?? ((runs: readonly Run[]) => tokenize(runs, options.locale));
  const oldTokens = cut(oldRuns);
  const newTokens = cut(newRuns);
  const key = (t: Token) => (t.target ? `\u0001${t.text}` : options.typography === 'show' ? t.text : typographyKey(t.text));
  const oldKeys = oldTokens.map(key);
  const newKeys = newTokens.map(key);
  const entries: Entry[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffSequences(oldKeys, newKeys)!) {
    for (let n = 0; n < change.count; n++) {
      if (change.removed) entries.push({ op: 'delete', old: i++ });
      else if (change.added) entries.push({ op: 'insert', new: j++ });
      else entries.push({ op: 'equal', old: i++, new: j++ });
    }
  }
  slideToSentences(entries, oldTokens, newTokens, oldKeys, newKeys);
  const segments: Segment[] = [];
  const oldChanged = new Set<number>();
  const newChanged = new Set<number>();
  for (const entry of entries) {
    if (entry.op === 'delete') {
      oldChanged.add(entry.old!);
      appendToken(segments, 'delete', oldTokens[entry.old!]!);
    } else if (entry.op === 'insert') {
      newChanged.add(entry.new!);
      appendToken(segments, 'insert', newTokens[entry.new!]!);
    } else appendToken(segments, 'equal', newTokens[entry.new!]!, oldTokens[entry.old!]!);
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
    if (last && last.href === segment.href && last.target === undefined) last.text += (segment.space ? ' ' : '') + body;
    else segments.push(segment);
    if (run.href !== undefined) segments.push({ op, text: '', space: true, target: run.href });
    space = text.endsWith(' ');
  }
  return segments;
}

/**
 * The words two texts share at their start and at their end, so only the middle needs cutting into
 * tokens and a word diff. Each cut falls at a space and leaves CONTEXT_WORDS shared words in the
 * middle, so an inserted sentence can still slide to its boundary (see `slideToSentences`).
 *
 * @param a Old text, whitespace collapsed. @param b New text, same.
 * @returns Shared prefix and suffix (trimmed) and the two middles; `undefined` when too little is shared.
 */
function trimCommonWords(a: string, b: string): { prefix: string; suffix: string; oldMiddle: string; newMiddle: string } | undefined {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Back to the start of the word the texts part in, then CONTEXT_WORDS more words back.
  let start = p === max && a.length === b.length ? p : a.lastIndexOf(' ', p - 1) + 1;
  for (let n = 0; n < CONTEXT_WORDS && start > 0; n++) start = a.lastIndexOf(' ', start - 2) + 1;
  let s = 0;
  while (s < max - start && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  // Forward to the end of the word the texts part in, then CONTEXT_WORDS more words on.
  let end = a.length - s;
  if (end < a.length) {
    const space = a.indexOf(' ', end);
    end = space < 0 ? a.length : space;
    for (let n = 0; n < CONTEXT_WORDS && end < a.length; n++) {
      const next = a.indexOf(' ', end + 1);
      end = next < 0 ? a.length : next;
    }
  }
  const suffixLength = a.length - end;
  if (start === 0 && suffixLength === 0) return undefined;
  return {
    prefix: a.slice(0, start).trim(),
    suffix: a.slice(end).trim(),
    oldMiddle: a.slice(start, end).trim(),
    newMiddle: b.slice(start, b.length - suffixLength).trim(),
  };
}

/** Shared words left on each side of a trimmed word diff. */
const CONTEXT_WORDS = 6;

/** One token of a word diff: kept (both indices), deleted (old index) or inserted (new index). */
interface Entry {
  op: 'equal' | 'insert' | 'delete';
  old?: number;
  new?: number;
}

/** Tokens that end a sentence or clause. */
const CLAUSE_END = /^[.;:!?\u3002\uFF01\uFF1F]$/u;

/**
 * Slide each run of only inserted (or only deleted) tokens to the place a reader expects it.
 * Myers' algorithm may put an inserted sentence at any of several equivalent places
 * ("services. We [keep it safe. We] never" instead of "services. [We keep it safe.] We never");
 * like git's diff "slider" heuristics, this moves the run, among the equivalent places, to one
 * that starts after a sentence end and ends with one, preferring the earliest. The diff stays minimal.
 */
function slideToSentences(entries: Entry[], oldTokens: readonly Token[], newTokens: readonly Token[], oldKeys: readonly string[], newKeys: readonly string[]): void {
  const keyOf = (entry: Entry, side: 'old' | 'new') => (side === 'old' ? oldKeys[entry.old!] : newKeys[entry.new!]);
  let start = 0;
  while (start < entries.length) {
    const op = entries[start]!.op;
    let end = start;
    while (end < entries.length && entries[end]!.op === op) end++;
    const pure = op !== 'equal' && entries[start - 1]?.op !== (op === 'insert' ? 'delete' : 'insert') && entries[end]?.op !== (op === 'insert' ? 'delete' : 'insert');
    if (pure) {
      const side = op === 'insert' ? 'new' : 'old';
      const tokens = side === 'new' ? newTokens : oldTokens;
      // How far the run can move: left while the kept token before it equals the run's last token, right likewise.
      let left = 0;
      while (start - left - 1 >= 0 && entries[start - left - 1]!.op === 'equal' && keyOf(entries[start - left - 1]!, side) === keyOf(entries[end - left - 1]!, side)) left++;
      let right = 0;
      while (end + right < entries.length && entries[end + right]!.op === 'equal' && keyOf(entries[end + right]!, side) === keyOf(entries[start + right]!, side)) right++;
      if (left + right > 0) {
        // The run's tokens, in order, over the whole movable window: kept + run + kept.
        const window = entries.slice(start - left, end + right).map((e) => (side === 'new' ? e.new! : e.old!));
        const length = end - start;
        let best = left;
        let bestScore = -1;
        for (let shift = 0; shift <= left + right; shift++) {
          const outside = entries[start - left - 1];
          const before = shift > 0 ? window[shift - 1] : outside?.[side];
          const last = window[shift + length - 1]!;
          const opensSentence = shift === 0 && !outside ? true : before !== undefined && CLAUSE_END.test(tokens[before]!.text);
          const score = (opensSentence ? 2 : 0) + (CLAUSE_END.test(tokens[last]!.text) ? 1 : 0);
          if (score > bestScore) [best, bestScore] = [shift, score];
        }
        if (best !== left) {
          const otherSide = side === 'new' ? 'old' : 'new';
          const others = entries.slice(start - left, end + right).filter((e) => e.op === 'equal').map((e) => e[otherSide]!);
          const rebuilt: Entry[] = window.map((index, k) => {
            const inRun = k >= best && k < best + length;
            if (inRun) return side === 'new' ? { op: 'insert', new: index } : { op: 'delete', old: index };
            const other = others.shift()!;
            return side === 'new' ? { op: 'equal', old: other, new: index } : { op: 'equal', old: index, new: other };
          });
          entries.splice(start - left, window.length, ...rebuilt);
          end = start - left + best + length;
        }
      }
    }
    start = end;
  }
}
