/**
 * Align the blocks of two versions: identical blocks first (jsdiff's `diffArrays` on the headings'
 * wording keys, then on the keys of the blocks between each two matched headings), then blocks that reappear elsewhere (moved), then renamed headings with the same
 * anchor, then changed blocks paired by similarity inside each gap between identical blocks, then
 * nearly identical blocks anywhere (moved with edits). What is left was inserted or deleted.
 *
 * Cost stays near linear: similarity is only computed inside a gap (banded when the gap is large)
 * and, for moves with edits, against a bounded number of blocks of similar length.
 */
import { diffArrays } from 'diff';
import { bagSize, dice, wordBag, type WordBag } from './similarity.ts';
import type { Block } from './types.ts';

/** One step of the aligned reading order. Indices point into the old and new block arrays. */
export type Step =
  | { op: 'equal'; old: number; new: number }
  | { op: 'deleted'; old: number }
  | { op: 'inserted'; new: number }
  /** A changed block (`moved: false`) or a moved one (`moved: true`), at its new place. */
  | { op: 'paired'; old: number; new: number; moved: boolean }
  /** Where a moved block stood in the old version. */
  | { op: 'moved-away'; old: number; new: number };

/** Similarity from which two blocks in the same gap are one changed block. */
export const PAIR_THRESHOLD = 0.3;
/** Similarity from which a block found in another place is the same block, moved. */
export const MOVE_THRESHOLD = 0.75;
/** Blocks shorter than this (in words) are never "moved with edits": too little text to tell. */
const MIN_MOVE_WORDS = 4;
/** Largest uneven gap (in words) left to regroup.ts instead of similarity pairing. */
export const REGROUP_WORDS = 1500;
/** Largest gap compared pair by pair; larger gaps are compared within a band. */
const FULL_GAP = 40_000;
const BAND = 25;
/** Candidates of similar length compared per block when looking for moves with edits. */
const MOVE_CANDIDATES = 64;

/**
 * Align two block sequences.
 *
 * @param oldBlocks Blocks of the old version. @param newBlocks Blocks of the new version.
 * @param oldKeys Their wording keys (see normalise.ts). @param newKeys Same for the new blocks.
 * @returns Steps in reading order: the new version's order, with deleted blocks and the places
 *   moved blocks left where they stood.
 */
export function alignBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], oldKeys: readonly string[], newKeys: readonly string[]): Step[] {
  type Item = { side: 'equal'; old: number; new: number } | { side: 'old'; index: number; gap: number } | { side: 'new'; index: number; gap: number };
  const items: Item[] = [];
  const gaps: { olds: number[]; news: number[] }[] = [];
  const gapOfOld = new Map<number, number>();
  const gapOfNew = new Map<number, number>();
  let gap = -1;
  const equal = (o: number, n: number) => {
    items.push({ side: 'equal', old: o, new: n });
    gap = -1;
  };
  const unmatched = (side: 'old' | 'new', index: number) => {
    if (gap < 0) gap = gaps.push({ olds: [], news: [] }) - 1;
    if (side === 'old') {
      gaps[gap]!.olds.push(index);
      gapOfOld.set(index, gap);
    } else {
      gaps[gap]!.news.push(index);
      gapOfNew.set(index, gap);
    }
    items.push({ side, index, gap });
  };
  // Identical blocks, section by section: headings are matched first, then the blocks between two
  // matched headings, so the cost grows with the size of the sections, not of the whole text.
  const headsOld = indicesOfHeadings(oldBlocks);
  const headsNew = indicesOfHeadings(newBlocks);
  let [o0, n0] = [0, 0];
  const region = (o1: number, n1: number) => {
    let [i, j] = [o0, n0];
    for (const change of diffArrays(oldKeys.slice(o0, o1), newKeys.slice(n0, n1))) {
      for (let n = 0; n < change.count; n++) {
        if (change.removed) unmatched('old', i++);
        else if (change.added) unmatched('new', j++);
        else equal(i++, j++);
      }
    }
  };
  let [hi, hj] = [0, 0];
  for (const change of diffArrays(headsOld.map((i) => oldKeys[i]!), headsNew.map((j) => newKeys[j]!))) {
    if (change.added) hj += change.count;
    else if (change.removed) hi += change.count;
    else {
      for (let n = 0; n < change.count; n++) {
        const [o, m] = [headsOld[hi++]!, headsNew[hj++]!];
        region(o, m);
        equal(o, m);
        [o0, n0] = [o + 1, m + 1];
      }
    }
  }
  region(oldBlocks.length, newBlocks.length);

  const pairOfOld = new Map<number, { new: number; moved: boolean }>();
  const pairedNew = new Map<number, { old: number; moved: boolean }>();
  const pair = (o: number, n: number) => {
    const moved = gapOfOld.get(o) !== gapOfNew.get(n);
    pairOfOld.set(o, { new: n, moved });
    pairedNew.set(n, { old: o, moved });
  };
  const unpairedOld = () => [...gapOfOld.keys()].filter((o) => !pairOfOld.has(o));
  const unpairedNew = () => [...gapOfNew.keys()].filter((n) => !pairedNew.has(n));

  // 1. The same text elsewhere: moved.
  const byKey = new Map<string, number[]>();
  for (const n of unpairedNew()) {
    const queue = byKey.get(newKeys[n]!);
    if (queue) queue.push(n);
    else byKey.set(newKeys[n]!, [n]);
  }
  for (const o of unpairedOld()) {
    const queue = byKey.get(oldKeys[o]!);
    if (queue && queue.length > 0) pair(o, queue.shift()!);
  }

  // 2. A heading that kept its anchor: the same section, renamed.
  const headingByAnchor = new Map<string, number>();
  for (const n of unpairedNew()) if (newBlocks[n]!.type === 'heading') headingByAnchor.set(newBlocks[n]!.section.anchor, n);
  for (const o of unpairedOld()) {
    const n = oldBlocks[o]!.type === 'heading' ? headingByAnchor.get(oldBlocks[o]!.section.anchor) : undefined;
    if (n !== undefined && !pairedNew.has(n)) pair(o, n);
  }

  // 3. Changed blocks, by similarity, inside each gap.
  const bags = new Map<string, { bag: WordBag; size: number }>();
  const bagOf = (side: 'o' | 'n', index: number) => {
    const id = side + index;
    let entry = bags.get(id);
    if (!entry) {
      const bag = wordBag((side === 'o' ? oldKeys : newKeys)[index]!);
      bags.set(id, (entry = { bag, size: bagSize(bag) }));
    }
    return entry;
  };
  const similarity = (o: number, n: number) => {
    if (!compatible(oldBlocks[o]!, newBlocks[n]!)) return 0;
    const a = bagOf('o', o);
    const b = bagOf('n', n);
    return dice(a.bag, b.bag, a.size, b.size);
  };
  for (const { olds, news } of gaps) {
    const freeOld = olds.filter((o) => !pairOfOld.has(o));
    const freeNew = news.filter((n) => !pairedNew.has(n));
    if (freeOld.length === 0 || freeNew.length === 0) continue;
    // Uneven gaps of moderate size (a paragraph split into a list, items merged) are left to
    // regroup.ts, which diffs their words as one text; pairing would match one piece and lose the rest.
    const textOld = freeOld.filter((o) => oldBlocks[o]!.type !== 'heading');
    const textNew = freeNew.filter((n) => newBlocks[n]!.type !== 'heading');
    const words = [...textOld.map((o) => bagOf('o', o).size), ...textNew.map((n) => bagOf('n', n).size)].reduce((a, b) => a + b, 0);
    if (textOld.length !== textNew.length && textOld.length > 0 && textNew.length > 0 && words <= REGROUP_WORDS) continue;
    const candidates: [number, number, number][] = [];
    const full = freeOld.length * freeNew.length <= FULL_GAP;
    freeOld.forEach((o, x) => {
      const centre = Math.round((x * freeNew.length) / freeOld.length);
      const from = full ? 0 : Math.max(0, centre - BAND);
      const to = full ? freeNew.length : Math.min(freeNew.length, centre + BAND + 1);
      for (let y = from; y < to; y++) {
        const score = similarity(o, freeNew[y]!);
        if (score >= PAIR_THRESHOLD) candidates.push([score, o, freeNew[y]!]);
      }
    });
    candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [, o, n] of candidates) if (!pairOfOld.has(o) && !pairedNew.has(n)) pair(o, n);
  }

  // 4. Nearly the same text elsewhere: moved with edits.
  const restNew = unpairedNew()
    .map((n) => ({ n, size: bagOf('n', n).size }))
    .filter((c) => c.size >= MIN_MOVE_WORDS)
    .sort((a, b) => a.size - b.size || a.n - b.n);
  for (const o of unpairedOld()) {
    const size = bagOf('o', o).size;
    if (size < MIN_MOVE_WORDS || restNew.length === 0) continue;
    const start = lowerBound(restNew, Math.ceil(size * 0.6));
    let best: { n: number; score: number } | undefined;
    for (let k = start, seen = 0; k < restNew.length && restNew[k]!.size <= size / 0.6 && seen < MOVE_CANDIDATES; k++, seen++) {
      const n = restNew[k]!.n;
      if (pairedNew.has(n)) continue;
      const score = similarity(o, n);
      if (score >= MOVE_THRESHOLD && (!best || score > best.score)) best = { n, score };
    }
    if (best) pair(o, best.n);
  }

  const steps: Step[] = [];
  for (const item of items) {
    if (item.side === 'equal') steps.push({ op: 'equal', old: item.old, new: item.new });
    else if (item.side === 'old') {
      const p = pairOfOld.get(item.index);
      if (!p) steps.push({ op: 'deleted', old: item.index });
      else if (p.moved) steps.push({ op: 'moved-away', old: item.index, new: p.new });
    } else {
      const p = pairedNew.get(item.index);
      steps.push(p ? { op: 'paired', old: p.old, new: item.index, moved: p.moved } : { op: 'inserted', new: item.index });
    }
  }
  return steps;
}

/** Headings pair only with headings and table rows with table rows; other blocks pair freely. */
function compatible(a: Block, b: Block): boolean {
  const group = (block: Block) => (block.type === 'heading' || block.type === 'table-row' ? block.type : 'text');
  return group(a) === group(b);
}

function indicesOfHeadings(blocks: readonly Block[]): number[] {
  const indices: number[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'heading') indices.push(index);
  });
  return indices;
}

function lowerBound(sorted: readonly { size: number }[], size: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.size < size) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
