/**
 * How a diff measures against the minimal word edit (issue 12, invariant 4 "Minimal"): the words a
 * redline marks, next to the fewest words any word diff of the two texts must mark, the longest
 * common subsequence of their words (which counts a move as a deletion plus an insertion). Used by
 * `npm run bench:diff` and the diff's property tests.
 *
 * Words are counted as the diff counts them (normalise.ts `countWords`): whitespace-separated
 * strings with a letter or digit, typography normalised, each link's target one more word after
 * its text.
 */
import { diffArrays } from 'diff';
import { wordingKey } from './normalise.ts';
import type { Block, VersionDiff } from './types.ts';

/**
 * The words of a version in reading order, as the minimal edit compares them.
 *
 * @param blocks A version's blocks.
 * @returns Words (typography normalised; a link target as `<url>`).
 */
export function versionWords(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => wordingKey(block).split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)));
}

/**
 * The minimal word edit between two versions: words deleted plus words inserted by a longest
 * common subsequence of their words.
 *
 * @param oldBlocks Blocks of the earlier version. @param newBlocks Blocks of the later one.
 * @returns A count of words (0 for the same words in the same order).
 */
export function minimalWordEdit(oldBlocks: readonly Block[], newBlocks: readonly Block[]): number {
  let edit = 0;
  for (const change of diffArrays(versionWords(oldBlocks), versionWords(newBlocks))) if (change.added || change.removed) edit += change.count;
  return edit;
}

/**
 * The words a diff marks as inserted or deleted.
 *
 * @param diff A diff.
 * @returns `wordsInserted + wordsDeleted` of its statistics.
 */
export function markedWords(diff: VersionDiff): number {
  return diff.stats.wordsInserted + diff.stats.wordsDeleted;
}
