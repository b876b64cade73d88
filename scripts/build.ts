/**
 * `npm run build`: check the content, then build the site, index it for search, and only when every step
 * succeeded put it in place of the output folder. Whenever the build stops (an error, Ctrl-C, `kill -9`),
 * the output folder holds the previous site or the new one, complete (src/node/publish-folder.ts).
 *
 * 1. Take the output folder's lock (src/node/output-lock.ts): a second build into the same folder waits
 *    for the first, up to LEGAL_BUILD_WAIT seconds (default 600), then fails naming the build that holds it.
 * 2. Put back the previous site if a build was killed in the middle of its swap, and delete what stopped
 *    builds left beside the output folder and in `.astro/`.
 * 3. Check the content (in a child process, so its memory is freed before Astro starts). Astro starts
 *    only once the check has passed: a refused file never reaches Astro, however long the check takes.
 * 4. Build with Astro in a working folder of its own, `.astro/build-<pid>/` (site and cache inside it),
 *    then index the site with Pagefind.
 * 5. Move the site beside the output folder (a rename, or a copy when the output folder is on another file
 *    system) and swap it in with two renames in that folder.
 *
 * Environment: the LEGAL_* settings (see src/settings.ts), LEGAL_OUT_DIR for the output folder (default
 * `dist`) and LEGAL_BUILD_WAIT (seconds to wait for another build into the same folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { checkedToken, checkInSubprocess } from '../src/node/check-in-subprocess.ts';
import { describeOwner, lockOutputFolder, type OutputLock } from '../src/node/output-lock.ts';
import { moveToStaging, outputPaths, recoverOutputFolder, removeFoldersOfStoppedBuilds, replaceOutputFolder } from '../src/node/publish-folder.ts';
import { writeSearchIndex } from '../src/node/write-search-index.ts';
import { resolveSettings } from '../src/settings.ts';
import { readArgs } from './cli.ts';

readArgs({ options: {} }, `\`npm run build\`: check the content, then build the site, index it for search, and only when every step
succeeded put it in place of the output folder. Whenever the build stops (an error, Ctrl-C, \`kill -9\`),
the output folder holds the previous site or the new one, complete (src/node/publish-folder.ts).

1. Take the output folder's lock (src/node/output-lock.ts): a second build into the same folder waits
   for the first, up to LEGAL_BUILD_WAIT seconds (default 600), then fails naming the build that holds it.
2. Put back the previous site if a build was killed in the middle of its swap, and delete what stopped
   builds left beside the output folder and in \`.astro/\`.
3. Check the content (in a child process, so its memory is freed before Astro starts). Astro starts
   only once the check has passed: a refused file never reaches Astro, however long the check takes.
4. Build with Astro in a working folder of its own, \`.astro/build-<pid>/\` (site and cache inside it),
   then index the site with Pagefind.
5. Move the site beside the output folder (a rename, or a copy when the output folder is on another file
   system) and swap it in with two renames in that folder.

Environment: the LEGAL_* settings (see src/settings.ts), LEGAL_OUT_DIR for the output folder (default
\`dist\`) and LEGAL_BUILD_WAIT (seconds to wait for another build into the same folder).`);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
// Astro writes its prerender chunks under the output folder when that is below its working folder, else into
// <working folder>/.astro/.prerender, then renames them into the output folder: across file systems that
// fails (EXDEV), and builds sharing a working folder overwrote each other's chunks. So Astro runs in a folder
// of its own below the root (the chunks import from node_modules) and builds into a folder inside it.
const astroFolders = join(root, '.astro');
const workDir = join(astroFolders, `build-${process.pid}`);
const built = join(workDir, 'site');
let lock: OutputLock | undefined;
let running: ChildProcess | undefined;
let staging: string | undefined;

/** Remove this build's temporary folders and release the lock (also on exit and on Ctrl-C). */
function cleanUp(): void {
  rmSync(workDir, { recursive: true, force: true });
  if (staging) rmSync(staging, { recursive: true, force: true });
  lock?.release();
}

function fail(text: string): never {
  console.error(text);
  cleanUp();
  process.exit(1);
}

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    running?.kill(signal);
    console.error(`\n✖ Stopped (${signal}): the output folder is unchanged.`);
    cleanUp();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });
}

let settings;
let paths;
try {
  settings = resolveSettings(process.env);
  paths = outputPaths(process.env.LEGAL_OUT_DIR || join(root, 'dist'));
} catch (error) {
  fail(message(error));
}
const { out } = paths;
const wait = process.env.LEGAL_BUILD_WAIT ?? '600';
if (!/^\d+$/.test(wait)) fail(`LEGAL_BUILD_WAIT must be a whole number of seconds (e.g. 600); got "${wait}".`);

try {
  lock = await lockOutputFolder(paths.lock, {
    timeoutMs: Number(wait) * 1000,
    onWait: (owner) => console.log(`${owner ? describeOwner(owner) : 'Another build'} is writing ${out}: waiting for it to finish (up to ${wait} s; lock ${paths.lock}).`),
    onTakeOver: (owner) => console.log(`Took over the lock of ${out} from a build that is no longer running${owner ? ` (pid ${owner.pid})` : ''}.`),
  });
  const recovery = recoverOutputFolder(paths);
  if (recovery.restored) console.log(`Restored the previous site to ${out} from ${recovery.restored}, left by a build stopped while it replaced the folder.`);
  const removed = [...recovery.removed, ...removeFoldersOfStoppedBuilds(astroFolders, 'build-')];
  if (removed.length > 0) console.log(`Removed what stopped builds left behind: ${removed.map((path) => relative(process.cwd(), path) || path).join(', ')}`);
} catch (error) {
  fail(`${message(error)}\n\n✖ Nothing was built; ${out} is unchanged.`);
}

// The check runs first and alone: Astro must never read a file the check refuses.
const started = performance.now();
const contentDir = resolve(root, settings.contentDir);
try {
  const diagnostics = await checkInSubprocess(settings, root);
  for (const diagnostic of sortDiagnostics(diagnostics)) console.error(formatDiagnostic(diagnostic));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) fail(`\n✖ ${errors} content error${errors === 1 ? '' : 's'}: nothing was built; ${out} is unchanged.`);
} catch (error) {
  fail(`${message(error)}\n\n✖ Nothing was built; ${out} is unchanged.`);
}
console.log(`Building as of ${settings.asOf} (${settings.timeZone}) into ${out} (content checked in ${seconds(started)})`);

const astroStarted = performance.now();
mkdirSync(workDir, { recursive: true });
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
running = spawn(process.execPath, [astro, 'build', '--root', root], {
  cwd: workDir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    LEGAL_OUT_DIR: built,
    LEGAL_CACHE_DIR: join(workDir, 'cache'),
    LEGAL_CONTENT_DIR: contentDir,
    // The content-check integration need not check the same content again: this script just did, and
    // Astro starts only after it passed.
    LEGAL_CONTENT_CHECKED: checkedToken({ ...settings, contentDir }),
    // The search index is built below, once Astro has exited, so Pagefind and Astro never hold memory at once.
    LEGAL_SEARCH_INDEX: 'after-build',
  },
});
const status = await new Promise<number | null>((done) => running!.on('close', done));
running = undefined;
if (status !== 0) fail(`\n✖ The build failed: ${out} is unchanged.`);
const astroTime = seconds(astroStarted);
try {
  const indexing = performance.now();
  const { pages } = await writeSearchIndex(built);
  console.log(`Astro built the site in ${astroTime}; search index: ${pages} pages indexed in ${seconds(indexing)}`);
} catch (error) {
  fail(`${message(error)}\n\n✖ The build failed: ${out} is unchanged.`);
}

try {
  staging = paths.staging;
  const moved = moveToStaging(built, paths);
  if (moved === 'copied') console.log(`Copied the site next to ${out} (it is on another file system than ${root})`);
  if (!lock!.held()) throw new Error(`The lock ${paths.lock} no longer names this build (deleted, or taken over by another build).`);
  replaceOutputFolder(paths);
  staging = undefined;
} catch (error) {
  fail(`${message(error)}\n\n✖ The build failed: ${out} is unchanged.`);
}
cleanUp();
console.log(`✔ Site written to ${out}`);
