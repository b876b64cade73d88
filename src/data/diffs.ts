/**
 * Diffs for pages: the changes a version made to the one before it, and each version's blocks for
 * the compare page. Sources come from the adapter (src/data/legal.ts); the diffing is src/lib/diff.
 * Each version is parsed once and each diff computed once per build.
 */
import { blocksOf, diffBlocks, type Block, type DiffStats, type VersionDiff } from '../lib/diff/index.ts';
import type { Document, Version } from '../lib/site/site-model.ts';
import { activePrecomputedDiffs } from '../node/precomputed-diffs.ts';
import { getVersionCorrections, getVersionSource } from './legal.ts';
import { correctionHistoryOf } from '../lib/content/corrections.ts';

/** What a changes page prints: the two versions and their diff. */
export interface VersionChanges {
  /** The earlier version. */
  from: Version;
  /** The later version (the page's). */
  to: Version;
  diff: VersionDiff;
}

const blocks = new Map<string, Promise<Block[]>>();
const diffs = new Map<string, Promise<VersionDiff>>();

/**
 * A version's blocks (its text flattened for diffing), parsed once per build.
 *
 * @param version Any version.
 * @returns Blocks in reading order.
 */
export function getVersionBlocks(version: Version): Promise<Block[]> {
  const key = `${version.document}/${version.effective}`;
  let cached = blocks.get(key);
  if (!cached) blocks.set(key, (cached = getVersionSource(version).then(blocksOf)));
  return cached;
}

/**
 * What `version` changed from the version before it.
 *
 * @param document The version's document.
 * @param version A version with a previous one.
 * @returns The two versions and their diff; `undefined` for the first version.
 */
export async function getChanges(document: Document, version: Version): Promise<VersionChanges | undefined> {
  const from = document.versions.find((v) => v.effective === version.previous);
  if (!from) return undefined;
  const key = `${document.id}/${from.effective}/${version.effective}`;
  let diff = diffs.get(key);
  if (!diff) {
    // During `astro build` a worker has diffed the pairs already (src/node/precomputed-diffs.ts).
    const precomputed = activePrecomputedDiffs()?.get(key) ?? Promise.resolve(undefined);
    diff = precomputed.then((ready) => ready ?? Promise.all([getVersionBlocks(from), getVersionBlocks(version)]).then(([a, b]) => diffBlocks(a, b)));
    diffs.set(key, diff);
  }
  return { from, to: version, diff: await diff };
}

/**
 * The statistics of every version's changes, for the history page.
 *
 * @param document A document.
 * @returns Effective date (`YYYY-MM-DD`) to the statistics of the changes from the version before;
 *   the first version has none.
 */
export async function getChangeStats(document: Document): Promise<Map<string, DiffStats>> {
  const stats = new Map<string, DiffStats>();
  for (const version of document.versions) {
    const changes = await getChanges(document, version);
    if (changes) stats.set(version.effective, changes.diff.stats);
  }
  return stats;
}

/**
 * What each correction of a version changed, as diffs of the whole text before and after it
 * (src/lib/content/corrections.ts: the edits a correction lists, undone from the latest back; the
 * check has proved them against the hashes in the lock).
 *
 * @param version Any version.
 * @returns 1-based correction number (list order) to its diff; corrections recorded without their
 *   edits, or whose edits cannot be undone (the check refuses those), have none.
 */
export async function getCorrectionDiffs(version: Version): Promise<Map<number, VersionDiff>> {
  const [source, corrections] = await Promise.all([getVersionSource(version), getVersionCorrections(version)]);
  const diffs = new Map<number, VersionDiff>();
  for (const step of correctionHistoryOf(source.text, corrections).steps) {
    diffs.set(step.index + 1, diffBlocks(blocksOf({ text: step.before, format: source.format }), blocksOf({ text: step.after, format: source.format })));
  }
  return diffs;
}
