/**
 * Every command answers `--help` without acting, and exits 0 fine, 1 for content errors, 2 for a
 * wrong call (issue 13, "Command line, for editors and CI"); `npm run check -- --format json|github`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostic-formats.ts';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { root, writeContent } from '../helpers/site.ts';
import { asOf, base, locked } from './editor-sources.ts';

const run = (script: string, dir: string, args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: asOf } });

describe('--help', () => {
  const commands = ['lock.ts', 'check.ts', 'new-version.ts', 'pr-summary.ts', 'import-markdown.ts', 'diff.ts', 'build.ts', 'fuzz-check.ts', 'lint-layout.ts', 'bench-diff.ts', 'bench-search.ts', 'bench/run.ts'];
  it.each(commands)('%s should print its usage, exit 0 and change nothing', (script) => {
    const dir = writeContent(`help-${script.replace(/\W/g, '-')}-${process.pid}`, { ...locked, 'privacy-statement/2022-03-31.mdx': base['privacy-statement/2022-03-31.mdx']! });
    const before = folderHashes(dir);
    const result = run(script, dir, ['--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/npm run /);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('should exit 2 on an unknown option, naming it', () => {
    const result = run('lock.ts', writeContent(`help-unknown-${process.pid}`, locked), ['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
  });
});

describe('npm run check -- --format', () => {
  const broken = { ...locked, 'privacy-statement/2022-03-31.mdx': `${base['privacy-statement/2022-03-31.mdx']!}\n<script>alert(1)</script>\n` };

  it('should print vfile-style JSON messages and exit 1 on errors', () => {
    const result = run('check.ts', writeContent(`format-json-${process.pid}`, broken), ['--format', 'json']);
    expect(result.status).toBe(1);
    const messages = JSON.parse(result.stdout) as { file: string; line: number; ruleId: string; fatal: boolean; reason: string }[];
    expect(messages.some((m) => m.ruleId === 'safe-mdx-element' && m.fatal && m.file.endsWith('privacy-statement/2022-03-31.mdx') && m.line > 1)).toBe(true);
  });

  it('should print one GitHub workflow annotation per finding, escaped so a message cannot forge another', () => {
    const result = run('check.ts', writeContent(`format-github-${process.pid}`, broken), ['--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=.*privacy-statement\/2022-03-31\.mdx,line=\d+,col=\d+,title=safe-mdx-element::/m);
    const forged = formatDiagnostics([{ file: 'a,b:c.md', line: 1, column: 1, ruleId: 'x', severity: 'warning', message: 'one\n::error::forged 100%' }], 'github');
    expect(forged).toBe('::warning file=a%2Cb%3Ac.md,line=1,col=1,title=x::one%0A::error::forged 100%25\n');
  });

  it('should refuse an unknown format with exit 2', () => {
    expect(run('check.ts', writeContent(`format-bad-${process.pid}`, locked), ['--format', 'xml']).status).toBe(2);
  });
});

describe('the pull-request workflow', () => {
  it('should annotate the check\'s findings on their lines', () => {
    expect(readFileSync(join(root, '.github', 'workflows', 'pull-request.yml'), 'utf8')).toContain('npm run check -- --format github');
  });
});
