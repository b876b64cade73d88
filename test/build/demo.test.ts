/**
 * `npm run demo` (scripts/demo.ts, issue 16): builds the fixture corpus as of 2025-06-01 into a folder of its
 * own, with a history, redlines and an upcoming version, says the text is test fixtures, and never writes dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage, root, text, tmp } from '../helpers/site.ts';

const out = join(tmp, `demo-${process.pid}`);
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'demo.ts'), ...args], { cwd: root, encoding: 'utf8' });

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('builds the fixture corpus with history, changes pages and an upcoming version, and says it is fixtures', () => {
    const result = run('--no-serve', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("it is not Prodsmart's legal text");
    expect(result.stdout).toContain('as of 2025-06-01');

    const history = text(readPage(out, '/privacy-statement/history/'));
    for (const date of ['January 15, 2023', 'March 1, 2024', 'September 1, 2025']) expect(history).toContain(date);
    const changes = readPage(out, '/privacy-statement/2024-03-01/changes/');
    expect(changes.querySelectorAll('ins').length).toBeGreaterThan(0);
    expect(changes.querySelectorAll('del').length).toBeGreaterThan(0);
    expect(text(readPage(out, '/privacy-statement/'))).toContain('An updated Privacy Statement takes effect on September 1, 2025');
    expect(existsSync(join(out, 'privacy-statement', '2025-09-01', 'index.html'))).toBe(true);
  });

  it('refuses to build into dist/ or a folder inside it', () => {
    for (const folder of [join(root, 'dist'), join(root, 'dist', 'demo')]) {
      const result = run('--no-serve', '--out', folder);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("the real site's folder");
    }
  });

  it('answers --help without building', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run demo');
    expect(result.stdout).toContain('not Prodsmart');
  });
});
