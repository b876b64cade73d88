/**
 * Diffs between versions (issue 3): section-aware, word-level, ignoring re-wrapping, showing moves.
 *
 * `diffSources(old, new)` parses two version sources and diffs them; `flattenBlocks` and
 * `diffBlocks` are the two halves, used separately by the compare page (blocks ship as JSON, the
 * browser diffs them).
 */
import { parseVersionSource, type SourceFormat } from '../content/version-source.ts';
import { flattenBlocks } from './blocks.ts';
import { diffBlocks, type DiffOptions } from './diff-blocks.ts';
import type { Block, VersionDiff } from './types.ts';

export { flattenBlocks, OPENING_SECTION } from './blocks.ts';
export { diffBlocks, type DiffOptions } from './diff-blocks.ts';
export type * from './types.ts';

/** A version's source as read from its file. */
export interface VersionText {
  /** The whole file text (frontmatter may be included). */
  text: string;
  format: SourceFormat;
}

/**
 * The blocks of a version source.
 *
 * @param source Text and format of the file.
 * @returns Blocks in reading order (see `flattenBlocks`).
 * @throws VFileMessage from the parser on an MDX syntax error (the content check reports these first).
 */
export function blocksOf(source: VersionText): Block[] {
  return flattenBlocks(parseVersionSource(source.text, source.format));
}

/**
 * Diff two version sources.
 *
 * @param oldSource The earlier version. @param newSource The later version.
 * @param options Locale for word segmentation.
 * @returns The diff (changes, sections, statistics).
 */
export function diffSources(oldSource: VersionText, newSource: VersionText, options: DiffOptions = {}): VersionDiff {
  return diffBlocks(blocksOf(oldSource), blocksOf(newSource), options);
}
