/**
 * `npm run lock -- --compare <git-ref>` (issue 11): on a temporary git repository, the lock of the
 * working copy is compared with the base branch's, and every entry removed or rewritten fails the
 * command; and the pull-request workflow runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentRepo } from '../helpers/content-repo.ts';
import { root, tmp } from '../helpers/site.ts';
import { asOf, base, locked, lockFor } from './editor-sources.ts';

const repo = join(tmp, `lock-compare-${process.pid}`);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const FIRST = 'privacy-statement/2022-03-31.mdx';
const { git, write, reset } = contentRepo(repo);
/** Run the comparison in the repository, as the workflow does. */
function compare(ref = 'main') {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'lock.ts'), '--compare', ref], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: asOf },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run lock -- --compare', () => {
  beforeEach(() => {
    reset(locked, 'change');
  });

  // The lock was read through a link: a versions.lock linked to .git/config (where actions/checkout keeps the
  // token) got YAML errors that quote the offending line, `extraheader = AUTHORIZATION: "basic …"`, into the log.
  it('should refuse a lock that is a symbolic link without reading what it points to', () => {
    const secret = join(repo, 'secret.txt');
    writeFileSync(secret, '[http]\n\textraheader = AUTHORIZATION: basic TOP-SECRET-MARKER\n');
    rmSync(join(repo, 'content', 'versions.lock'));
    symlinkSync(secret, join(repo, 'content', 'versions.lock'));
    const result = compare();
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('TOP-SECRET-MARKER');
    expect(result.stdout + result.stderr).toContain('symbolic link');
  });

  it('should pass an unchanged lock and a lock with a new version, and write nothing', () => {
    expect(compare()).toMatchObject({ status: 0, stdout: '✔ content/versions.lock keeps every entry of main (3 entries), with corrections only appended.\n' });
    const added = { ...locked, 'terms-of-use/2025-09-01.md': '---\nsummary: New.\nmaterial: false\n---\n\n## Acceptable use {#acceptable-use}\n\nBe nice.\n' };
    write({ ...added, 'versions.lock': lockFor(added) });
    const before = readFileSync(join(repo, 'content', 'versions.lock'), 'utf8');
    expect(compare().status).toBe(0);
    expect(readFileSync(join(repo, 'content', 'versions.lock'), 'utf8')).toBe(before);
  });

  it('should pass a correction appended and locked', () => {
    const corrected = { ...locked, [FIRST]: base[FIRST]!.replace('Names.', 'Names!').replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo.\n    changed:\n      - from: "Names."\n        to: "Names!"') };
    write({ ...corrected, 'versions.lock': lockFor(corrected) });
    expect(compare().status).toBe(0);
  });

  it('should fail when the lock is emptied and written again for a rewritten text, naming the entry and its line', () => {
    const rewritten = { ...locked, [FIRST]: base[FIRST]!.replace('Names.', 'Names, addresses and location history.') };
    write({ ...rewritten, 'versions.lock': lockFor(rewritten) });
    const { status, stdout } = compare();
    expect(status).toBe(1);
    expect(stdout).toMatch(/^content\/versions\.lock:3:1: error: The entry privacy-statement\/2022-03-31 \(line 3 on main\) was rewritten: sha256: "[0-9a-f]{64}" -> "[0-9a-f]{64}" without a new correction\. .*git checkout main -- content\/versions\.lock && npm run lock.* \[lock-entry-rewritten\]$/m);
    expect(stdout).toContain('✖ 1 entry of content/versions.lock on main removed or rewritten.');
  });

  it('should fail when the lock is deleted, naming every entry removed', () => {
    write({ 'versions.lock': undefined });
    const { status, stdout } = compare();
    expect(status).toBe(1);
    expect(stdout.match(/\[lock-entry-removed\]/g)).toHaveLength(3);
    expect(stdout).toContain('content/versions.lock:1:1: error: The entry privacy-statement/2022-03-31 (line 3 of content/versions.lock on main) was removed.');
  });

  it('should fail when an .mdx version is renamed to .md and its entry rewritten to match', () => {
    write({ [FIRST]: undefined, 'privacy-statement/2022-03-31.md': base[FIRST], 'versions.lock': locked['versions.lock']!.replace('"2022-03-31.mdx"', '"2022-03-31.md"') });
    const { status, stdout } = compare();
    expect(status).toBe(1);
    expect(stdout).toContain('was rewritten: file: "2022-03-31.mdx" -> "2022-03-31.md".');
  });

  it('should compare with the merge base, so entries the base branch gained later are not "removed"', () => {
    git('checkout', '-q', 'main');
    const onMain = { ...locked, 'terms-of-use/2025-09-01.md': '---\nsummary: New.\nmaterial: false\n---\n\n## Acceptable use {#acceptable-use}\n\nBe nice.\n' };
    write({ ...onMain, 'versions.lock': lockFor(onMain) });
    git('add', '.');
    git('commit', '-q', '-m', 'main moves on');
    git('checkout', '-q', 'change');
    expect(compare().status).toBe(0);
  });

  it('should pass when the base branch has no lock yet', () => {
    git('rm', '-q', 'content/versions.lock');
    git('commit', '-q', '-m', 'no lock');
    git('checkout', '-q', '-b', 'after');
    expect(compare('change')).toMatchObject({ status: 0, stdout: '✔ change has no content/versions.lock: nothing to compare.\n' });
  });

  it('should fail clearly on an unknown base (exit 2, a usage or git error) and on a lock it cannot read (exit 1)', () => {
    const unknown = compare('no-such-ref');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('✖ git merge-base no-such-ref HEAD failed');
    write({ 'versions.lock': 'privacy-statement/2022-03-31:\n  sha256: nope\n' });
    const unreadable = compare();
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain('✖ content/versions.lock:1: The entry "privacy-statement/2022-03-31" has no valid sha256. [lock-syntax]');
    expect(existsSync(join(repo, 'content', 'versions.lock'))).toBe(true);
  });
});

describe('the pull-request workflow', () => {
  interface Step { name?: string; id?: string; run?: string; if?: string; 'continue-on-error'?: boolean }
  const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'pull-request.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('should compare the lock with the base branch after installing, even when the check failed, and fail the job on a rewrite', () => {
    const index = steps.findIndex((step) => step.run?.includes('scripts/lock.ts --compare'));
    expect(index).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    const step = steps[index]!;
    expect(step.run).toBe('node scripts/lock.ts --compare "origin/${{ github.base_ref }}"');
    expect(step.if).toContain('!cancelled()');
    expect(step.if).toContain(`steps.${steps.find((s) => s.run === 'npm ci')!.id}.outcome == 'success'`);
    expect(step['continue-on-error']).toBeUndefined();
    expect(index).toBeLessThan(steps.findIndex((s) => s.run === 'npm run build'));
    expect(existsSync(join(root, 'scripts', 'lock.ts'))).toBe(true);
  });
});
