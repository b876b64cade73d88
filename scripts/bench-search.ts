/**
 * `npm run bench:search`: how big the search index is and how long a reader waits for results.
 * A benchmark that prints figures, not a test: nothing here passes or fails on a number.
 *
 * For each corpus it builds the site with the real build script into a temporary folder, then
 * - sizes the Pagefind bundle in bytes: the index proper (entry, meta, index chunks, fragments,
 *   filters), Pagefind's WebAssembly, and its JavaScript and CSS;
 * - opens `/search/` in Debian's Chromium, types a query into the search box and times, in the page,
 *   from the last keystroke to the first rendered result (this includes the Component UI's 150 ms
 *   typing debounce). The first query of a fresh page is "cold" (loads Pagefind, its WebAssembly and
 *   index chunks); later queries are "warm" (median of the runs); it also counts the bytes the
 *   browser downloaded from `pagefind/` for the cold query.
 *
 * Corpora: the real `content/`, and GitHub's Terms of Service (11 versions, read from
 * ../shared/corpora/github-terms-of-service and converted on the fly into a temporary content
 * folder; skipped with a message when absent; never copied into the project).
 *
 * Options: `--corpus <dir>` (GitHub ToS folder), `--runs <n>` (warm runs per query, default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './cli.ts';
import { launchBrowser, serveSite } from '../test/helpers/browser.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = readArgs({ options: { corpus: { type: 'string' }, runs: { type: 'string' } } }, `\`npm run bench:search\`: how big the search index is and how long a reader waits for results.
A benchmark that prints figures, not a test: nothing here passes or fails on a number.

For each corpus it builds the site with the real build script into a temporary folder, then
- sizes the Pagefind bundle in bytes: the index proper (entry, meta, index chunks, fragments,
  filters), Pagefind's WebAssembly, and its JavaScript and CSS;
- opens \`/search/\` in Debian's Chromium, types a query into the search box and times, in the page,
  from the last keystroke to the first rendered result (this includes the Component UI's 150 ms
  typing debounce). The first query of a fresh page is "cold" (loads Pagefind, its WebAssembly and
  index chunks); later queries are "warm" (median of the runs); it also counts the bytes the
  browser downloaded from \`pagefind/\` for the cold query.

Corpora: the real \`content/\`, and GitHub's Terms of Service (11 versions, read from
../shared/corpora/github-terms-of-service and converted on the fly into a temporary content
folder; skipped with a message when absent; never copied into the project).

Options: \`--corpus <dir>\` (GitHub ToS folder), \`--runs <n>\` (warm runs per query, default 5).`);
const githubCorpus = resolve(values.corpus ?? join(root, '..', 'shared', 'corpora', 'github-terms-of-service'));
const runs = Number.parseInt(values.runs ?? '5', 10);

/** One corpus to measure. */
interface Corpus {
  name: string;
  contentDir: string;
  asOf: string;
  /** Queries typed into the search box: the first is timed cold, all are timed warm. */
  queries: string[];
}

/**
 * Import GitHub's Terms of Service versions into a new content folder the way an editor would
 * (`npm run import-markdown`, then `npm run lock`, which records a first lock's history), so the
 * benchmark measures content that passes the check.
 *
 * @returns The content folder (a new temporary folder the caller removes).
 * @throws Error when the import or the lock fails, with their output.
 */
function convertGithubTerms(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-content-'));
  const script = (name: string, args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', `${name}.ts`), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: '2026-11-30' } });
    if (result.status !== 0) throw new Error(`npm run ${name} failed on the GitHub corpus:\n${result.stdout}\n${result.stderr}`);
  };
  script('import-markdown', [source, '--document', 'github-terms', '--out', dir, '--source-url', 'https://docs.github.com/en/site-policy/github-terms/github-terms-of-service']);
  script('lock', []);
  return dir;
}

/** Bytes under the Pagefind folder: the index of this site, Pagefind's WebAssembly, its JavaScript and CSS. */
function bundleSize(dir: string): { index: number; wasm: number; code: number; files: number } {
  const size = { index: 0, wasm: 0, code: 0, files: 0 };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        size.files += 1;
        const bytes = statSync(path).size;
        if (/\.(js|css)$/.test(entry.name)) size.code += bytes;
        else if (entry.name.startsWith('wasm.')) size.wasm += bytes;
        else size.index += bytes; // pagefind-entry.json, *.pf_meta, index/, fragment/, filter/
      }
    }
  };
  walk(dir);
  return size;
}

/** Build a corpus with `scripts/build.ts` into a temporary folder. */
function build(corpus: Corpus): { outDir: string; seconds: number } {
  // Inside the project (git-ignored), so the build's server chunks resolve the project's node_modules.
  mkdirSync(join(root, 'test', '.tmp'), { recursive: true });
  const outDir = join(mkdtempSync(join(root, 'test', '.tmp', 'bench-search-site-')), 'site');
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEGAL_CONTENT_DIR: corpus.contentDir, LEGAL_AS_OF: corpus.asOf, LEGAL_OUT_DIR: outDir, LEGAL_SITE: 'https://legal.example.test' },
  });
  if (result.status !== 0) throw new Error(`${corpus.name} did not build:\n${result.stdout}\n${result.stderr}`);
  return { outDir, seconds: (performance.now() - started) / 1000 };
}

/** Time in the page from the last keystroke of `query` to the first rendered result, in ms. */
async function timeQuery(page: import('playwright-core').Page, query: string): Promise<{ ms: number; results: number }> {
  const input = page.locator('pagefind-input input');
  await input.fill('');
  await page.waitForTimeout(400); // let the emptied box's search settle
  await page.evaluate(() => {
    const w = window as unknown as { benchTyped?: number; benchShown?: number };
    w.benchTyped = undefined;
    w.benchShown = undefined;
    // Timed from the last keystroke to the first change of the results after it (results of an
    // earlier prefix, rendered between keystrokes, do not count).
    document.querySelector('pagefind-input input')!.addEventListener('input', () => {
      w.benchTyped = performance.now();
      w.benchShown = undefined;
    });
    const results = document.querySelector('pagefind-results')!;
    const observer = new MutationObserver(() => {
      if (w.benchTyped !== undefined && w.benchShown === undefined && results.querySelector('li.search-result')) w.benchShown = performance.now();
    });
    observer.observe(results, { childList: true, subtree: true });
  });
  await input.pressSequentially(query);
  await page.waitForFunction(() => (window as unknown as { benchShown?: number }).benchShown !== undefined, undefined, { timeout: 30_000 });
  await page.waitForTimeout(50); // a later keystroke's input event may still be on its way
  await page.waitForFunction(() => (window as unknown as { benchShown?: number }).benchShown !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const w = window as unknown as { benchTyped: number; benchShown: number };
    return { ms: w.benchShown - w.benchTyped, results: document.querySelectorAll('pagefind-results > ul > li').length };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;

async function measure(corpus: Corpus): Promise<void> {
  const { outDir, seconds } = build(corpus);
  try {
    const size = bundleSize(join(outDir, 'pagefind'));
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const server = await serveSite(outDir);
    const browser = await launchBrowser();
    console.log(`\n${corpus.name}: ${entry.languages.en.page_count} pages indexed, built in ${seconds.toFixed(1)} s`);
    console.log(`  index (entry, meta, index chunks, fragments, filters): ${kb(size.index)}; WebAssembly: ${kb(size.wasm)}; JS and CSS: ${kb(size.code)}; ${size.files} files`);
    try {
      for (const includeArchived of [false, true]) {
        const context = await browser.newContext(); // a fresh cache: the first query is cold
        const page = await context.newPage();
        // Every response from pagefind/, the worker's included (context-wide), as bytes of body (uncompressed).
        const bodies = new Map<string, Promise<number>>();
        context.on('response', (response) => {
          const url = response.url();
          if (new URL(url).pathname.startsWith('/pagefind/') && !bodies.has(url)) bodies.set(url, response.body().then((body) => body.length, () => 0));
        });
        const downloaded = async () => (await Promise.all(bodies.values())).reduce((sum, bytes) => sum + bytes, 0);
        await page.goto(`${server.url}search/${includeArchived ? '?archived=1' : ''}`);
        await page.locator('pagefind-input input').waitFor();
        const scope = includeArchived ? 'archived versions included' : 'current and upcoming versions';
        const cold = await timeQuery(page, corpus.queries[0]!);
        console.log(`  ${scope}:`);
        console.log(`    cold "${corpus.queries[0]}": ${cold.ms.toFixed(0)} ms to first result (${cold.results} results); ${kb(await downloaded())} in ${bodies.size} files downloaded from pagefind/ so far (uncompressed)`);
        for (const query of corpus.queries) {
          const times: number[] = [];
          let count = 0;
          for (let i = 0; i < runs; i++) {
            const run = await timeQuery(page, query);
            times.push(run.ms);
            count = run.results;
          }
          console.log(`    warm "${query}": median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs; ${count} results)`);
        }
        console.log(`    ${kb(await downloaded())} in ${bodies.size} files downloaded from pagefind/ in all`);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dirname(outDir), { recursive: true, force: true });
  }
}

const corpora: Corpus[] = [{ name: 'Real content (content/)', contentDir: join(root, 'content'), asOf: '2026-11-30', queries: ['california', 'cookies', 'personal data'] }];
let converted: string | undefined;
if (existsSync(githubCorpus)) {
  converted = convertGithubTerms(githubCorpus);
  corpora.push({ name: `GitHub Terms of Service (${relative(root, githubCorpus)}, 11 versions)`, contentDir: converted, asOf: '2026-11-30', queries: ['copyright', 'account', 'api terms'] });
} else {
  console.warn(`⚠ GitHub Terms of Service corpus not found at ${githubCorpus}: measuring the real content only.`);
}
console.log('Debounce of the search box: 150 ms (included in every time below).');
try {
  for (const corpus of corpora) await measure(corpus);
} finally {
  if (converted) rmSync(converted, { recursive: true, force: true });
}
