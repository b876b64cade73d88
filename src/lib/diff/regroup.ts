/**
 * Blocks that were split or merged: when a gap between identical blocks still has unpaired old
 * and new blocks after pairing (a paragraph split into a list, list items merged into one
 * paragraph, text moved into a table), their words are diffed as one text with jsdiff's
 * `diffArrays`, and the result is dealt back to the new blocks. Kept words make a new block
 * `modified` instead of a whole insertion; an old block none of whose words were kept stays
 * `deleted`. Without this, a re-cut paragraph would show as all its words deleted and inserted.
 */
import { diffArrays } from 'diff';
import type { Pieces, Step } from './align.ts';
import { typographyKey } from './normalise.ts';
import type { Block, Change, Segment } from './types.ts';
import { appendToken, countTouchedWords, type Token, type Tokenizer } from './tokens.ts';

/** A change worked out for a step of a regrouped run. */
export type RegroupedChange = Pick<Change, 'kind' | 'segments' | 'wordsInserted' | 'wordsDeleted'> & { sources: number[] };

/** Longest kept stretch (in tokens) that may be a coincidence. */
const COINCIDENCE = 2;

/** Most token edits tried per run before giving up (then the blocks stay inserted and deleted). */
const MAX_EDITS = 1000;

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
  const out: Step[] = [];
  const changes = new Map<Step, RegroupedChange>();
  let gap: Step[] = [];
  const flush = () => {
    const olds = gap.flatMap((s) => (s.op === 'deleted' && pieces.old.has(s.old) ? [s.old] : []));
    const news = gap.flatMap((s) => (s.op === 'inserted' && pieces.new.has(s.new) ? [s.new] : []));
    const result = olds.length > 0 && news.length > 0 ? diffRun(olds, news, oldBlocks, newBlocks, cut) : undefined;
    for (const step of gap) {
      if (!result) out.push(step);
      else if (step.op === 'deleted' && result.kept.has(step.old)) continue;
      else if (step.op === 'inserted' && result.news.has(step.new)) {
        const change = result.news.get(step.new)!;
        if (change.sources.length === 0) out.push(step);
        else {
          const paired: Step = { op: 'paired', old: change.sources[0]!, new: step.new, moved: false };
          out.push(paired);
          changes.set(paired, change);
        }
      } else out.push(step);
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
  const result = diffArrays(oldTokens.map(key), newTokens.map(key), { maxEditLength: MAX_EDITS });
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
  const kept = new Set(entries.flatMap((e) => (e.op === 'equal' ? [e.old!.block] : [])));
  // Deleted words of a kept old block go with the new block of the next kept or inserted word.
  const owner: (number | undefined)[] = entries.map((e) => e.new?.block);
  for (let n = entries.length - 1, next: number | undefined; n >= 0; n--) {
    if (owner[n] === undefined) owner[n] = next;
    else next = owner[n];
  }
  const lastNew = news.at(-1)!;
  const perBlock = new Map<number, { segments: Segment[]; inserted: Set<number>; tokens: Token[]; deleted: Map<number, Set<number>>; sources: number[] }>();
  for (const index of news) perBlock.set(index, { segments: [], inserted: new Set(), tokens: cut(newBlocks[index]!.runs), deleted: new Map(), sources: [] });
  entries.forEach((entry, n) => {
    if (entry.op === 'delete' && !kept.has(entry.old!.block)) return;
    const block = perBlock.get(owner[n] ?? lastNew)!;
    const token = entry.op === 'delete' ? entry.old! : entry.new!;
    appendToken(block.segments, entry.op, { ...token, space: token.at === 0 && block.segments.length === 0 ? false : token.space });
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
