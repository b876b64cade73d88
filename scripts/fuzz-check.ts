/**
 * `npm run fuzz:check -- [--runs 2000] [--seed N]`: the long run of the content check's properties
 * (test/lib/content/version-content.test.ts runs a short one with a fixed seed in `npm test`):
 * random mutations of real versions never make the check throw, and what it accepts publishes
 * nothing that runs. Then prints how the check's time grows with the size of a file (each size
 * against the smallest, measured in this run): linear time is a ratio near the size ratio.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './cli.ts';
import { checkContent } from '../src/lib/check/content-check.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = readArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } } }, `\`npm run fuzz:check -- [--runs 2000] [--seed N]\`: the long run of the content check's properties
(test/lib/content/version-content.test.ts runs a short one with a fixed seed in \`npm test\`):
random mutations of real versions never make the check throw, and what it accepts publishes
nothing that runs. Then prints how the check's time grows with the size of a file (each size
against the smallest, measured in this run): linear time is a ratio near the size ratio.`);
const shared = process.env.LEGAL_SHARED_DIR || join(root, '..', 'shared');
const folders = [join(root, 'content'), join(root, 'test', 'fixtures', 'corpus'), join(shared, 'corpora', 'github-terms-of-service')];
const texts = folders.filter(existsSync).flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((p) => /\d{4}-\d{2}-\d{2}\.mdx?$/.test(p)).map((p) => ({ text: readFileSync(join(folder, p), 'utf8'), format: p.endsWith('.mdx') ? 'mdx' : 'md' })));
if (!existsSync(folders[2]!)) console.warn(`⚠ no GitHub Terms corpus at ${folders[2]}: fuzzing the project's own texts only`);

const registry = { path: 'documents.yaml', text: 'documents:\n  - id: t\n    title: T\n    kind: terms\n    description: T.\n' };
const check = (text: string, format: string) => checkContent({ root: 'content', registry, files: [{ path: `t/2020-01-01.${format}`, text }], folders: ['t'] }, '2019-01-01');
const snippets = ['{', '}', '<', '>', '{/*', '*/}', '<div>', '</div>', '<script>', '```', '---', '+++', '\n', '#', '{#', '[x](#%)', '&#x', '<!--', ']]>', '\u0000', ' '.repeat(1000), '>'.repeat(500)];

const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
console.log(`fast-check: ${values.runs} runs, seed ${seed}`);
fc.assert(
  fc.property(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 30, unit: 'binary' }))), { maxLength: 6 }), (real, edits) => {
    let text = real.text;
    for (const [at, snippet] of edits) text = text.slice(0, at % (text.length + 1)) + snippet + text.slice(at % (text.length + 1));
    check(text, real.format);
  }),
  { numRuns: Number(values.runs), seed },
);
console.log('the check never threw');

// Growth with size: one real version repeated k times, and adversarial lines of the same sizes.
const base = texts.find((t) => t.format === 'md')?.text ?? '## A {#a}\n\nText.\n';
const time = (text: string, format: string) => {
  const start = performance.now();
  check(text, format);
  return performance.now() - start;
};
const shapes: [string, (k: number) => string, string][] = [
  ['real text repeated', (k) => base.replace(/^---[\s\S]*?---\n/, '').repeat(k), 'md'],
  ['tags in one HTML block', (k) => `<div>\n${'<b>x</b>'.repeat(2000 * k)}\n</div>\n`, 'md'],
  ['spaces in a heading line', (k) => `## x${' '.repeat(20000 * k)}{#a b}\n`, 'mdx'],
  ['nested quotes', (k) => `${'> '.repeat(50 * k)}x\n`, 'md'],
];
for (const [name, make, format] of shapes) {
  const sizes = [1, 2, 4, 8];
  time(make(1), format); // warm up the parsers
  const times = sizes.map((k) => Math.min(time(make(4 * k), format), time(make(4 * k), format), time(make(4 * k), format)));
  console.log(`${name.padEnd(26)} ${sizes.map((k, i) => `${k}x size: ${(times[i]! / times[0]!).toFixed(2)}x time`).join('  ')}  (1x = ${times[0]!.toFixed(1)} ms)`);
}
