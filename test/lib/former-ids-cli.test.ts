/**
 * `npm run lock` and `npm run lock -- --compare` on a renamed document (issue 13, "Deep links"), in
 * a temporary git repository whose main branch has the locked content of editor-sources.ts: with
 * `formerIds`, the comparison passes before and after `npm run lock` writes the entries under the
 * new id; without, `npm run lock`, the check and the comparison refuse, saying to add `formerIds: [old]`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { contentRepo } from '../helpers/content-repo.ts';
import { root, tmp } from '../helpers/site.ts';
import { asOf, base, locked } from './editor-sources.ts';

const repo = join(tmp, `former-ids-cli-${process.pid}`);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const { git, write, reset } = contentRepo(repo);
function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: asOf } });
  return { status: result.status, out: result.stdout + result.stderr };
}
/** Rename `terms-of-use` to `terms` in the working copy: the folder moves, the registry entry changes. */
function rename(formerIds: boolean) {
  const registry = base['documents.yaml']!.replace('  - id: terms-of-use\n', '  - id: terms\n')
    .replace('    description: The rules.\n', `    description: The rules.\n${formerIds ? '    formerIds: [terms-of-use]\n' : ''}`);
  rmSync(join(repo, 'content', 'terms-of-use'), { recursive: true });
  write({ 'documents.yaml': registry, 'terms/2023-06-01.md': base['terms-of-use/2023-06-01.md'] });
}
const lockText = () => readFileSync(join(repo, 'content', 'versions.lock'), 'utf8');

describe('npm run lock on a renamed document', () => {
  beforeEach(() => {
    reset(locked, 'rename');
  });

  it('should pass the comparison with formerIds, and again once npm run lock has written the entries under the new id', () => {
    rename(true);
    expect(run('check.ts').status).toBe(0);
    expect(run('lock.ts', '--compare', 'main')).toMatchObject({ status: 0 });
    const locking = run('lock.ts');
    expect(locking.status).toBe(0);
    expect(locking.out).toContain('renamed     terms-of-use/2023-06-01 -> terms/2023-06-01');
    expect(lockText()).toContain('\nterms/2023-06-01:\n');
    expect(lockText()).not.toContain('terms-of-use/');
    expect(run('lock.ts', '--compare', 'main')).toMatchObject({ status: 0 });
    const checked = run('check.ts');
    expect(checked.status).toBe(0);
    expect(checked.out).not.toContain('lock-former-id');
    expect(run('lock.ts').out).toContain('is up to date (3 versions locked)');
  });

  it('should refuse a rename without formerIds in npm run lock and in the comparison, saying to add it', () => {
    rename(false);
    const advice = 'add `formerIds: [terms-of-use]` to the entry for "terms" in content/documents.yaml';
    const locking = run('lock.ts');
    expect(locking.status).toBe(1);
    expect(locking.out).toContain('refused     terms/2023-06-01: content/versions.lock has the same text locked as terms-of-use/2023-06-01.');
    expect(locking.out).toContain(advice);
    // Forced in as history, the old entry stays, and the check says its file is gone.
    expect(run('lock.ts', '--history').status).toBe(0);
    const checked = run('check.ts');
    expect(checked.status).toBe(1);
    expect(checked.out).toMatch(/versions\.lock:9:1: error: The locked version terms-of-use\/2023-06-01 no longer exists\..*add `formerIds: \[terms-of-use\]`.*\[lock-version-removed\]/);
    // Renamed in the lock by hand, the check passes; the comparison with the base branch does not.
    write({ 'versions.lock': locked['versions.lock']!.replaceAll('terms-of-use/', 'terms/') });
    expect(run('check.ts').status).toBe(0);
    const compared = run('lock.ts', '--compare', 'main');
    expect(compared.status).toBe(1);
    expect(compared.out).toMatch(/The entry terms-of-use\/2023-06-01 \(line 9 of content\/versions.lock on main\) was removed\..*add `formerIds: \[terms-of-use\]` to the entry for "terms".*\[lock-entry-removed\]/);
  });
});
