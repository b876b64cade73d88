/**
 * Blocks that were split or merged: when a gap between identical blocks still has unpaired old
 * and new blocks after pairing (a paragraph split into a list, list items merged into one
 * paragraph, text moved into a table), their words are diffed as one text with jsdiff's
 * `diffSequences` (sequence.ts), and the result is dealt back to the new blocks. Kept words make a new block
 * `modified` instead of a whole insertion; an old block none of whose words were kept stays
 * `deleted`. Without this, a re-cut paragraph would show as all its words deleted and inserted.
 */
import { diffSequences } from './sequence.ts';
import type { Pieces, Step } from './align.ts';
import { typographyKey, wordingKey } from './normalise.ts';
import { dice, wordBag } from './similarity.ts';
import { PAIR_THRESHOLD } from './align.ts';
import type { Block, Change, Segment } from './types.ts';
import { appendToken, countTouchedWords, type Token, type Tokenizer } from './tokens.ts';

/** A change worked out for a step of a regrouped run. */
export type RegroupedChange = Pick<Change, 'kind' | 'segments' | 'wordsInserted' | 'wordsDeleted'> & { sources: number[] };

/** Longest kept stretch (in tokens) that may be a coincidence. */
const COINCIDENCE = 2;

/** Most token edits tried per run before giving up (then the blocks stay inserted and deleted). */
const MAX_EDITS = 3000;

/**
 * Regroup runs of unpaired blocks.
 *
 * @param steps Aligned steps (align.ts).
 * @param oldBlocks Old blocks. @param newBlocks New blocks.
 * @param pieces The blocks alignment left unpaired as pieces of a split or merge (align.ts).
 * @param cut The diff's tokenizer (word-diff.ts).
 * @returns New steps (a regrouped new block becomes a `paired` step with its first source old
 *   block) and the changes worked out for them, by step.
 */
export function regroup(steps: readonly Step[], oldBlocks: readonly Block[], newBlocks: readonly Block[], pieces: Pieces, cut: Tokenizer): { steps: Step[]; changes: Map<Step, RegroupedChange> } {
  // Which sections are one across the versions: those whose headings were kept or paired; and a
  // section whose heading is gone (or new) with the section of the other version it stands in, so
  // that text merged into a neighbouring section, or split out of one, is still diffed against itself.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const unite = (a: string, b: string) => parent.set(find(a), find(b));
  const joined = new Set<string>();
  for (const step of steps) {
    if ((step.op === 'equal' || (step.op === 'paired' && !step.moved)) && oldBlocks[step.old]!.type === 'heading' && newBlocks[step.new]!.type === 'heading') {
      unite(`o:${oldBlocks[step.old]!.section.anchor}`, `n:${newBlocks[step.new]!.section.anchor}`);
      joined.add(`o:${oldBlocks[step.old]!.section.anchor}`).add(`n:${newBlocks[step.new]!.section.anchor}`);
    }
  }
  unite('o:', 'n:');
  let [oldHere, newHere] = ['', ''];
  for (const step of steps) {
    if (step.op !== 'inserted' && step.op !== 'moved-away') {
      const block = oldBlocks[step.old]!;
      if (block.type === 'heading' && !joined.has(`o:${block.section.anchor}`)) unite(`o:${block.section.anchor}`, `n:${newHere}`);
      oldHere = block.section.anchor;
    }
    if (step.op !== 'deleted' && step.op !== 'moved-away') {
      const block = newBlocks[step.new]!;
      if (block.type === 'heading' && !joined.has(`n:${block.section.anchor}`)) unite(`n:${block.section.anchor}`, `o:${oldHere}`);
      newHere = block.section.anchor;
    }
  }
  const out: Step[] = [];
  const changes = new Map<Step, RegroupedChange>();
  let gap: Step[] = [];
  const flush = () => {
    // The pieces of the gap, by section: an old block is only ever diffed against new blocks of
    // the section its own section became, so every word is shown under its section in each version.
    const groups = new Map<string, { olds: number[]; news: number[] }>();
    const groupOf = (key: string) => groups.get(key) ?? groups.set(key, { olds: [], news: [] }).get(key)!;
    for (const step of gap) {
      if (step.op === 'deleted' && pieces.old.has(step.old)) {
        groupOf(find(`o:${oldBlocks[step.old]!.section.anchor}`)).olds.push(step.old);
      } else if (step.op === 'inserted' && pieces.new.has(step.new)) groupOf(find(`n:${newBlocks[step.new]!.section.anchor}`)).news.push(step.new);
    }
    /** New block -> the old block it is paired with, and its change when worked out here. */
    const plan = new Map<number, { old: number; change?: RegroupedChange }>();
    const consumed = new Set<number>();
    for (const { olds, news } of groups.values()) {
      if (olds.length === 0 || news.length === 0) continue;
      // One block for one: a changed block, diffed on its own (word-diff.ts slides an inserted
      // sentence to its sentence boundaries), when the two say enough of the same.
      if (olds.length === 1 && news.length === 1) {
        // Most of the shorter one's words in the other: one block, changed (a sentence deleted from a long paragraph included).
        if (overlap(wordBag(wordingKey(oldBlocks[olds[0]!]!)), wordBag(wordingKey(newBlocks[news[0]!]!))) >= OVERLAP_THRESHOLD) {
          plan.set(news[0]!, { old: olds[0]! });
          consumed.add(olds[0]!);
          continue;
        }
      }
      const result = diffRun(olds, news, oldBlocks, newBlocks, cut);
      if (!result) {
        // Too many edits to diff the group as one text: pair its blocks by similarity instead.
        for (const [n, o] of pairBySimilarity(olds, news, oldBlocks, newBlocks)) {
          plan.set(n, { old: o });
          consumed.add(o);
        }
        continue;
      }
      for (const o of result.kept) consumed.add(o);
      for (const [n, change] of result.news) if (change.sources.length > 0) plan.set(n, { old: change.sources[0]!, change });
    }
    for (const step of gap) {
      if (step.op === 'deleted' && consumed.has(step.old)) continue;
      const planned = step.op === 'inserted' ? plan.get(step.new) : undefined;
      if (step.op !== 'inserted' || !planned) {
        out.push(step);
        continue;
      }
      const paired: Step = { op: 'paired', old: planned.old, new: step.new, moved: false };
      out.push(paired);
      if (planned.change) changes.set(paired, planned.change);
    }
    gap = [];
  };
  for (const step of steps) {
    if (step.op === 'equal') {
      flush();
      out.push(step);
    } else gap.push(step);
  }
  flush();
  return { steps: out, changes };
}

/**
 * Pair blocks by the similarity of their words (Dice), best first, each at most once.
 *
 * @returns New block index to old block index.
 */
function pairBySimilarity(olds: readonly number[], news: readonly number[], oldBlocks: readonly Block[], newBlocks: readonly Block[]): Map<number, number> {
  const bagsOld = olds.map((o) => wordBag(wordingKey(oldBlocks[o]!)));
  const bagsNew = news.map((n) => wordBag(wordingKey(newBlocks[n]!)));
  const candidates: [number, number, number][] = [];
  // Within a band around the diagonal, so the cost stays linear in long runs.
  olds.forEach((o, x) => {
    const centre = Math.round((x * news.length) / olds.length);
    for (let y = Math.max(0, centre - PAIR_BAND); y < Math.min(news.length, centre + PAIR_BAND + 1); y++) {
      const score = dice(bagsOld[x]!, bagsNew[y]!);
      if (score >= PAIR_THRESHOLD) candidates.push([score, o, news[y]!]);
    }
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  for (const [, o, n] of candidates) {
    if (used.has(o) || pairs.has(n)) continue;
    pairs.set(n, o);
    used.add(o);
  }
  return pairs;
}

/** Share of the shorter block's words the other must have for two blocks to be one block changed. */
const OVERLAP_THRESHOLD = 0.5;

/** Shared words over the words of the smaller bag (the overlap coefficient, Szymkiewicz–Simpson). */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let [shared, sizeA, sizeB] = [0, 0, 0];
  for (const count of a.values()) sizeA += count;
  for (const count of b.values()) sizeB += count;
  for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0);
  return Math.min(sizeA, sizeB) === 0 ? 0 : shared / Math.min(sizeA, sizeB);
}

/** Blocks compared on each side of the diagonal when pairing a long run by similarity. */
const PAIR_BAND = 25;

interface Located extends Token {
  /** Index of the block the token comes from. */
  block: number;
  /** Index of the token within its block. */
  at: number;
}

function diffRun(olds: number[], news: number[], oldBlocks: readonly Block[], newBlocks: readonly Block[], cut: Tokenizer) {
  const locate = (indices: number[], blocks: readonly Block[]) =>
    indices.flatMap((block) => cut(blocks[block]!.runs).map((token, at): Located => ({ ...token, block, at, space: at === 0 ? true : token.space })));
  const oldTokens = locate(olds, oldBlocks);
  const newTokens = locate(news, newBlocks);
  const key = (t: Token) => (t.target ? `\u0001${t.text}` : typographyKey(t.text));
  const result = diffSequences(oldTokens.map(key), newTokens.map(key), MAX_EDITS);
  if (!result) return undefined;
  type Entry = { op: Segment['op']; old?: Located; new?: Located };
  const entries: Entry[] = [];
  let [i, j] = [0, 0];
  for (const change of result) {
    for (let n = 0; n < change.count; n++) {
      if (change.removed) entries.push({ op: 'delete', old: oldTokens[i++]! });
      else if (change.added) entries.push({ op: 'insert', new: newTokens[j++]! });
      else entries.push({ op: 'equal', old: oldTokens[i++]!, new: newTokens[j++]! });
    }
  }
  cleanUpCoincidences(entries);
  // Punctuation kept into another block than the words of its old block is a coincidence (a
  // deleted sentence's full stop matched with the full stop of an inserted paragraph): deleted and inserted.
  const homes = new Map<number, Set<number>>();
  for (const e of entries) if (e.op === 'equal' && e.old!.wordLike) (homes.get(e.old!.block) ?? homes.set(e.old!.block, new Set()).get(e.old!.block)!).add(e.new!.block);
  for (let n = entries.length - 1; n >= 0; n--) {
    const e = entries[n]!;
    if (e.op !== 'equal' || e.old!.wordLike || e.old!.target) continue;
    const home = homes.get(e.old!.block);
    if (home && !home.has(e.new!.block)) entries.splice(n, 1, { op: 'delete', old: e.old }, { op: 'insert', new: e.new });
  }
  const kept = new Set(entries.flatMap((e) => (e.op === 'equal' ? [e.old!.block] : [])));
  // Deleted words of a kept old block go with the new block that kept words of that same old
  // block: the one of the nearest kept word before them, else after them. Never with another
  // block's words (a sentence deleted at the end of a paragraph stays in that paragraph).
  const owner: (number | undefined)[] = entries.map((e) => e.new?.block);
  const lastKept = new Map<number, number>();
  entries.forEach((e, n) => {
    if (e.op === 'equal') lastKept.set(e.old!.block, e.new!.block);
    else if (e.op === 'delete' && lastKept.has(e.old!.block)) owner[n] = lastKept.get(e.old!.block);
  });
  const nextKept = new Map<number, number>();
  for (let n = entries.length - 1; n >= 0; n--) {
    const e = entries[n]!;
    if (e.op === 'equal') nextKept.set(e.old!.block, e.new!.block);
    else if (e.op === 'delete' && owner[n] === undefined) owner[n] = nextKept.get(e.old!.block);
  }
  const lastNew = news.at(-1)!;
  const perBlock = new Map<number, { segments: Segment[]; inserted: Set<number>; tokens: Token[]; deleted: Map<number, Set<number>>; sources: number[] }>();
  for (const index of news) perBlock.set(index, { segments: [], inserted: new Set(), tokens: cut(newBlocks[index]!.runs), deleted: new Map(), sources: [] });
  entries.forEach((entry, n) => {
    if (entry.op === 'delete' && !kept.has(entry.old!.block)) return;
    const block = perBlock.get(owner[n] ?? lastNew)!;
    const token = entry.op === 'delete' ? entry.old! : entry.new!;
    const first = block.segments.length === 0;
    appendToken(block.segments, entry.op, { ...token, space: token.at === 0 && first ? false : token.space }, entry.op === 'equal' ? { ...entry.old!, space: first ? false : entry.old!.space } : undefined);
    if (entry.op === 'insert') block.inserted.add(entry.new!.at);
    if (entry.op === 'delete') {
      const set = block.deleted.get(entry.old!.block) ?? new Set<number>();
      block.deleted.set(entry.old!.block, set.add(entry.old!.at));
    }
    if (entry.op === 'equal' && !block.sources.includes(entry.old!.block)) block.sources.push(entry.old!.block);
  });
  const out = new Map<number, RegroupedChange>();
  for (const [index, block] of perBlock) {
    let wordsDeleted = 0;
    for (const [old, at] of block.deleted) wordsDeleted += countTouchedWords(cut(oldBlocks[old]!.runs), at);
    out.set(index, {
      kind: block.sources.length > 0 ? 'modified' : 'inserted',
      segments: block.segments,
      wordsInserted: countTouchedWords(block.tokens, block.inserted),
      wordsDeleted,
      sources: block.sources,
    });
  }
  return { kept, news: out };
}

/**
 * Words that happen to agree between unrelated sentences ("the", "you") are no shared text: a kept
 * stretch of at most COINCIDENCE tokens, no longer than the changes on either side of it, becomes
 * deleted and inserted. The rule is diff-match-patch's semantic clean-up (N. Fraser,
 * `diff_cleanupSemantic`), limited to short stretches, applied until stable.
 *
 * @param entries Token entries in order (changed in place).
 */
function cleanUpCoincidences(entries: { op: Segment['op']; old?: unknown; new?: unknown }[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    // Runs: [op, start, end) of consecutive entries, equal ones apart from changed ones.
    const runs: { equal: boolean; start: number; end: number; ins: number; del: number }[] = [];
    entries.forEach((entry, n) => {
      const equal = entry.op === 'equal';
      const last = runs.at(-1);
      if (last && last.equal === equal) last.end = n + 1;
      else runs.push({ equal, start: n, end: n + 1, ins: 0, del: 0 });
      const run = runs.at(-1)!;
      if (entry.op === 'insert') run.ins++;
      if (entry.op === 'delete') run.del++;
    });
    for (let r = runs.length - 2; r >= 1; r--) {
      const [before, run, after] = [runs[r - 1]!, runs[r]!, runs[r + 1]!];
      const length = run.end - run.start;
      if (run.equal && !before.equal && !after.equal && length <= COINCIDENCE && length <= Math.max(before.ins, before.del) && length <= Math.max(after.ins, after.del)) {
        const stretch = entries.slice(run.start, run.end);
        entries.splice(run.start, length, ...stretch.map((e) => ({ op: 'delete' as const, old: e.old })), ...stretch.map((e) => ({ op: 'insert' as const, new: e.new })));
        changed = true;
        break;
      }
    }
  }
}
