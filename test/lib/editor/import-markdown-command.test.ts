/**
 * `npm run import-markdown` as an editor runs it: on the real history of GitHub's Terms of Service
 * (../shared/corpora/github-terms-of-service, skipped loudly without it, never copied into the
 * project) in both formats, then `npm run lock` and `npm run check`; and on small sources of its
 * own for what the command refuses and what it prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderHashes } from '../../helpers/folder-hashes.ts';
import { root, sharedDir, tmp } from '../../helpers/site.ts';

const corpus = join(sharedDir, 'corpora', 'github-terms-of-service');
const available = existsSync(corpus);
if (!available) console.warn(`\n${'⚠'.repeat(60)}\n⚠ IMPORT-MARKDOWN CORPUS TEST SKIPPED: no corpus at ${corpus}\n${'⚠'.repeat(60)}\n`);
const work = join(tmp, `import-markdown-${process.pid}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run a script of scripts/ from the project root; lock and check get the content folder and an as-of date, the import its --out only. */
function run(script: string, args: string[], content: string) {
  const { LEGAL_CONTENT_DIR: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [join(root, 'scripts', `${script}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: script === 'import-markdown' ? env : { ...env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2026-11-30' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!available)('npm run import-markdown on the GitHub Terms of Service history', () => {
  const dates = available ? readdirSync(corpus).filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f)).map((f) => f.slice(0, 10)).sort() : [];

  for (const format of ['md', 'mdx']) {
    it(`should import every version as .${format} so that npm run check passes with no error`, () => {
      const content = join(work, `corpus-${format}`);
      const imported = run('import-markdown', [corpus, '--document', 'github-terms', '--format', format, '--out', content, '--source-url', 'https://docs.github.com/en/site-policy/github-terms/github-terms-of-service'], content);
      expect(imported.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '))).toEqual([]);
      expect(imported.status).toBe(0);
      expect(readdirSync(join(content, 'github-terms')).sort()).toEqual(dates.map((date) => `${date}.${format}`));
      expect(imported.stdout).toMatch(/^Inferred formerAnchors .*\n(  \d{4}-\d{2}-\d{2}: #[a-z0-9-]+ → #[a-z0-9-]+\n)+/m);
      expect(imported.stdout).toContain(`Next: LEGAL_CONTENT_DIR=${content.slice(root.length + 1)} npm run lock`);
      const registry = readFileSync(join(content, 'documents.yaml'), 'utf8');
      expect(registry).toContain('title: GitHub Terms of Service');
      // A version of the history that renamed the document keeps its own name.
      expect(readFileSync(join(content, 'github-terms', `2017-07-31.${format}`), 'utf8')).toMatch(/^title: OmniBuilds Terms of Service$/m);
      const locked = run('lock', [], content);
      expect(locked.status, locked.stderr).toBe(0);
      const checked = run('check', [], content);
      expect(checked.stdout.split('\n').filter((line) => /: error: /.test(line))).toEqual([]);
      expect(checked.stdout).toContain(`✔ 1 document, ${dates.length} versions checked (as of 2026-11-30)`);
      expect(checked.status).toBe(0);
    });
  }
});

describe('npm run import-markdown', () => {
  const sources = join(work, 'sources');
  mkdirSync(sources, { recursive: true });
  writeFileSync(join(sources, '2024-01-01.md'), '---\ntitle: Example Terms\n---\n\n## Payment\n\nYou pay us every month for the plan you chose, in advance, by card.\n');
  writeFileSync(join(sources, '2024-06-01.md'), '---\ntitle: Example Terms\n---\n\n## K. Billing\n\nYou pay us every month for the plan you chose, in advance, by card.\n');

  it('should list the former anchors it inferred and name npm run lock, then npm run check, as the next steps', () => {
    const content = join(work, 'small');
    const { status, stdout } = run('import-markdown', [sources, '--document', 'example-terms', '--out', content], content);
    expect(status).toBe(0);
    expect(stdout).toContain('Inferred formerAnchors (a section of the previous version under a new anchor; old links land on it):\n  2024-06-01: #payment → #k-billing\n');
    expect(stdout).toMatch(/\nNext: LEGAL_CONTENT_DIR=\S+ npm run lock .*, then LEGAL_CONTENT_DIR=\S+ npm run check\.\n$/);
    expect(readFileSync(join(content, 'documents.yaml'), 'utf8')).toContain('title: Example Terms');
  });

  // Issue 13 review: into a content folder that has a lock, the plain `npm run lock` it named refused every imported version (lock-backdated).
  it('should name npm run lock -- --history for versions already in effect, which then lock into an existing lock', () => {
    const content = join(work, 'into-lock');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'versions.lock'), '');
    const { status, stdout } = run('import-markdown', [sources, '--document', 'example-terms', '--out', content], content);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\nNext: LEGAL_CONTENT_DIR=\S+ npm run lock -- --history .*, then LEGAL_CONTENT_DIR=\S+ npm run check\.\n$/);
    const locked = run('lock', ['--history'], content);
    expect(locked.status, locked.stderr).toBe(0);
    expect(run('check', [], content).status).toBe(0);
  });

  it('should refuse to overwrite an existing version, name the file, and write nothing', () => {
    const content = join(work, 'refuse');
    expect(run('import-markdown', [join(sources, '2024-01-01.md'), '--document', 'example-terms', '--out', content, '--format', 'mdx'], content).status).toBe(0);
    const before = folderHashes(content);
    const { status, stderr } = run('import-markdown', [sources, '--document', 'example-terms', '--out', content], content);
    expect(status).toBe(1);
    expect(stderr).toContain(`✖ Refused: this version exists already, and an import never overwrites a version:\n  ${join(content, 'example-terms', '2024-01-01.mdx')}\nNothing was written.`);
    expect(folderHashes(content)).toEqual(before);
  });
});
