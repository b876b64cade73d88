/**
 * Worker thread that diffs every pair of consecutive versions of a content folder, so the changes
 * pages' diffs are computed on another core while Astro compiles the site (src/node/precomputed-diffs.ts).
 *
 * Input (`workerData`): `{ contentDir }`, an absolute path. Output: one message per pair,
 * `{ key: '<document>/<from>/<to>', diff }` with a VersionDiff, then `{ done: true }`. A version
 * file is `<document>/<YYYY-MM-DD>.mdx|.md`, parsed whole (frontmatter included, which flattenBlocks
 * skips), read by src/node/read-content.ts as the loader reads it, and parsed as src/data/diffs.ts parses it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blocksOf, diffBlocks, type Block } from '../lib/diff/index.ts';
import { sourceFormatOf } from '../lib/content/version-source.ts';
import { readContent } from './read-content.ts';

const VERSION_FILE = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.mdx?$/;
const { contentDir } = workerData as { contentDir: string };

// The files as every other reader sees them (src/node/read-content.ts: regular files only, decoded once).
let previous: { folder: string; date: string; blocks: Block[] } | undefined;
for (const file of readContent(contentDir).files.filter((f) => VERSION_FILE.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1))) {
  const [, folder, date] = VERSION_FILE.exec(file.path)! as unknown as [string, string, string];
  if (previous && previous.folder !== folder) previous = undefined;
  let blocks: Block[];
  try {
    blocks = blocksOf({ text: file.text, format: sourceFormatOf(file.path)! });
  } catch {
    // A file the content check refuses: the build stops there; the page (if any) diffs it itself.
    previous = undefined;
    continue;
  }
  if (previous) parentPort!.postMessage({ key: `${folder}/${previous.date}/${date}`, diff: diffBlocks(previous.blocks, blocks) });
  previous = { folder, date, blocks };
}
parentPort!.postMessage({ done: true });
