/**
 * The pull-request summary (issue 6): `npm run pr-summary -- --base <ref>` on a real git history,
 * the lock-file report that guards published text, and the workflow that posts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prSummary, SUMMARY_MARKER } from '../../src/lib/pr-summary.ts';
import { root, tmp } from '../helpers/site.ts';
import { base, locked, lockFor, version } from './editor-sources.ts';

const repo = join(tmp, `pr-summary-${process.pid}`);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function write(files: Record<string, string | undefined>) {
  for (const [path, text] of Object.entries(files)) {
    const file = join(repo, 'content', path);
    if (text === undefined) rmSync(file);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
}
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });

describe('npm run pr-summary', () => {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  write(locked);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const first = base['privacy-statement/2022-03-31.mdx']!;
  const corrected = first.replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo in the contact section.').replace('Write to us.', 'Write to us, please.');
  const added = version('summary: Adds a section on cookies.\nmaterial: false', '## Cookies {#cookies}\n\nWe set one.');
  const after = { ...base, 'privacy-statement/2022-03-31.mdx': corrected, 'terms-of-use/2025-09-01.md': added };
  write({ 'privacy-statement/2022-03-31.mdx': corrected, 'terms-of-use/2025-09-01.md': added, 'versions.lock': lockFor(after) });
  git('add', 'content/privacy-statement');
  git('commit', '-q', '-m', 'correct');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'main~1'], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: '2025-06-01' },
  });
  const summary = result.stdout;

  it('should print Markdown starting with the comment marker and exit 0', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(summary.startsWith(`${SUMMARY_MARKER}\n## Legal content changes`)).toBe(true);
  });

  it('should describe a corrected version with its correction and the exact change', () => {
    expect(summary).toContain('### Privacy Statement (`privacy-statement`)');
    expect(summary).toContain('- **Corrected version** effective March 31, 2022:\n  - Corrected on May 1, 2024: Fixes a typo in the contact section.');
    expect(summary).toContain('  -Write to us.\n  +Write to us, please.');
  });

  it('should include new files not yet committed, with their summary', () => {
    expect(summary).toContain('### Terms of Use (`terms-of-use`)\n\n- **New version** effective September 1, 2025 (upcoming), not material.\n  Summary: Adds a section on cookies.');
  });

  it('should spell out the lock changes and the check result', () => {
    expect(summary).toContain('- `content/versions.lock` changed:\n  - re-locked privacy-statement/2022-03-31 after a correction\n  - locked terms-of-use/2025-09-01');
    expect(summary).toContain('✔ `npm run check` found no problems.');
  });

  it('should say when the diff command is not available instead of failing', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    if (scripts.diff) expect(summary).toContain('<summary>Changes between versions</summary>');
    else expect(summary).toContain('_No diff: this project has no `npm run diff` command yet._');
  });

  it('should exit 1 with a clear message for an unknown base', () => {
    const bad = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'no-such-ref'], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('✖ git merge-base no-such-ref HEAD failed');
  });
});

describe('prSummary', () => {
  const input = { base: 'origin/main', baseCommit: 'a'.repeat(40), root: 'content', documents: [], versions: [], diagnostics: [], diffs: new Map<string, string>(), asOf: '2025-06-01' };

  it('should flag a lock hash rewritten without a correction, a removed entry and a deleted version', () => {
    const rewritten = locked['versions.lock']!.replace(/sha256: "[0-9a-f]{64}"/, `sha256: "${'f'.repeat(64)}"`).replace(/terms-of-use\/2023-06-01:\n.*\n.*\n/, '');
    const text = prSummary({
      ...input,
      changed: [
        { status: 'M', path: 'versions.lock', baseText: locked['versions.lock'], text: rewritten },
        { status: 'D', path: 'terms-of-use/2023-06-01.md', baseText: base['terms-of-use/2023-06-01.md'] },
      ],
    });
    expect(text).toContain('- ⚠ **Deleted version** effective June 1, 2023. Published versions are never deleted.');
    expect(text).toContain('  - ⚠ **hash of privacy-statement/2022-03-31 rewritten without a new correction**');
    expect(text).toContain('  - ⚠ **terms-of-use/2023-06-01 removed from the lock**');
  });

  it('should list the check errors', () => {
    const text = prSummary({ ...input, changed: [], diagnostics: [{ file: 'content/x.mdx', line: 3, column: 1, ruleId: 'safe-mdx-esm', severity: 'error', message: 'No.' }] });
    expect(text).toContain('No content changed.');
    expect(text).toContain('✖ `npm run check` found 1 error and 0 warnings:\n\n```\ncontent/x.mdx:3:1: error: No. [safe-mdx-esm]\n```');
  });
});

describe('the pull-request workflow', () => {
  interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }
  const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'pull-request.yml'), 'utf8'), { prettyErrors: true }) as {
    on: { pull_request?: unknown }; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = steps.map((step) => step.run ?? '').join('\n');

  it('should run on pull requests without secrets, able to comment', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).not.toHaveProperty('pull_request_target');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('should check, build and test in that order, then summarise against the base branch even when a step failed', () => {
    const order = ['npm ci', 'npm run check', 'npm run build', 'npm test', 'pr-summary'].map((command) => runs.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const summarise = steps.find((step) => step.run?.includes('pr-summary'))!;
    expect(summarise.if).toBe('always()');
    expect(summarise.run).toContain('--base "origin/${{ github.base_ref }}"');
  });

  it('should post the summary as a comment that it updates on later pushes', () => {
    const post = steps.find((step) => step.uses?.startsWith('actions/github-script@'))!;
    expect(post.with!.script).toContain(SUMMARY_MARKER);
    expect(post.with!.script).toContain('updateComment');
    expect(post.with!.script).toContain('createComment');
  });

  it('should only call npm scripts that package.json defines', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const called = [...runs.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!);
    expect(called).toEqual(['check', 'build', 'pr-summary']);
    for (const script of called) expect(scripts).toContain(script);
    expect(runs).toMatch(/^npm ci$/m);
  });
});
