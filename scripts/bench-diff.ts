/**
 * `npm run bench:diff`: how fast the diff engine is on real text, next to `git diff --word-diff`.
 *
 * Diffs each consecutive pair of the GitHub Terms of Service corpus (../shared/corpora/
 * github-terms-of-service, ~7,000 words a version) and a synthetic pair ten times longer (ten
 * copies of one real pair, each under a `# Part n` heading, sections renamed apart), in this process, and runs
 * `git diff --no-index --word-diff=porcelain` on the same files. Prints median milliseconds per
 * pair and the ratios. Targets (issue 3): under 20 ms median per real pair; the 10x pair under ten
 * times its real pair (no quadratic blow-up).
 *
 * Usage: npm run bench:diff [-- --runs 9] [--corpus <folder>]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './cli.ts';
import { blocksOf, diffBlocks, type VersionText } from '../src/lib/diff/index.ts';
import { markedWords, minimalWordEdit } from '../src/lib/diff/quality.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = readArgs({ options: { runs: { type: 'string', default: '9' }, corpus: { type: 'string' } } }, `\`npm run bench:diff\`: how fast the diff engine is on real text, next to \`git diff --word-diff\`.

Diffs each consecutive pair of the GitHub Terms of Service corpus (../shared/corpora/
github-terms-of-service, ~7,000 words a version) and a synthetic pair ten times longer (ten
copies of one real pair, each under a \`# Part n\` heading, sections renamed apart), in this process, and runs
\`git diff --no-index --word-diff=porcelain\` on the same files. Prints median milliseconds per
pair and the ratios. Targets (issue 3): under 20 ms median per real pair; the 10x pair under ten
times its real pair (no quadratic blow-up).

Usage: npm run bench:diff [-- --runs 9] [--corpus <folder>]`);
const runs = Math.max(1, Number(values.runs));
const corpus = resolve(values.corpus ?? join(root, '..', 'shared', 'corpora', 'github-terms-of-service'));
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}: pass --corpus <folder of YYYY-MM-DD.md files>.`);
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/**
 * Median and fastest of `runs` timings, in ms: the median is the figure; the fastest shows what other
 * load on the machine hides. `setup` (not timed) makes each run's input: the diff caches keys on the
 * blocks it has seen, so each timed diff gets freshly parsed blocks, as a build does
 * (src/lib/diff/normalise.ts).
 */
const time = <T>(fn: (input: T) => unknown, setup: () => T = () => undefined as T) => {
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const input = setup();
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
  }
  return { median: median(samples), best: Math.min(...samples) };
};
const source = (text: string): VersionText => ({ text, format: 'md' });
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const files = readdirSync(corpus).filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f)).sort();
const scratch = mkdtempSync(join(tmpdir(), 'bench-diff-'));

interface Row { name: string; words: number; diff: number; best: number; parseAndDiff: number; git: number; marked: number; minimal: number; moved: number }
const measure = (name: string, oldPath: string, newPath: string): Row => {
  const a = source(readFileSync(oldPath, 'utf8'));
  const b = source(readFileSync(newPath, 'utf8'));
  const [oldBlocks, newBlocks] = [blocksOf(a), blocksOf(b)];
  for (let n = 0; n < 3; n++) diffBlocks(oldBlocks, newBlocks); // warm up the JIT
  const diff = time(([before, after]) => diffBlocks(before, after), () => [blocksOf(a), blocksOf(b)] as const);
  const parseAndDiff = time(() => diffBlocks(blocksOf(a), blocksOf(b))).median;
  const git = time(() => spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', oldPath, newPath], { encoding: 'utf8', maxBuffer: 1 << 28 })).median;
  const result = diffBlocks(oldBlocks, newBlocks);
  return { name, words: Math.max(words(a.text), words(b.text)), diff: diff.median, best: diff.best, parseAndDiff, git, marked: markedWords(result), minimal: minimalWordEdit(oldBlocks, newBlocks), moved: result.stats.blocksMoved };
};

try {
  // Warm up: every pair parsed and diffed once before any timing, so the first pair is not timed on cold code.
  for (let k = 1; k < files.length; k++) diffBlocks(blocksOf(source(readFileSync(join(corpus, files[k - 1]!), 'utf8'))), blocksOf(source(readFileSync(join(corpus, files[k]!), 'utf8'))));
  const rows: Row[] = [];
  for (let k = 1; k < files.length; k++) rows.push(measure(`${files[k - 1]!.slice(0, 10)} → ${files[k]!.slice(0, 10)}`, join(corpus, files[k - 1]!), join(corpus, files[k]!)));

  // The synthetic pair: ten copies of the real pair whose diff is the median one, each under a
  // `# Part n` heading, headings numbered apart; and one copy built the same way, timed in alternation with it, for the scaling ratio.
  const base = [...rows].sort((x, y) => x.diff - y.diff)[Math.floor(rows.length / 2)]!;
  const [oldName, newName] = base.name.split(' → ').map((d) => `${d}.md`);
  const copies = (file: string, count: number) => {
    const text = readFileSync(join(corpus, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    return Array.from({ length: count }, (_, copy) => `# Part ${copy + 1}\n\n${text.replace(/^(#{1,6} )(.*)$/gm, `$1$2 (part ${copy + 1})`)}`).join('\n\n');
  };
  writeFileSync(join(scratch, 'old.md'), copies(oldName!, 10));
  writeFileSync(join(scratch, 'new.md'), copies(newName!, 10));
  const big = measure(`10 x (${base.name})`, join(scratch, 'old.md'), join(scratch, 'new.md'));
  const one = [source(copies(oldName!, 1)), source(copies(newName!, 1))] as const;
  const ten = [source(copies(oldName!, 10)), source(copies(newName!, 10))] as const;
  const [oneSamples, tenSamples]: number[][] = [[], []];
  for (let n = 0; n < runs + 3; n++) {
    for (const [pair, samples] of [[one, oneSamples], [ten, tenSamples]] as const) {
      const [before, after] = [blocksOf(pair[0]), blocksOf(pair[1])];
      const start = performance.now();
      diffBlocks(before, after);
      if (n >= 3) samples.push(performance.now() - start);
    }
  }
  const scaling = median(tenSamples) / median(oneSamples);

  const fmt = (ms: number) => ms.toFixed(1).padStart(8);
  console.log(`Diff benchmark: median of ${runs} runs per pair, in ms (Node ${process.version}, ${files.length} versions in ${corpus})\n`);
  console.log(`${'pair'.padEnd(40)} ${'words'.padStart(6)} ${'diff'.padStart(8)} ${'fastest'.padStart(8)} ${'parse+diff'.padStart(10)} ${'git'.padStart(8)} ${'x git'.padStart(6)} ${'marked'.padStart(7)} ${'minimal'.padStart(7)} ${'ratio'.padStart(6)} ${'moved'.padStart(5)}`);
  for (const r of [...rows, big]) console.log(`${r.name.padEnd(40)} ${String(r.words).padStart(6)} ${fmt(r.diff)} ${fmt(r.best)} ${fmt(r.parseAndDiff).padStart(10)} ${fmt(r.git)} ${(r.diff / r.git).toFixed(2).padStart(6)} ${String(r.marked).padStart(7)} ${String(r.minimal).padStart(7)} ${(r.marked / Math.max(1, r.minimal)).toFixed(2).padStart(6)} ${String(r.moved).padStart(5)}`);
  const worst = [...rows].sort((x, y) => y.diff / y.git - x.diff / x.git)[0]!;
  const over = rows.filter((r) => r.marked > 1.05 * r.minimal + 5);
  console.log(`\nWorst pair against git: ${worst.name}, ${(worst.diff / worst.git).toFixed(2)}x (target < 2x for every real pair). Words marked over 1.05 x minimal + 5: ${over.length === 0 ? 'none' : over.map((r) => r.name).join(', ')}.`);
  const med = { diff: median(rows.map((r) => r.diff)), best: median(rows.map((r) => r.best)), parseAndDiff: median(rows.map((r) => r.parseAndDiff)), git: median(rows.map((r) => r.git)) };
  console.log(`\nMedian per real pair: diff ${med.diff.toFixed(1)} ms (target < 20 ms; median of the fastest runs ${med.best.toFixed(1)} ms), parse+diff ${med.parseAndDiff.toFixed(1)} ms, git diff --word-diff ${med.git.toFixed(1)} ms`);
  console.log(`Ratio diff / git: ${(med.diff / med.git).toFixed(2)}; parse+diff / git: ${(med.parseAndDiff / med.git).toFixed(2)}`);
  console.log(`10x pair: diff ${big.diff.toFixed(1)} ms = ${(big.diff / base.diff).toFixed(1)}x its real pair (target < 10x); parse+diff ${(big.parseAndDiff / base.parseAndDiff).toFixed(1)}x; git ${(big.git / base.git).toFixed(1)}x`);
  console.log(`10x pair timed in alternation with one copy built the same way: ${median(tenSamples).toFixed(1)} ms / ${median(oneSamples).toFixed(1)} ms = ${scaling.toFixed(1)}x`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
