/**
 * Replacing the output folder (src/node/publish-folder.ts, issue 11 "Build and deploy"): the folder always
 * holds a complete site, also after `kill -9` between the two renames of the swap; what stopped builds left
 * is removed; a site built on another file system is copied; a mount point is refused. Without Astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  moveToStaging,
  OutputFolderError,
  outputPaths,
  recoverOutputFolder,
  removeFoldersOfStoppedBuilds,
  replaceOutputFolder,
} from '../../src/node/publish-folder.ts';
import { root } from '../helpers/site.ts';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'publish-folder-')));
const cleanup = [base];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
let count = 0;
const moduleUrl = pathToFileURL(join(root, 'src', 'node', 'publish-folder.ts')).href;

/** A fresh parent folder holding an output folder `site/` with the previous site, if asked. */
function setUp(previous: string | null = 'previous'): string {
  const parent = join(base, `case-${++count}`);
  mkdirSync(parent, { recursive: true });
  if (previous !== null) writeSite(join(parent, 'site'), previous);
  return join(parent, 'site');
}

/** Write a small site whose every file says `text`. */
function writeSite(dir: string, text: string): void {
  mkdirSync(join(dir, 'terms'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<p>${text}</p>`);
  writeFileSync(join(dir, 'terms', 'index.html'), `<p>${text} terms</p>`);
}

/** Every file of a site folder with its text. */
function siteText(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const complete = (text: string) => ({ 'index.html': `<p>${text}</p>`, [join('terms', 'index.html')]: `<p>${text} terms</p>` });
const besideOut = (out: string) => readdirSync(join(out, '..')).filter((name) => name !== 'site').sort();

/**
 * Run a build's swap in a child process that kills itself (SIGKILL, as `kill -9`) right after `step`.
 *
 * @returns The child's pid, now dead.
 */
function swapAndDie(out: string, step: string): number {
  const code = `import { outputPaths, replaceOutputFolder } from ${JSON.stringify(moduleUrl)};
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const paths = outputPaths(${JSON.stringify(out)});
mkdirSync(join(paths.staging, 'terms'), { recursive: true });
writeFileSync(join(paths.staging, 'index.html'), '<p>new</p>');
writeFileSync(join(paths.staging, 'terms', 'index.html'), '<p>new terms</p>');
process.stdout.write(String(process.pid));
replaceOutputFolder(paths, (step) => { if (step === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(run.signal).toBe('SIGKILL');
  return Number(run.stdout);
}

describe('replaceOutputFolder', () => {
  it('should replace the output folder with the staging folder and leave nothing beside it', () => {
    const out = setUp();
    const paths = outputPaths(out);
    writeSite(paths.staging, 'new');
    const steps: string[] = [];
    replaceOutputFolder(paths, (step) => steps.push(step));
    expect(siteText(out)).toEqual(complete('new'));
    expect(steps).toEqual(['moved-aside', 'moved-in', 'removed-old']);
    expect(besideOut(out)).toEqual([]);
  });

  it('should create the output folder when there was none', () => {
    const out = setUp(null);
    const paths = outputPaths(out);
    writeSite(paths.staging, 'first');
    replaceOutputFolder(paths);
    expect(siteText(out)).toEqual(complete('first'));
  });

  it('should put the previous site back when the new one cannot be moved in', () => {
    const out = setUp();
    const paths = outputPaths(out);
    writeSite(paths.staging, 'new');
    const failing = {
      renameSync(from: string, to: string) {
        if (from === paths.staging) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        renameSync(from, to);
      },
    };
    expect(() => replaceOutputFolder(paths, () => {}, failing)).toThrow('EIO');
    expect(siteText(out)).toEqual(complete('previous'));
  });

  it('should replace the folder a symlinked output folder points to, and keep the symlink', () => {
    const real = setUp();
    const link = join(base, `link-${count}`);
    symlinkSync(real, link);
    const paths = outputPaths(link);
    expect(paths.out).toBe(real);
    writeSite(paths.staging, 'new');
    replaceOutputFolder(paths);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(siteText(link)).toEqual(complete('new'));
  });
});

describe('recoverOutputFolder after kill -9', () => {
  it('should find the previous site beside the output folder after a kill between the two renames, and put it back', () => {
    const out = setUp();
    const pid = swapAndDie(out, 'moved-aside');
    expect(existsSync(out)).toBe(false);
    expect(besideOut(out)).toEqual([`.build-site-${pid}`, `.build-site-${pid}-old`]);

    const recovery = recoverOutputFolder(outputPaths(out));
    expect(recovery.restored).toBe(join(out, '..', `.build-site-${pid}-old`));
    expect(siteText(out)).toEqual(complete('previous'));
    expect(recovery.removed).toEqual([join(out, '..', `.build-site-${pid}`)]);
    expect(besideOut(out)).toEqual([]);
  });

  it('should keep the new site after a kill once it moved in, and delete the previous one left aside', () => {
    const out = setUp();
    const pid = swapAndDie(out, 'moved-in');
    expect(besideOut(out)).toEqual([`.build-site-${pid}-old`]);
    const recovery = recoverOutputFolder(outputPaths(out));
    expect(recovery.restored).toBeNull();
    expect(siteText(out)).toEqual(complete('new'));
    expect(besideOut(out)).toEqual([]);
  });

  it('should remove the staging, cache and lock files of stopped builds but keep those of running builds and of other folders', () => {
    const out = setUp();
    const parent = join(out, '..');
    for (const name of ['.build-site-111', '.build-site-111-cache', '.build-site-222', '.build-site-2-333', '.build-sites-111', '.build-site.lock', '.build-site.lock.stale-111-ab12']) {
      if (name.includes('lock')) writeFileSync(join(parent, name), '');
      else mkdirSync(join(parent, name));
    }
    const recovery = recoverOutputFolder(outputPaths(out), (pid) => pid === 222);
    expect(recovery.removed.map((path) => path.slice(parent.length + 1)).sort()).toEqual(['.build-site-111', '.build-site-111-cache', '.build-site.lock.stale-111-ab12']);
    expect(besideOut(out)).toEqual(['.build-site-2-333', '.build-site-222', '.build-site.lock', '.build-sites-111']);
    expect(siteText(out)).toEqual(complete('previous'));
  });

  it('should not restore the previous site of a build that is still running (it is between its renames)', () => {
    const out = setUp(null);
    writeSite(join(out, '..', '.build-site-444-old'), 'previous');
    expect(recoverOutputFolder(outputPaths(out), (pid) => pid === 444)).toEqual({ restored: null, removed: [] });
    expect(existsSync(out)).toBe(false);
  });
});

describe('moveToStaging', () => {
  it('should rename the built site beside the output folder', () => {
    const out = setUp();
    const built = join(base, `built-${count}`);
    writeSite(built, 'new');
    const paths = outputPaths(out);
    expect(moveToStaging(built, paths)).toBe('renamed');
    expect(siteText(paths.staging)).toEqual(complete('new'));
    expect(existsSync(built)).toBe(false);
  });

  it('should copy the built site when rename fails with EXDEV (another file system)', () => {
    const out = setUp();
    const built = join(base, `built-${count}`);
    writeSite(built, 'new');
    const paths = outputPaths(out);
    const crossDevice = {
      renameSync() {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    expect(moveToStaging(built, paths, crossDevice)).toBe('copied');
    expect(siteText(paths.staging)).toEqual(complete('new'));
    expect(existsSync(built)).toBe(false);
    replaceOutputFolder(paths);
    expect(siteText(out)).toEqual(complete('new'));
  });

  it('should rethrow errors other than EXDEV', () => {
    const out = setUp();
    const built = join(base, `built-${count}`);
    writeSite(built, 'new');
    const denied = { renameSync() { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); } };
    expect(() => moveToStaging(built, outputPaths(out), denied)).toThrow('EACCES');
  });

  const shm = '/dev/shm';
  const otherFileSystem = existsSync(shm) && statSync(shm).dev !== statSync(base).dev;
  if (!otherFileSystem) console.warn(`⚠ ${shm} is missing or on the same file system as ${base}: the real cross-file-system move is not tested`);
  it.skipIf(!otherFileSystem)('should move a site built on one file system into an output folder on another (tmpfs)', () => {
    const parent = mkdtempSync(join(shm, 'publish-folder-'));
    cleanup.push(parent);
    const out = join(parent, 'site');
    writeSite(out, 'previous');
    const built = join(base, `built-${++count}`);
    writeSite(built, 'new');
    const paths = outputPaths(out);
    expect(moveToStaging(built, paths)).toBe('copied');
    replaceOutputFolder(paths);
    expect(siteText(out)).toEqual(complete('new'));
    expect(besideOut(out)).toEqual([]);
  });
});

describe('outputPaths', () => {
  it('should name the staging, old and lock paths after the output folder, beside it', () => {
    const out = setUp();
    expect(outputPaths(out, 42)).toEqual({
      out,
      parent: join(out, '..'),
      staging: join(out, '..', '.build-site-42'),
      old: join(out, '..', '.build-site-42-old'),
      lock: join(out, '..', '.build-site.lock'),
    });
  });

  it('should create the parent folder of an output folder that does not exist yet', () => {
    const out = join(base, `deep-${++count}`, 'a', 'site');
    expect(outputPaths(out).parent).toBe(join(base, `deep-${count}`, 'a'));
    expect(existsSync(join(out, '..'))).toBe(true);
  });

  it('should refuse an output path that is a file', () => {
    const file = join(base, `file-${++count}`);
    writeFileSync(file, '');
    expect(() => outputPaths(file)).toThrow(OutputFolderError);
  });

  const mountPoint = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync('/dev').dev;
  it.skipIf(!mountPoint)('should refuse an output folder that is a mount point, saying what to do instead', () => {
    expect(() => outputPaths('/dev/shm')).toThrow(/\/dev\/shm is a mount point.*mount its parent folder instead, or set LEGAL_OUT_DIR to a folder inside it/);
  });
});

describe('removeFoldersOfStoppedBuilds', () => {
  it('should delete build-<pid> folders of stopped builds only', () => {
    const dir = join(base, `astro-${++count}`);
    for (const name of ['build-111', 'build-222', 'build-x', 'collections', `build-${process.pid}`]) mkdirSync(join(dir, name), { recursive: true });
    expect(removeFoldersOfStoppedBuilds(dir, 'build-', (pid) => pid === 222)).toEqual([join(dir, 'build-111')]);
    expect(readdirSync(dir).sort()).toEqual([`build-${process.pid}`, 'build-222', 'build-x', 'collections'].sort());
  });
});
