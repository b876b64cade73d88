/**
 * `npm run build` and the output folder (issue 11 "Build and deploy"): the check runs before Astro starts,
 * the next build puts back a site left aside by a build killed in its swap and removes what stopped builds
 * left, a second build into the same folder waits or fails clearly, and an output folder on another file
 * system (tmpfs) works.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { fixtureAsOf, fixtureContent, root, tmp, writeContent } from '../helpers/site.ts';
import { lockOutputFolder } from '../../src/node/output-lock.ts';

mkdirSync(tmp, { recursive: true });
const base = mkdtempSync(join(tmp, 'publish-build-'));
const cleanup = [base];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const registry = 'documents:\n  - id: terms\n    title: Terms\n    kind: terms\n    description: The rules.\n';
/** A content folder the check refuses (so a build stops before Astro, in about a second). */
const refused = writeContent(`publish-refused-${process.pid}`, {
  'documents.yaml': registry,
  'terms/2024-01-01.mdx': '---\nmaterial: false\n---\n\n## Hi {#hi}\n\n<script>alert(1)</script>\n',
});
cleanup.push(refused);
const env = (out: string, content: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  LEGAL_SITE: 'https://legal.example.test',
  LEGAL_AS_OF: content === fixtureContent ? fixtureAsOf : '2024-06-01',
  LEGAL_CONTENT_DIR: content,
  LEGAL_OUT_DIR: out,
  ...extra,
});
const buildScript = join(root, 'scripts', 'build.ts');
const build = (out: string, content: string, extra?: Record<string, string>) =>
  spawnSync(process.execPath, [buildScript], { cwd: root, encoding: 'utf8', env: env(out, content, extra) });

let count = 0;
/** A fresh output folder holding a small previous site. */
function previousSite(parent = base): string {
  const out = join(parent, `case-${++count}`, 'site');
  mkdirSync(join(out, 'terms'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<p>previous</p>');
  writeFileSync(join(out, 'terms', 'index.html'), '<p>previous terms</p>');
  return out;
}
const besideOut = (out: string) => readdirSync(join(out, '..')).filter((name) => name !== 'site');

describe('the order of the build', () => {
  // A preload module (NODE_OPTIONS --import, inherited by every Node process of the build) makes the check
  // process slow (3 s) and records when the check and Astro start and end.
  const log = join(base, 'order.log');
  const preload = join(base, 'order-preload.mjs');
  writeFileSync(
    preload,
    `import { appendFileSync } from 'node:fs';
const script = process.argv[1] ?? '';
const note = (what) => appendFileSync(${JSON.stringify(log)}, what + ' ' + Date.now() + '\\n');
if (script.endsWith('check-process.ts')) {
  note('check-start');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
  process.on('exit', () => note('check-end'));
}
if (script.endsWith('astro.mjs')) note('astro-start');
`,
  );
  const slowCheck = { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` };
  const events = () => Object.fromEntries(readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' ')).map(([what, at]) => [what!, Number(at)]));

  it('should never start Astro on content the check refuses, however long the check takes', () => {
    rmSync(log, { force: true });
    const out = previousSite();
    const run = build(out, refused, slowCheck);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[safe-mdx-element]');
    expect(Object.keys(events())).toEqual(['check-start', 'check-end']);
    expect(run.stdout).not.toContain('[build]');
  });

  it('should start Astro only after the check has ended', () => {
    rmSync(log, { force: true });
    const out = previousSite();
    const run = build(out, fixtureContent, slowCheck);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const at = events();
    expect(at['astro-start']).toBeGreaterThanOrEqual(at['check-end']!);
    expect(existsSync(join(out, 'privacy-statement', 'index.html'))).toBe(true);
  });
});

describe('a build after one killed (kill -9) between the two renames of its swap', () => {
  it('should put the previous site back, take over the dead lock and remove the stray folders, even when it fails itself', () => {
    const out = previousSite();
    const before = folderHashes(out);
    // A build that holds the lock, has its staging folder ready, renames the site aside and is killed.
    const modules = (name: string) => JSON.stringify(pathToFileURL(join(root, 'src', 'node', name)).href);
    const code = `import { lockOutputFolder } from ${modules('output-lock.ts')};
import { outputPaths, replaceOutputFolder } from ${modules('publish-folder.ts')};
import { mkdirSync, writeFileSync } from 'node:fs';
const paths = outputPaths(${JSON.stringify(out)});
await lockOutputFolder(paths.lock);
mkdirSync(paths.staging);
writeFileSync(paths.staging + '/index.html', '<p>new</p>');
replaceOutputFolder(paths, (step) => { if (step === 'moved-aside') process.kill(process.pid, 'SIGKILL'); });`;
    const killed = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(besideOut(out).length).toBe(3); // staging, -old and the lock

    const run = build(out, refused);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Took over the lock');
    expect(run.stdout).toMatch(/Restored the previous site to .*site from .*\.build-site-\d+-old/);
    expect(run.stdout).toMatch(/Removed what stopped builds left behind: .*\.build-site-\d+/);
    expect(folderHashes(out)).toEqual(before);
    expect(besideOut(out)).toEqual([]);
  });
});

describe('two builds into one folder', () => {
  it('should make the second fail after LEGAL_BUILD_WAIT seconds, naming the build that holds the folder', async () => {
    const out = previousSite();
    const before = folderHashes(out);
    const lock = await lockOutputFolder(join(out, '..', '.build-site.lock'));
    try {
      const run = build(out, refused, { LEGAL_BUILD_WAIT: '1' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`Another build (pid ${process.pid}`);
      expect(run.stderr).toMatch(new RegExp(`pid ${process.pid} .*is writing the same output folder .*gave up after waiting 1 s`));
      expect(run.stderr).not.toContain('[safe-mdx-element]'); // it never got to the check
      expect(folderHashes(out)).toEqual(before);
    } finally {
      lock.release();
    }
  });

  it('should make the second wait, with a message, and go on once the first is done', async () => {
    const out = previousSite();
    const lock = await lockOutputFolder(join(out, '..', '.build-site.lock'));
    const second = spawn(process.execPath, [buildScript], { cwd: root, env: env(out, refused, { LEGAL_BUILD_WAIT: '60' }) });
    let stdout = '';
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = new Promise<number | null>((resolve) => second.on('close', resolve));
    const waiting = new Promise<void>((resolve, reject) => {
      second.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('waiting for it to finish')) resolve();
      });
      void status.then((code) => reject(new Error(`the second build exited (${code}) without waiting:\n${stdout}\n${stderr}`)));
    });
    await waiting;
    expect(stderr).toBe('');
    lock.release();
    expect(await status).toBe(1);
    expect(stderr).toContain('[safe-mdx-element]'); // past the lock, it checked the content
    expect(besideOut(out)).toEqual([]);
  });
});

const shm = '/dev/shm';
const otherFileSystem = existsSync(shm) && statSync(shm).dev !== statSync(root).dev;
if (!otherFileSystem) console.warn(`⚠ ${shm} is missing or on the same file system as ${root}: the build into another file system is not tested`);
describe.skipIf(!otherFileSystem)('an output folder on another file system', () => {
  it('should build the site and replace the previous one (no EXDEV), leaving nothing beside it', () => {
    const parent = mkdtempSync(join(shm, 'publish-build-'));
    cleanup.push(parent);
    const out = previousSite(parent);
    const run = build(out, fixtureContent);
    expect(run.stderr).not.toMatch(/EXDEV|error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Copied the site next to');
    expect(readFileSync(join(out, 'privacy-statement', 'index.html'), 'utf8')).toContain('data-pagefind-body');
    expect(existsSync(join(out, 'pagefind'))).toBe(true);
    expect(besideOut(out)).toEqual([]);
  });
});
