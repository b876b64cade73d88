/**
 * `npm run demo [-- --no-serve] [--port <n>] [--out <folder>]`: build the test fixture corpus
 * (test/fixtures/corpus) as of 2025-06-01, the date it is written for, into `demo-site/` (never into
 * `dist/`), then serve it with `astro preview` until Ctrl-C.
 *
 * At that date the fixture has what the real content may lack on a given day: an archived, a current and an
 * upcoming version of its privacy statement (history, redlines of every change, the notice of the upcoming
 * version), a corrected supplemental notice and a renamed document. Its text is written for the tests
 * ("Fixture Co"): it is not Prodsmart's legal text.
 *
 * Exit codes (scripts/cli.ts): 0 built (and served until stopped), 1 the build failed, 2 a wrong call.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_CONTENT, EXIT_USAGE, readArgs } from './cli.ts';

const help = `Usage: npm run demo [-- --no-serve] [--port <n>] [--out <folder>]

Builds a demonstration site from the test fixture corpus (test/fixtures/corpus) as of 2025-06-01,
where it has a history, redlines and an upcoming version, then serves it with \`astro preview\`
(Ctrl-C stops it). The text is test fixtures ("Fixture Co"), not Prodsmart's legal text.

  --no-serve      build only, print where the site is
  --port <n>      port to serve on (default 4321)
  --out <folder>  where to build (default demo-site/; never dist/ or a folder inside it)`;

/** The as-of date the fixture corpus is written for (test/helpers/site.ts, `fixtureAsOf`). */
const asOf = '2025-06-01';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = readArgs({ options: { 'no-serve': { type: 'boolean', default: false }, port: { type: 'string', default: '4321' }, out: { type: 'string' } } }, help);

const out = resolve(values.out ?? join(root, 'demo-site'));
const dist = join(root, 'dist');
if (out === dist || out.startsWith(dist + sep) || out === root) {
  console.error(`✖ --out ${values.out} is the real site's folder (or the project): choose another folder, e.g. demo-site/.\n\n${help}`);
  process.exit(EXIT_USAGE);
}
if (!/^\d{1,5}$/.test(values.port) || Number(values.port) < 1 || Number(values.port) > 65535) {
  console.error(`✖ --port must be a port number from 1 to 65535; got "${values.port}".\n\n${help}`);
  process.exit(EXIT_USAGE);
}

const notice = 'This is a demonstration built from the test fixtures (test/fixtures/corpus, "Fixture Co"): it is not Prodsmart\'s legal text.';
const url = `http://localhost:${values.port}/`;
const env = {
  ...process.env,
  LEGAL_CONTENT_DIR: join(root, 'test', 'fixtures', 'corpus'),
  LEGAL_AS_OF: asOf,
  LEGAL_OUT_DIR: out,
  LEGAL_BASE: '/',
  LEGAL_SITE: url.replace(/\/$/, ''),
};
console.log(`${notice}\nBuilding it as of ${asOf} into ${relative(process.cwd(), out) || out} ...`);
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('✖ The demonstration site did not build (see above).');
  process.exit(build.status === EXIT_USAGE ? EXIT_USAGE : EXIT_CONTENT);
}

const pages = [
  ['home', ''],
  ['current privacy statement, with the notice of the upcoming version', 'privacy-statement/'],
  ['its history', 'privacy-statement/history/'],
  ['redline of the 2024-03-01 version', 'privacy-statement/2024-03-01/changes/'],
  ['the upcoming version (2025-09-01)', 'privacy-statement/2025-09-01/'],
  ['compare any two versions', 'privacy-statement/compare/'],
  ['a correction\'s redline', 'cookie-notice/2024-01-10/corrections/'],
];
const where = values['no-serve'] ? `${out}${sep}` : url;
console.log(`\n${notice}\nPages to look at:\n${pages.map(([what, path]) => `  ${where}${path.replaceAll('/', values['no-serve'] ? sep : '/')}  ${what}`).join('\n')}`);
console.log(`\nPages state statuses as of ${asOf}; with JavaScript on, a page read after its build date moves them on to today`);
console.log('(the site\'s rule for pages read from a cache), so in a browser the 2025-09-01 version shows as in effect.');
if (values['no-serve']) process.exit(0);

console.log(`\nServing ${url} (Ctrl-C stops it)`);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const preview = spawn(process.execPath, [astro, 'preview', '--root', root, '--port', values.port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => preview.kill(signal));
preview.on('close', (status, signal) => process.exit(signal ? 0 : (status ?? 0)));
