/**
 * Worker thread that diffs every pair of consecutive versions of a content folder, so the changes
 * pages' diffs are computed on another core while Astro compiles the site (src/node/precomputed-diffs.ts).
 *
 * Input (`workerData`): `{ contentDir }`, an absolute path. Output: one message per pair,
 * `{ key: '<document>/<from>/<to>', diff }` with a VersionDiff, then `{ done: true }`. A version
 * file is `<document>/<YYYY-MM-DD>.mdx|.md`, parsed whole (frontmatter included, which flattenBlocks
 * skips), as src/data/diffs.ts parses it (getVersionSource in src/data/legal.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { blocksOf, diffBlocks, type Block } from '../lib/diff/index.ts';
import { sourceFormatOf } from '../lib/version-source.ts';

const VERSION_FILE = /^(\d{4}-\d{2}-\d{2})\.mdx?$/;
const { contentDir } = workerData as { contentDir: string };

for (const folder of readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort()) {
  const files = readdirSync(join(contentDir, folder)).filter((name) => VERSION_FILE.test(name)).sort();
  let previous: { date: string; blocks: Block[] } | undefined;
  for (const name of files) {
    const date = VERSION_FILE.exec(name)![1]!;
    let blocks: Block[];
    try {
      blocks = blocksOf({ text: readFileSync(join(contentDir, folder, name), 'utf8'), format: sourceFormatOf(name)! });
    } catch {
      // A file the content check refuses: the build stops there; the page (if any) diffs it itself.
      previous = undefined;
      continue;
    }
    if (previous) parentPort!.postMessage({ key: `${folder}/${previous.date}/${date}`, diff: diffBlocks(previous.blocks, blocks) });
    previous = { date, blocks };
  }
}
parentPort!.postMessage({ done: true });
