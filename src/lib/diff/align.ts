/**
 * Align the blocks of two versions (issue 12, "an engine checked by invariants"):
 * 1. identical blocks: one common subsequence of the two block sequences, anchored on blocks that
 *    occur once in each and longest between anchors (levels and list nesting ignored, pinned
 *    anchors kept), each inserted or deleted run slid to section bounds;
 * 2. blocks that reappear elsewhere: moved (only ever blocks outside that subsequence);
 * 3. headings that kept their anchor, or whose sections' bodies agree: the same section renamed
 *    (never paired on their own words);
 * 4. nearly identical blocks in another gap, when they match there better than at home: moved with edits;
 * 5. the rest of each gap: diffed word by word as one text per section (regroup.ts) when moderate,
 *    else paired block by block by similarity.
 * What is left was inserted or deleted.
 *
 * Cost stays near linear: similarity is only computed inside a gap (banded when the gap is large)
 * and, for moves with edits, against a bounded number of blocks sharing a rare word.
 */
import { diffSequences } from './sequence.ts';
import { bagSize, dice, wordBag, type WordBag } from './similarity.ts';
import type { Block } from './types.ts';
import { wordPairs } from './word-pairs.ts';

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
/** Agreement of two sections' bodies (Dice over word pairs) from which their headings are one section renamed. */
export const SECTION_THRESHOLD = 0.3;
/** Similarity of the words of two headings with no text under either, from which they are one heading changed. */
const HEADING_WORDS_THRESHOLD = 0.5;
/** Blocks shorter than this (in words) are never "moved with edits": too little text to tell. */
const MIN_MOVE_WORDS = 4;
/** Largest uneven gap (in words) left to regroup.ts instead of similarity pairing. */
export const REGROUP_WORDS = 6000;
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
  // Identical blocks: a common subsequence of the two block sequences (sequence.ts: blocks that
  // occur once in each version anchor it, Myers' O(ND) finds the longest one between anchors), over keys that ignore heading levels and nesting (a heading that
  // changed level, a paragraph that became a list item is the same block, in place) but keep a
  // pinned anchor (two "Details" headings with different `{#id}`s are different sections). Then
  // each inserted or deleted run is slid, among the places that give the same subsequence, to
  // where a reader expects it: starting at a heading and ending before one (a whole section), like
  // git's diff "slider" heuristics.
  const oldLcs = oldBlocks.map((block, i) => alignmentKey(block, oldKeys[i]!));
  const newLcs = newBlocks.map((block, i) => alignmentKey(block, newKeys[i]!));
  const entries: Entry[] = [];
  let [i0, j0] = [0, 0];
  for (const change of diffSequences(oldLcs, newLcs)!) {
    for (let n = 0; n < change.count; n++) {
      if (change.removed) entries.push({ op: 'delete', old: i0++ });
      else if (change.added) entries.push({ op: 'insert', new: j0++ });
      else entries.push({ op: 'equal', old: i0++, new: j0++ });
    }
  }
  slideToSections(entries, oldBlocks, newBlocks, oldLcs, newLcs);
  for (const entry of entries) {
    if (entry.op === 'equal') equal(entry.old!, entry.new!);
    else if (entry.op === 'delete') unmatched('old', entry.old!);
    else unmatched('new', entry.new!);
  }

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

  // Word bags, for the similarity of two blocks (Dice's coefficient over their words).
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
  // How much two sections agree: Dice's coefficient over the word pairs of their bodies (the
  // blocks between a heading and the next), which unrelated legal texts rarely share, unlike
  // single words ("of personal data"). Headings are paired on this, never on their own words.
  const bodies = { o: new Map<number, { bag: WordBag; size: number }>(), n: new Map<number, { bag: WordBag; size: number }>() };
  const bodyOf = (side: 'o' | 'n', heading: number) => {
    let entry = bodies[side].get(heading);
    if (!entry) {
      const blocks = side === 'o' ? oldBlocks : newBlocks;
      const bag: WordBag = new Map();
      for (let i = heading + 1; i < blocks.length && blocks[i]!.type !== 'heading'; i++) for (const pair of wordPairs(blocks[i]!)) bag.set(pair, (bag.get(pair) ?? 0) + 1);
      bodies[side].set(heading, (entry = { bag, size: bagSize(bag) }));
    }
    return entry;
  };
  const agreement = (o: number, n: number) => {
    const [a, b] = [bodyOf('o', o), bodyOf('n', n)];
    // Two headings with no text under them: only their words can tell.
    if (a.size === 0 && b.size === 0) return similarity(o, n) >= HEADING_WORDS_THRESHOLD ? 1 : 0;
    return dice(a.bag, b.bag, a.size, b.size);
  };
  const freeHeadings = (side: 'old' | 'new') => (side === 'old' ? unpairedOld().filter((o) => oldBlocks[o]!.type === 'heading') : unpairedNew().filter((n) => newBlocks[n]!.type === 'heading'));

  // 2. A heading that kept its anchor: the same section, renamed; unless its section shares little
  // with its old namesake while another section matches far better (the anchor was renumbered).
  const headingByAnchor = new Map<string, number>();
  for (const n of freeHeadings('new')) headingByAnchor.set(newBlocks[n]!.section.anchor, n);
  const otherNew = freeHeadings('new');
  for (const o of freeHeadings('old')) {
    const n = headingByAnchor.get(oldBlocks[o]!.section.anchor);
    if (n === undefined || pairedNew.has(n)) continue;
    const own = agreement(o, n);
    const better = own < SECTION_THRESHOLD && otherNew.some((m) => m !== n && !pairedNew.has(m) && agreement(o, m) >= Math.max(2 * own, 0.5));
    if (!better) pair(o, n);
  }

  // 3. Renamed headings inside each gap, by how much their sections agree.
  for (const { olds, news } of gaps) {
    const headsOld = olds.filter((o) => !pairOfOld.has(o) && oldBlocks[o]!.type === 'heading');
    const headsNew = news.filter((n) => !pairedNew.has(n) && newBlocks[n]!.type === 'heading');
    if (headsOld.length === 0 || headsNew.length === 0 || headsOld.length * headsNew.length > FULL_GAP) continue;
    const candidates: [number, number, number][] = [];
    for (const o of headsOld) for (const n of headsNew) {
      const score = agreement(o, n);
      if (score >= SECTION_THRESHOLD) candidates.push([score, o, n]);
    }
    candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [, o, n] of candidates) if (!pairOfOld.has(o) && !pairedNew.has(n)) pair(o, n);
  }

  // 4. Nearly the same text elsewhere: moved with edits, when it matches there better than anything
  // in its own gap. Candidates share one of the block's rarest words (an inverted index), so each
  // block is compared with a few others, not all. Headings never move with edits: a heading with
  // other words is another section, or the same one renamed (steps 2 and 3).
  const movable = (side: 'o' | 'n', index: number) => (side === 'o' ? oldBlocks : newBlocks)[index]!.type !== 'heading' && bagOf(side, index).size >= MIN_MOVE_WORDS;
  const restNew = unpairedNew().filter((n) => movable('n', n));
  const frequency = new Map<string, number>();
  for (const n of restNew) for (const word of bagOf('n', n).bag.keys()) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  // The RARE_WORDS words of a bag that fewest new blocks have (ties by spelling): picked by insertion
  // into a short sorted list, since sorting the whole bag for a few of its words was step 4's main cost.
  const rarest = (bag: WordBag) => {
    const words: string[] = [];
    const counts: number[] = [];
    for (const word of bag.keys()) {
      const count = frequency.get(word) ?? 0;
      let at = words.length;
      while (at > 0 && (counts[at - 1]! > count || (counts[at - 1] === count && words[at - 1]! > word))) at--;
      if (at >= RARE_WORDS) continue;
      words.splice(at, 0, word);
      counts.splice(at, 0, count);
      if (words.length > RARE_WORDS) {
        words.pop();
        counts.pop();
      }
    }
    return words;
  };
  const index = new Map<string, number[]>();
  for (const n of restNew) {
    for (const word of rarest(bagOf('n', n).bag)) {
      const list = index.get(word);
      if (list) list.push(n);
      else index.set(word, [n]);
    }
  }
  for (const o of unpairedOld()) {
    if (!movable('o', o)) continue;
    const candidates = new Set(rarest(bagOf('o', o).bag).flatMap((word) => (index.get(word) ?? []).slice(0, MOVE_CANDIDATES)));
    let best: { n: number; score: number; distance: number } | undefined;
    let home = 0;
    for (const n of candidates) {
      if (pairedNew.has(n)) continue;
      const score = similarity(o, n);
      if (gapOfNew.get(n) === gapOfOld.get(o)) {
        home = Math.max(home, score);
        continue;
      }
      // Equal scores go to the nearest place (relative position in the text), so repeated text pairs in order.
      const distance = Math.abs(o / oldBlocks.length - n / newBlocks.length);
      if (score >= MOVE_THRESHOLD && (!best || score > best.score || (score === best.score && distance < best.distance))) best = { n, score, distance };
    }
    if (best && best.score > home) pair(o, best.n);
  }

  // 5. What is left of each gap: a moderate gap is diffed word by word as one text (regroup.ts),
  // which marks no more words than the minimal edit of that stretch and keeps a paragraph split,
  // merged or re-cut free of word changes; a large one is paired block by block by similarity.
  for (const { olds, news } of gaps) {
    const freeOld = olds.filter((o) => !pairOfOld.has(o) && oldBlocks[o]!.type !== 'heading');
    const freeNew = news.filter((n) => !pairedNew.has(n) && newBlocks[n]!.type !== 'heading');
    if (freeOld.length === 0 || freeNew.length === 0) continue;
    const words = [...freeOld.map((o) => bagOf('o', o).size), ...freeNew.map((n) => bagOf('n', n).size)].reduce((a, b) => a + b, 0);
    if (words <= REGROUP_WORDS) {
      freeOld.forEach((o) => pieces?.old.add(o));
      freeNew.forEach((n) => pieces?.new.add(n));
      continue;
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


/** One block of the aligned sequence: kept (both indices), deleted (old) or inserted (new). */
interface Entry {
  op: 'equal' | 'insert' | 'delete';
  old?: number;
  new?: number;
}

/**
 * The key a block is matched on in the longest common subsequence: its wording key; for a
 * heading, marked as a heading (a heading matches only a heading) and with its anchor when the
 * anchor is pinned (`{#id}`). Levels and list nesting are left out: changing them keeps a block in place.
 */
function alignmentKey(block: Block, wording: string): string {
  if (block.type !== 'heading') return wording;
  return block.pinned ? `\u0002h#${block.section.anchor}\u0002${wording}` : `\u0002h\u0002${wording}`;
}

/**
 * Slide each run of only inserted (or only deleted) blocks, among the places that keep the same
 * common subsequence, to the one a reader expects: a run that starts with a heading scores 2, one
 * followed by a heading (or the end) 1; the best score wins, the earliest place on a tie. Myers'
 * algorithm may otherwise keep the first of two "Cookies" headings and insert "…text. Cookies"
 * instead of a whole new "Cookies" section. The subsequence stays a longest one.
 *
 * @param entries Aligned blocks (changed in place).
 */
function slideToSections(entries: Entry[], oldBlocks: readonly Block[], newBlocks: readonly Block[], oldKeys: readonly string[], newKeys: readonly string[]): void {
  const keyOf = (entry: Entry, side: 'old' | 'new') => (side === 'old' ? oldKeys[entry.old!] : newKeys[entry.new!]);
  let start = 0;
  while (start < entries.length) {
    const op = entries[start]!.op;
    let end = start;
    while (end < entries.length && entries[end]!.op === op) end++;
    const other = op === 'insert' ? 'delete' : 'insert';
    const pure = op !== 'equal' && entries[start - 1]?.op !== other && entries[end]?.op !== other;
    if (pure) {
      const side = op === 'insert' ? 'new' : 'old';
      const blocks = side === 'new' ? newBlocks : oldBlocks;
      let left = 0;
      while (start - left - 1 >= 0 && entries[start - left - 1]!.op === 'equal' && keyOf(entries[start - left - 1]!, side) === keyOf(entries[end - left - 1]!, side)) left++;
      let right = 0;
      while (end + right < entries.length && entries[end + right]!.op === 'equal' && keyOf(entries[end + right]!, side) === keyOf(entries[start + right]!, side)) right++;
      if (left + right > 0) {
        const window = entries.slice(start - left, end + right).map((e) => (side === 'new' ? e.new! : e.old!));
        const length = end - start;
        const after = (shift: number) => (shift + length < window.length ? window[shift + length] : (side === 'new' ? entries[end + right]?.new : entries[end + right]?.old));
        let best = left;
        let bestScore = -1;
        for (let shift = 0; shift <= left + right; shift++) {
          const next = after(shift);
          const score = (blocks[window[shift]!]!.type === 'heading' ? 2 : 0) + (next === undefined || blocks[next]?.type === 'heading' ? 1 : 0);
          if (score > bestScore) [best, bestScore] = [shift, score];
        }
        if (best !== left) {
          const otherSide = side === 'new' ? 'old' : 'new';
          const others = entries.slice(start - left, end + right).filter((e) => e.op === 'equal').map((e) => e[otherSide]!);
          const rebuilt: Entry[] = window.map((index, k) => {
            if (k >= best && k < best + length) return side === 'new' ? { op: 'insert', new: index } : { op: 'delete', old: index };
            const kept = others.shift()!;
            return side === 'new' ? { op: 'equal', old: kept, new: index } : { op: 'equal', old: index, new: kept };
          });
          entries.splice(start - left, window.length, ...rebuilt);
          end = start - left + best + length;
        }
      }
    }
    start = end;
  }
}
