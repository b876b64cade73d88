import { cpSync, rmSync, symlinkSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocksPreview, contentErrorPage, DevContentGuard, namesContentFile } from '../../src/node/dev-content-guard.ts';
import { resolveSettings } from '../../src/settings.ts';
import { fixtureAsOf, fixtureContent, tmp } from '../helpers/site.ts';

const dir = join(tmp, `dev-content-guard-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev server content guard', () => {
  it('should check again when the watcher says the content changed, and block pages only on errors other than the lock', () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(fixtureContent, dir, { recursive: true });
    const reports: string[][] = [];
    const guard = new DevContentGuard(resolveSettings({ LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: fixtureAsOf }), (d) => reports.push(d.map((x) => x.ruleId)));
    expect(guard.blocking()).toEqual([]);
    expect(reports).toEqual([]);

    const file = join(dir, 'privacy-statement', '2024-03-01.mdx');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\n<script>alert(1)</script>\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    guard.changed();
    const blocking = guard.blocking();
    expect(blocking.map((d) => [d.file.endsWith('privacy-statement/2024-03-01.mdx'), d.ruleId])).toEqual([[true, 'safe-mdx-element']]);
    expect(contentErrorPage(blocking)).toContain('&lt;script&gt;');

    // A lock that does not match is listed, not blocking: a preview publishes nothing.
    writeFileSync(file, original);
    writeFileSync(join(dir, 'versions.lock'), 'privacy-statement/2024-03-01: sha256-0000000000000000000000000000000000000000000000000000000000000000\n');
    guard.changed();
    const rules = guard.blocking();
    expect(rules).toEqual([]);
    expect(reports.at(-1)!.some((rule) => rule.startsWith('lock-'))).toBe(true);
  });

  it('should read nothing on a request while the watcher saw no change', () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(fixtureContent, dir, { recursive: true });
    const guard = new DevContentGuard(resolveSettings({ LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: fixtureAsOf }));
    expect(guard.blocking()).toEqual([]);
    const file = join(dir, 'privacy-statement', '2024-03-01.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n<script>alert(1)</script>\n`);
    expect(guard.blocking()).toEqual([]); // not read: no event yet
    guard.changed();
    expect(guard.blocking().map((d) => d.ruleId)).toEqual(['safe-mdx-element']);
  });

  it('should let warnings and lock errors through, and stop every other error', () => {
    const at = { file: 'f', line: 1, column: 1, message: 'm' };
    expect(blocksPreview({ ...at, ruleId: 'lock-changed', severity: 'error' })).toBe(false);
    expect(blocksPreview({ ...at, ruleId: 'anchor-missing', severity: 'warning' })).toBe(false);
    expect(blocksPreview({ ...at, ruleId: 'safe-mdx-expression', severity: 'error' })).toBe(true);
  });
});

describe('requests for the files of the content folder', () => {
  // Vite served `/@fs/<content>/x.md?raw` as it was, and compiled `/@fs/<content>/x.md?import` with
  // Astro's Markdown pipeline into a module holding the refused <script> (the guard let /@fs/ through).
  const root = '/work/site';
  const content = '/work/site/content';
  it('should be recognised however the path is written', () => {
    for (const url of [
      '/@fs/work/site/content/privacy-statement/2024-03-01.md?import', '/@fs/work/site/content/privacy-statement/2024-03-01.mdx?raw',
      '/@fs//work/site/content/a.md', '/@fs/work/site/con%74ent/a.md?url', '/content/privacy-statement/2024-03-01.md?import',
      '/src/../content/a.md?raw', '/node_modules/../content/a.md', '/legal/content/a.md?import', '/@id/__x00__/work/site/content/a.md',
      '/@id//work/site/content/a.md', '/content', '/%E0%A4%A.md', '/@fs/work/site/content/../content/a.md',
    ]) expect(namesContentFile(url, root, content), url).toBe(true);
  });
  it('should leave pages and the project\'s own modules alone', () => {
    for (const url of ['/', '/privacy-statement/', '/privacy-statement/2024-03-01/?q=content', '/src/pages/index.astro', '/@fs/work/site/node_modules/astro/dist/x.js', '/@vite/client', '/contents/', '/content-policy/'])
      expect(namesContentFile(url, root, content), url).toBe(false);
  });
});

describe('the guard on a content folder holding symbolic links', () => {
  // The fingerprint followed links: a dangling link or a loop threw ENOENT/ELOOP on every request, no file:line.
  it('should report a dangling link and a loop as the check does, never throw', () => {
    const folder = join(tmp, `dev-content-guard-links-${process.pid}`);
    rmSync(folder, { recursive: true, force: true });
    cpSync(fixtureContent, folder, { recursive: true });
    symlinkSync('/nonexistent/file.md', join(folder, 'privacy-statement', '2019-01-01.md'));
    symlinkSync('loop.md', join(folder, 'terms-of-use', 'loop.md'));
    try {
      const guard = new DevContentGuard(resolveSettings({ LEGAL_CONTENT_DIR: folder, LEGAL_AS_OF: fixtureAsOf }));
      const found = guard.blocking().map((d) => `${d.file.split('/').slice(-2).join('/')}:${d.line} ${d.ruleId}`);
      expect(found).toEqual(expect.arrayContaining(['privacy-statement/2019-01-01.md:1 source-not-a-file', 'terms-of-use/loop.md:1 source-not-a-file']));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
