import { cpSync, rmSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocksPreview, contentErrorPage, DevContentGuard } from '../../src/node/dev-content-guard.ts';
import { resolveSettings } from '../../src/settings.ts';
import { fixtureAsOf, fixtureContent, tmp } from '../helpers/site.ts';

const dir = join(tmp, `dev-content-guard-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev server content guard', () => {
  it('should check again when a file changes, and block pages only on errors other than the lock', () => {
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
    const blocking = guard.blocking();
    expect(blocking.map((d) => [d.file.endsWith('privacy-statement/2024-03-01.mdx'), d.ruleId])).toEqual([[true, 'safe-mdx-element']]);
    expect(contentErrorPage(blocking)).toContain('&lt;script&gt;');

    // A lock that does not match is listed, not blocking: a preview publishes nothing.
    writeFileSync(file, original);
    writeFileSync(join(dir, 'versions.lock'), 'privacy-statement/2024-03-01: sha256-0000000000000000000000000000000000000000000000000000000000000000\n');
    const rules = guard.blocking();
    expect(rules).toEqual([]);
    expect(reports.at(-1)!.some((rule) => rule.startsWith('lock-'))).toBe(true);
  });

  it('should let warnings and lock errors through, and stop every other error', () => {
    const at = { file: 'f', line: 1, column: 1, message: 'm' };
    expect(blocksPreview({ ...at, ruleId: 'lock-changed', severity: 'error' })).toBe(false);
    expect(blocksPreview({ ...at, ruleId: 'anchor-missing', severity: 'warning' })).toBe(false);
    expect(blocksPreview({ ...at, ruleId: 'safe-mdx-expression', severity: 'error' })).toBe(true);
  });
});
