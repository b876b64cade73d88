/**
 * `npm run build`: check the content, build the site into a temporary folder, index it for search,
 * and only when every step succeeded move it into place. A failed build leaves the previous `dist/`
 * untouched, so nothing already published is lost or half-written.
 *
 * Environment: the LEGAL_* settings (see src/settings.ts), and LEGAL_OUT_DIR for the final
 * folder (default `dist`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { checkedToken, checkInSubprocess } from '../src/node/check-in-subprocess.ts';
import { writeSearchIndex } from '../src/node/write-search-index.ts';
import { resolveSettings } from '../src/settings.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.env.LEGAL_OUT_DIR || join(root, 'dist'));
const staging = join(dirname(out), `.build-${basename(out)}-${process.pid}`);

function fail(message: string): never {
  console.error(message);
  rmSync(staging, { recursive: true, force: true });
  rmSync(`${staging}-cache`, { recursive: true, force: true });
  process.exit(1);
}

let settings;
try {
  settings = resolveSettings(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// The content check and Astro run side by side (two processes, two cores). Astro's output is held
// back until the check has passed; on content errors Astro is stopped and nothing is built.
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
// Astro writes its prerender chunks under the output folder when that is below the working folder,
// else into <working folder>/.astro/.prerender: with the project root as working folder, builds
// running side by side into other folders overwrote each other's chunks. So Astro runs in a folder of
// its own below the root (the chunks must be able to import from node_modules), with the content
// folder made absolute.
const contentDir = resolve(root, settings.contentDir);
const workDir = join(root, '.astro', `build-${process.pid}`);
mkdirSync(workDir, { recursive: true });
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const child = spawn(process.execPath, [astro, 'build', '--root', root], {
  cwd: workDir,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    LEGAL_OUT_DIR: staging,
    LEGAL_CACHE_DIR: `${staging}-cache`,
    LEGAL_CONTENT_DIR: contentDir,
    // The content-check integration need not check the same content again: this script does.
    LEGAL_CONTENT_CHECKED: checkedToken({ ...settings, contentDir }),
    // The search index is built below, once Astro has exited, so Pagefind and Astro never hold memory at once.
    LEGAL_SEARCH_INDEX: 'after-build',
  },
});
const held: [NodeJS.WriteStream, Buffer][] = [];
let holding = true;
for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
  from.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}
const exited = new Promise<number | null>((done) => child.on('close', done));
const cleanUp = () => {
  rmSync(`${staging}-cache`, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
};

let checkTime = '';
try {
  const diagnostics = await checkInSubprocess(settings, root);
  checkTime = seconds(started);
  for (const diagnostic of sortDiagnostics(diagnostics)) console.error(formatDiagnostic(diagnostic));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) throw new Error(`\n✖ ${errors} content error${errors === 1 ? '' : 's'}: nothing was built; ${out} is unchanged.`);
} catch (error) {
  child.kill();
  await exited;
  cleanUp();
  fail(error instanceof Error ? error.message : String(error));
}

console.log(`Building as of ${settings.asOf} (${settings.timeZone}) into ${out} (content checked in ${checkTime})`);
holding = false;
for (const [to, chunk] of held.splice(0)) to.write(chunk);
const status = await exited;
const astroTime = seconds(started);
cleanUp();
if (status !== 0) fail(`\n✖ The build failed: ${out} is unchanged.`);
try {
  const indexing = performance.now();
  const { pages } = await writeSearchIndex(staging);
  console.log(`Astro built the site in ${astroTime}; search index: ${pages} pages indexed in ${seconds(indexing)}`);
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n✖ The build failed: ${out} is unchanged.`);
}

// Swap: the old site is moved aside before the new one moves in, then deleted.
const old = `${staging}-old`;
if (existsSync(out)) renameSync(out, old);
renameSync(staging, out);
rmSync(old, { recursive: true, force: true });
console.log(`✔ Site written to ${out}`);
