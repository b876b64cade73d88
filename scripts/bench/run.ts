/**
 * `npm run bench`: how this project's full build compares with a bare Astro + MDX build of the same
 * files, how its time grows when the corpus doubles, and what the privacy statement page weighs.
 * A benchmark that prints figures; nothing here passes or fails a test.
 *
 * 1. Writes a deterministic synthetic corpus (scripts/bench/synthetic-corpus.ts; default 20
 *    documents x 50 versions x ~5,000 words) into a temporary folder, locks it (`scripts/lock.ts`)
 *    and checks it (`scripts/check.ts`): it must be valid content.
 * 2. Builds it with `scripts/build.ts` (every page, changes pages, search index) and as a bare
 *    Astro project (scripts/bench/bare-astro.ts); prints wall time, peak RSS of the process tree,
 *    peak RSS of the largest process, output size, and the ratios against the targets (time <= 1.5x,
 *    memory <= 1.25x bare Astro); then times Pagefind over the bare build's pages, the floor a
 *    search index alone sets.
 * 3. Doubles the versions per document and builds again (both builds unless `--no-double-bare`);
 *    prints how time grows (target <= 2.2x).
 * 4. Builds the real content/ and weighs the current privacy statement page: HTML + CSS + JS gzip
 *    against the gzip size of its text (target: text + 20 KB at most, no JavaScript needed to read).
 *
 * Options: `--documents 20 --versions 50 --words 5000` (corpus size), `--runs 3` (build each corpus that
 * many times, this project and bare Astro alternately, and report the run of median time with the range:
 * these machines are shared and one run can be 20% off), `--no-double`, `--no-double-bare`, `--keep`
 * (leave the temporary folder and print its path).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from '../cli.ts';
import * as pagefind from 'pagefind';
import { writeBareAstroProject } from './bare-astro.ts';
import { folderSize, measure, type Measurement } from './measure.ts';
import { weighPage } from './page-weight.ts';
import { writeSyntheticCorpus, type CorpusOptions } from './synthetic-corpus.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = readArgs({
  options: {
    documents: { type: 'string', default: '20' },
    versions: { type: 'string', default: '50' },
    words: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '1' },
    'no-double': { type: 'boolean', default: false },
    'no-double-bare': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
}, `\`npm run bench\`: how this project's full build compares with a bare Astro + MDX build of the same
files, how its time grows when the corpus doubles, and what the privacy statement page weighs.
A benchmark that prints figures; nothing here passes or fails a test.

1. Writes a deterministic synthetic corpus (scripts/bench/synthetic-corpus.ts; default 20
   documents x 50 versions x ~5,000 words) into a temporary folder, locks it (\`scripts/lock.ts\`)
   and checks it (\`scripts/check.ts\`): it must be valid content.
2. Builds it with \`scripts/build.ts\` (every page, changes pages, search index) and as a bare
   Astro project (scripts/bench/bare-astro.ts); prints wall time, peak RSS of the process tree,
   peak RSS of the largest process, output size, and the ratios against the targets (time <= 1.5x,
   memory <= 1.25x bare Astro); then times Pagefind over the bare build's pages, the floor a
   search index alone sets.
3. Doubles the versions per document and builds again (both builds unless \`--no-double-bare\`);
   prints how time grows (target <= 2.2x).
4. Builds the real content/ and weighs the current privacy statement page: HTML + CSS + JS gzip
   against the gzip size of its text (target: text + 20 KB at most, no JavaScript needed to read).

Options: \`--documents 20 --versions 50 --words 5000\` (corpus size), \`--runs 3\` (build each corpus that
many times, this project and bare Astro alternately, and report the run of median time with the range:
these machines are shared and one run can be 20% off), \`--no-double\`, \`--no-double-bare\`, \`--keep\`
(leave the temporary folder and print its path).`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs takes a whole number of runs, 1 or more (got "${values.runs}")`);
  process.exit(1);
}
const size: CorpusOptions = { documents: Number(values.documents), versions: Number(values.versions), words: Number(values.words) };
const work = mkdtempSync(join(tmpdir(), 'legal-bench-'));
const node = process.execPath;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** One build of one corpus: its measurement, output folder and size. */
interface Run {
  label: string;
  m: Measurement;
  out: { bytes: number; files: number; dir: string };
}

/** Write, lock and check a corpus; exits when the content is not valid. */
function prepare(name: string, options: CorpusOptions): { dir: string; asOf: string } {
  const dir = join(work, name);
  const summary = writeSyntheticCorpus(dir, options);
  // As of 30 days before the last versions take effect: each document has archived, current and upcoming versions.
  const asOf = new Date(Date.parse(`${summary.lastEffective}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  console.log(`\n▸ ${name}: ${options.documents} documents x ${options.versions} versions, ${summary.files} files, ${summary.words.toLocaleString('en')} words (${Math.round(summary.words / summary.files)} a version), ${mb(summary.bytes)}, as of ${asOf}`);
  const env = { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: asOf };
  // `npm run lock` refuses content with errors, so it checks the corpus too; the build checks it again with the lock.
  const hasLock = existsSync(join(root, 'scripts', 'lock.ts'));
  const check = spawnSync(node, [join(root, 'scripts', hasLock ? 'lock.ts' : 'check.ts')], { cwd: root, env, encoding: 'utf8' });
  if (check.status !== 0) fatal(`npm run ${hasLock ? 'lock' : 'check'} refused the synthetic corpus:\n${check.stdout}${check.stderr}`);
  const warnings = (check.stdout + check.stderr).split('\n').filter((line) => / warning: /.test(line));
  if (warnings.length > 0) console.log(`  ${warnings.length} content warnings, e.g. ${warnings[0]}`);
  return { dir, asOf };
}

async function buildOurs(label: string, corpus: { dir: string; asOf: string }): Promise<Run> {
  const out = join(work, `${label}-out`);
  const m = await measure(node, [join(root, 'scripts', 'build.ts')], {
    cwd: root,
    env: { LEGAL_CONTENT_DIR: corpus.dir, LEGAL_AS_OF: corpus.asOf, LEGAL_OUT_DIR: out, LEGAL_SITE: 'https://legal.example.test' },
  });
  if (m.status !== 0) {
    writeFileSync(join(work, `${label.replace(/\W+/g, '-')}.log`), m.output);
    fatal(`The project's build failed (${logHint()}):\n${m.tail}`);
  }
  return report({ label, m, out: { ...folderSize(out), dir: out } });
}

async function buildBare(label: string, corpus: { dir: string }): Promise<Run> {
  const project = join(work, `${label}-project`);
  const out = join(work, `${label}-out`);
  writeBareAstroProject(project, root, corpus.dir, out);
  const m = await measure(node, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', project], { cwd: project });
  if (m.status !== 0) {
    writeFileSync(join(work, `${label.replace(/\W+/g, '-')}.log`), m.output);
    fatal(`The bare Astro build failed (${logHint()}):\n${m.tail}`);
  }
  return report({ label, m, out: { ...folderSize(out), dir: out } });
}

/**
 * Build with `build` `runs` times and keep the run of median wall time (the lower middle for an even
 * count), noting the range of wall times in its label.
 */
async function median(label: string, build: (attempt: string) => Promise<Run>): Promise<Run> {
  if (runs === 1) return build(label);
  const all: Run[] = [];
  for (let attempt = 1; attempt <= runs; attempt++) all.push(await build(`${label} run ${attempt}`));
  const sorted = [...all].sort((a, b) => a.m.wallMs - b.m.wallMs);
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)]!;
  console.log(`  ${label}: median of ${runs} runs ${s(chosen.m.wallMs)} (range ${s(sorted[0]!.m.wallMs)}-${s(sorted.at(-1)!.m.wallMs)}), peak RSS ${mb(chosen.m.peakTreeRss)}`);
  return { ...chosen, label };
}

/** Build this project and bare Astro alternately (so both meet the same machine load), `runs` times each. */
async function both(corpus: { dir: string; asOf: string }, oursLabel: string, bareLabel: string, withBare = true): Promise<[Run, Run | undefined]> {
  if (runs === 1) return [await buildOurs(oursLabel, corpus), withBare ? await buildBare(bareLabel, corpus) : undefined];
  const ours: Run[] = [];
  const bare: Run[] = [];
  for (let attempt = 1; attempt <= runs; attempt++) {
    // Labels name the work folders: no `#`, which Vite reads as a URL fragment.
    ours.push(await buildOurs(`${oursLabel} run ${attempt}`, corpus));
    if (withBare) bare.push(await buildBare(`${bareLabel} run ${attempt}`, corpus));
  }
  const pick = async (list: Run[], label: string) => median(label, async () => list.shift()!);
  return [await pick(ours, oursLabel), withBare ? await pick(bare, bareLabel) : undefined];
}

function report(run: Run): Run {
  writeFileSync(join(work, `${run.label.replace(/\W+/g, '-')}.log`), run.m.output);
  const largest = run.m.peakProcessRss ? `, largest process ${mb(run.m.peakProcessRss)}` : '';
  console.log(`  ${run.label.padEnd(22)} ${s(run.m.wallMs).padStart(8)}   peak RSS ${mb(run.m.peakTreeRss)} (process tree${largest})   output ${mb(run.out.bytes)} in ${run.out.files} files`);
  // scripts/build.ts reports its phases: the content check (beside Astro), Astro, the search index.
  const phases = [...run.m.output.matchAll(/content checked in [\d.]+ s|Astro built the site in [\d.]+ s|search index: \d+ pages indexed in [\d.]+ s/g)].map((match) => match[0]);
  if (phases.length > 0) console.log(`  ${''.padEnd(22)} phases: ${phases.join('; ')}`);
  console.log(`  ${''.padEnd(22)} memory peak at ${s(run.m.peakAt.ms)}: ${run.m.peakAt.processes.map((p) => p.replace(/ (\d+)$/, (_, bytes) => ` ${mb(Number(bytes))}`)).join(', ')}`);
  return run;
}

function compare(ours: Run, bare: Run): void {
  const memory = (r: Run) => r.m.peakTreeRss;
  console.log(`  ratios (project / bare Astro): time ${ratio(ours.m.wallMs, bare.m.wallMs)} (target <= 1.5x), peak RSS ${ratio(memory(ours), memory(bare))} (target <= 1.25x)` +
    (ours.m.peakProcessRss && bare.m.peakProcessRss ? `, largest process ${ratio(ours.m.peakProcessRss, bare.m.peakProcessRss)}` : '') +
    `, output ${ratio(ours.out.bytes, bare.out.bytes)}`);
}

/**
 * The floor the search index alone sets: Pagefind (the same version, on both cores) indexing the bare
 * build's pages, i.e. what a bare Astro site with search would add to the bare build.
 */
async function searchIndexFloor(bare: Run): Promise<void> {
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) return;
  const added = await index.addDirectory({ path: bare.out.dir });
  await index.writeFiles({ outputPath: join(work, 'bare-search-index') });
  await pagefind.close();
  const ms = performance.now() - started;
  console.log(`  search index alone: Pagefind over the bare build's ${added.page_count} pages takes ${s(ms)}; bare Astro + search = ${ratio(bare.m.wallMs + ms, bare.m.wallMs)} bare Astro`);
}

function logHint(): string {
  return values.keep ? `full log in ${work}` : 'run with --keep to keep the full log';
}

function fatal(message: string): never {
  console.error(`\n✖ ${message}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

console.log(`Build benchmark (Node ${process.version}, work folder ${work})`);
const base = prepare('corpus', size);
const [ours, bare] = await both(base, 'project', 'bare Astro');
compare(ours, bare!);
await searchIndexFloor(bare!);

if (!values['no-double']) {
  const doubled = prepare('corpus-x2', { ...size, versions: size.versions * 2 });
  const [ours2, bare2] = await both(doubled, 'project x2', 'bare Astro x2', !values['no-double-bare']);
  console.log(`  doubling the corpus: project time x${(ours2.m.wallMs / ours.m.wallMs).toFixed(2)} (target <= 2.2x), peak RSS x${(ours2.m.peakTreeRss / ours.m.peakTreeRss).toFixed(2)}`);
  if (bare2) {
    console.log(`  doubling the corpus: bare Astro time x${(bare2.m.wallMs / bare!.m.wallMs).toFixed(2)}, peak RSS x${(bare2.m.peakTreeRss / bare!.m.peakTreeRss).toFixed(2)}`);
    compare(ours2, bare2);
  }
}

console.log('\n▸ Page weight: the current privacy statement of content/ (gzip level 6)');
const realOut = join(work, 'real-out');
const real = spawnSync(node, [join(root, 'scripts', 'build.ts')], { cwd: root, env: { ...process.env, LEGAL_CONTENT_DIR: join(root, 'content'), LEGAL_OUT_DIR: realOut }, encoding: 'utf8' });
if (real.status !== 0) fatal(`The real content did not build:\n${real.stderr}`);
const weight = weighPage(realOut, '/privacy-statement/');
const total = weight.html + weight.css + weight.js;
console.log(`  HTML ${kb(weight.html)} + CSS ${kb(weight.css)} + JS ${kb(weight.js)} (${weight.scripts} script files) = ${kb(total)}`);
console.log(`  text alone ${kb(weight.text)}; overhead ${kb(total - weight.text)} (target <= 20 KB); text readable without JavaScript: ${weight.textInHtml ? 'yes' : 'NO'}`);

if (values.keep) console.log(`\nKept ${work}`);
else rmSync(work, { recursive: true, force: true });
