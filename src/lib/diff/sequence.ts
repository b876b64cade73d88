/**
 * A diff of two sequences of strings, fast on long texts with many edits: the common start and
 * end are cut off, then the items that occur exactly once in each side anchor the rest (the
 * longest increasing run of them, as in Bram Cohen's patience diff; when none is unique, the
 * rarest items that occur equally often on both sides, as in histogram diff), and only the stretches between
 * anchors go to jsdiff's `diffArrays` (Myers' O(ND) algorithm). Myers alone costs the number of
 * items times the number of edits, which is what made long rewrites slow; between anchors both are
 * small. The result is a common subsequence, not always a longest one: patience diff keeps unique
 * lines (here words) in order, which is also what a reader expects to stay.
 */
import { diffArrays } from 'diff';

/** One run of the result, in order: `count` items kept, added (new side only) or removed (old side only). */
export interface SequenceChange {
  count: number;
  added?: boolean;
  removed?: boolean;
}

/** Stretches shorter than this (items on both sides together) go to Myers directly. */
const SMALL = 64;

/**
 * Diff two sequences.
 *
 * @param a Old items. @param b New items (compared with `===`).
 * @param maxEdits Give up (return `undefined`) when a stretch between anchors needs more edits
 *   than this; `undefined` for no limit.
 * @returns Runs covering both sequences in order, like jsdiff's `diffArrays`; `undefined` when
 *   `maxEdits` was exceeded.
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits?: number): SequenceChange[] | undefined {
  const out: SequenceChange[] = [];
  const push = (count: number, kind: 'equal' | 'added' | 'removed') => {
    if (count === 0) return;
    const last = out.at(-1);
    const lastKind = last ? (last.added ? 'added' : last.removed ? 'removed' : 'equal') : undefined;
    if (last && lastKind === kind) last.count += count;
    else out.push(kind === 'equal' ? { count } : kind === 'added' ? { count, added: true } : { count, removed: true });
  };
  const solve = (a0: number, a1: number, b0: number, b1: number): boolean => {
    // Common start and end.
    let start = 0;
    while (a0 + start < a1 && b0 + start < b1 && a[a0 + start] === b[b0 + start]) start++;
    let end = 0;
    while (a1 - end > a0 + start && b1 - end > b0 + start && a[a1 - 1 - end] === b[b1 - 1 - end]) end++;
    push(start, 'equal');
    const [x0, x1, y0, y1] = [a0 + start, a1 - end, b0 + start, b1 - end];
    if (x0 === x1 || y0 === y1) {
      push(x1 - x0, 'removed');
      push(y1 - y0, 'added');
    } else {
      const anchors = x1 - x0 + (y1 - y0) > SMALL ? uniqueAnchors(a, b, x0, x1, y0, y1) : [];
      if (anchors.length === 0) {
        const [left, right] = [a.slice(x0, x1), b.slice(y0, y1)];
        const result = maxEdits === undefined ? diffArrays(left, right) : diffArrays(left, right, { maxEditLength: maxEdits });
        if (!result) return false;
        for (const change of result) push(change.count, change.added ? 'added' : change.removed ? 'removed' : 'equal');
      } else {
        let [i, j] = [x0, y0];
        for (const [p, q] of anchors) {
          if (!solve(i, p, j, q)) return false;
          push(1, 'equal');
          [i, j] = [p + 1, q + 1];
        }
        if (!solve(i, x1, j, y1)) return false;
      }
    }
    push(end, 'equal');
    return true;
  };
  return solve(0, a.length, 0, b.length) ? out : undefined;
}

/** Repeated items are anchors only when they occur at most this often on each side. */
const MAX_REPEAT = 32;

/**
 * Anchors for a stretch: the items that occur exactly once in each of two ranges, as position
 * pairs, keeping the longest run increasing on both sides (patience sorting). When no item is
 * unique (a text repeated, such as a schedule copied for each service), the items that occur
 * equally often on both sides, fewest times first (at most MAX_REPEAT), are paired occurrence by
 * occurrence instead, as histogram diff does with its rarest lines: the stretches between them are
 * shorter, and their items unique again.
 */
function uniqueAnchors(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const placesA = new Map<string, number[]>();
  for (let i = a0; i < a1; i++) {
    const list = placesA.get(a[i]!);
    if (list) list.push(i);
    else placesA.set(a[i]!, [i]);
  }
  const placesB = new Map<string, number[]>();
  for (let j = b0; j < b1; j++) {
    const list = placesB.get(b[j]!);
    if (list) list.push(j);
    else placesB.set(b[j]!, [j]);
  }
  let fewest = Infinity;
  for (const [item, list] of placesA) {
    const other = placesB.get(item);
    if (other && other.length === list.length && list.length < fewest) fewest = list.length;
  }
  if (fewest > MAX_REPEAT) return [];
  const pairs: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const list = placesA.get(a[i]!)!;
    const other = placesB.get(a[i]!);
    if (list.length !== fewest || other?.length !== fewest) continue;
    // The k-th occurrence on one side with the k-th on the other (list is in increasing order).
    pairs.push([i, other[fewest === 1 ? 0 : list.indexOf(i)]!]);
  }
  return longestIncreasing(pairs);
}

/** The longest chain of pairs (old positions increasing) whose new positions increase too. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, q], k) => {
    let [lo, hi] = [0, tails.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < q) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: [number, number][] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}
