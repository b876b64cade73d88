/**
 * Align the blocks of two versions: identical blocks first (jsdiff's `diffArrays` on the headings'
 * wording keys, level by level, then on the keys of the blocks between matched headings), then blocks that reappear elsewhere (moved), then renamed headings with the same
 * anchor, then changed blocks paired by similarity inside each gap between identical blocks, then
 * nearly identical blocks anywhere (moved with edits). What is left was inserted or deleted.
 *
 * Cost stays near linear: similarity is only computed inside a gap (banded when the gap is large)
 * and, for moves with edits, against a bounded number of blocks of similar length.
 */
import { diffArrays } from 'diff';
import { bagSize, dice, wordBag, type WordBag } from './similarity.ts';
import type { Block } from './types.ts';
import { findPieces } from './word-pairs.ts';

/** One step of the aligned reading order. Indices point into the old and new block arrays. */
export type Step =
  | { op: 'equal'; old: number; new: number }
  | { op: 'deleted'; old: number }
  | { op: 'inserted'; new: number }
  /** A changed block (`moved: false`) or a moved one (`moved: true`), at its new place. */
  | { op: 'paired'; old: number; new: number; moved: boolean }
  /** Where a moved block stood in the old version. */
  | { op: 'moved-away'; old: number; new: number };

/** Indices of old and new blocks that are pieces of a split or merge. */
export interface Pieces {
  old: Set<number>;
  new: Set<number>;
}

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
/** Rarest words of a block used to find the blocks it may have moved to. */
const RARE_WORDS = 3;
/** Most candidates taken per rare word when looking for moves with edits. */
const MOVE_CANDIDATES = 64;

/**
 * Align two block sequences.
 *
 * @param oldBlocks Blocks of the old version. @param newBlocks Blocks of the new version.
 * @param oldKeys Their wording keys (see normalise.ts). @param newKeys Same for the new blocks.
 * @param pieces Filled with the blocks left unpaired as pieces of a split or merge, for regroup.ts.
 * @returns Steps in reading order: the new version's order, with deleted blocks and the places
 *   moved blocks left where they stood.
 */
export function alignBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], oldKeys: readonly string[], newKeys: readonly string[], pieces?: Pieces): Step[] {
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
  // Identical blocks, section by section: the headings of the top level are matched first, then,
  // between two matched headings, those of the next level, and so on down to the blocks; so the
  // cost grows with the size of the sections, not of the whole text.
  const align = (o0: number, o1: number, n0: number, n1: number, depth: number): void => {
    if (o0 >= o1 && n0 >= n1) return;
    const headsOld = headingsAt(oldBlocks, o0, o1, depth);
    const headsNew = headingsAt(newBlocks, n0, n1, depth);
    if (depth <= 6 && headsOld.length === 0 && headsNew.length === 0) return align(o0, o1, n0, n1, depth + 1);
    if (depth > 6 || headsOld.length === 0 || headsNew.length === 0) {
      let [i, j] = [o0, n0];
      for (const change of diffArrays(oldKeys.slice(o0, o1), newKeys.slice(n0, n1))) {
        for (let n = 0; n < change.count; n++) {
          if (change.removed) unmatched('old', i++);
          else if (change.added) unmatched('new', j++);
          else equal(i++, j++);
        }
      }
      return;
    }
    let [oi, ni] = [o0, n0];
    let [hi, hj] = [0, 0];
    for (const change of diffArrays(headsOld.map((i) => oldKeys[i]!), headsNew.map((j) => newKeys[j]!))) {
      if (change.added) hj += change.count;
      else if (change.removed) hi += change.count;
      else {
        for (let n = 0; n < change.count; n++) {
          const [o, m] = [headsOld[hi++]!, headsNew[hj++]!];
          align(oi, o, ni, m, depth + 1);
          equal(o, m);
          [oi, ni] = [o + 1, m + 1];
        }
      }
    }
    align(oi, o1, ni, n1, depth + 1);
  };
  align(0, oldBlocks.length, 0, newBlocks.length, 1);

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
    if (!queue || queue.length === 0) continue;
    // Of several places with the same text, the nearest (by relative position) is the one it moved to.
    const target = (o / oldBlocks.length) * newBlocks.length;
    let k = 0;
    while (k + 1 < queue.length && Math.abs(queue[k + 1]! - target) <= Math.abs(queue[k]! - target)) k++;
    pair(o, queue.splice(k, 1)[0]!);
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
    let freeOld = olds.filter((o) => !pairOfOld.has(o));
    let freeNew = news.filter((n) => !pairedNew.has(n));
    if (freeOld.length === 0 || freeNew.length === 0) continue;
    // Uneven gaps of moderate size with pieces of a split or merge (a paragraph split into a list,
    // items merged) are left to regroup.ts, which diffs their words as one text; pairing would match
    // one piece and lose the rest.
    const textOld = freeOld.filter((o) => oldBlocks[o]!.type !== 'heading');
    const textNew = freeNew.filter((n) => newBlocks[n]!.type !== 'heading');
    const uneven = textOld.length !== textNew.length && textOld.length > 0 && textNew.length > 0;
    const words = uneven ? [...textOld.map((o) => bagOf('o', o).size), ...textNew.map((n) => bagOf('n', n).size)].reduce((a, b) => a + b, 0) : 0;
    if (uneven && words <= REGROUP_WORDS) {
      const found = findPieces(textOld.map((o) => oldBlocks[o]!), textNew.map((n) => newBlocks[n]!));
      // A split leaves several pieces on the new side, a merge on the old side; one piece is a plain edit.
      const many = textNew.length > textOld.length ? found.news.length : found.olds.length;
      if (many >= 2) {
        // The whole gap is diffed as one text: like git's word diff, it keeps what the pieces share.
        textOld.forEach((o) => pieces?.old.add(o));
        textNew.forEach((n) => pieces?.new.add(n));
        continue;
      }
    }
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

  // 4. Nearly the same text elsewhere: moved with edits. Candidates share one of the block's
  // rarest words (an inverted index), so each block is compared with a few others, not all.
  const restNew = unpairedNew().filter((n) => bagOf('n', n).size >= MIN_MOVE_WORDS);
  const frequency = new Map<string, number>();
  for (const n of restNew) for (const word of bagOf('n', n).bag.keys()) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const rarest = (bag: WordBag) => [...bag.keys()].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1)).slice(0, RARE_WORDS);
  const index = new Map<string, number[]>();
  for (const n of restNew) {
    for (const word of rarest(bagOf('n', n).bag)) {
      const list = index.get(word);
      if (list) list.push(n);
      else index.set(word, [n]);
    }
  }
  for (const o of unpairedOld()) {
    if (bagOf('o', o).size < MIN_MOVE_WORDS) continue;
    const candidates = new Set(rarest(bagOf('o', o).bag).flatMap((word) => (index.get(word) ?? []).slice(0, MOVE_CANDIDATES)));
    let best: { n: number; score: number; distance: number } | undefined;
    for (const n of candidates) {
      if (pairedNew.has(n)) continue;
      const score = similarity(o, n);
      // Equal scores go to the nearest place (relative position in the text), so repeated text pairs in order.
      const distance = Math.abs(o / oldBlocks.length - n / newBlocks.length);
      if (score >= MOVE_THRESHOLD && (!best || score > best.score || (score === best.score && distance < best.distance))) best = { n, score, distance };
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

/** Indices of the headings of one level in a range of blocks. */
function headingsAt(blocks: readonly Block[], from: number, to: number, depth: number): number[] {
  const indices: number[] = [];
  for (let i = from; i < to; i++) if (blocks[i]!.type === 'heading' && blocks[i]!.depth === depth) indices.push(i);
  return indices;
}
