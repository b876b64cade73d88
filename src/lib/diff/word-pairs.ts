/**
 * Pairs of consecutive words: how the diff tells a gap where blocks were split or merged (pieces
 * whose word pairs the other version also has) from one where blocks were rewritten. Pairs are
 * rarely shared by chance, unlike single words ("the", "you").
 */
import type { Block } from './types.ts';

/** Share of a block's word pairs the other version must have for the block to count as a piece of a split or merge. */
export const MIN_COVERAGE = 0.6;

/**
 * The word pairs of a block.
 *
 * @param block A block.
 * @returns Lower-cased pairs of consecutive words (letter and digit runs), e.g. `["we use", "use your"]`;
 *   the single word of a one-word block.
 */
export function wordPairs(block: Block): string[] {
  const words = block.runs.map((run) => run.text).join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length < 2 ? words : words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/**
 * The pieces of a split or merge in a gap: blocks mostly made of word pairs the other side has.
 *
 * @param olds Old blocks of a gap. @param news New blocks of the same gap.
 * @returns Indices (into `olds` and `news`) of the pieces; both empty unless each side has one.
 */
export function findPieces(olds: readonly Block[], news: readonly Block[]): { olds: number[]; news: number[] } {
  const oldPairs = olds.map(wordPairs);
  const newPairs = news.map(wordPairs);
  const oldSet = new Set(oldPairs.flat());
  const newSet = new Set(newPairs.flat());
  const covered = (pairs: readonly string[], other: ReadonlySet<string>) => pairs.length > 0 && pairs.filter((p) => other.has(p)).length / pairs.length >= MIN_COVERAGE;
  const pieces = { olds: oldPairs.flatMap((pairs, i) => (covered(pairs, newSet) ? [i] : [])), news: newPairs.flatMap((pairs, i) => (covered(pairs, oldSet) ? [i] : [])) };
  return pieces.olds.length > 0 && pieces.news.length > 0 ? pieces : { olds: [], news: [] };
}
