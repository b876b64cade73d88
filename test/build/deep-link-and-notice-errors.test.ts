/**
 * The errors editors meet (issue 5), as `npm run check` and the build print them: a missing
 * anchor, a deep link into a section the upcoming version drops, a short notice period and an
 * upcoming material version without a publication date.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, root, writeContent } from '../helpers/site.ts';
import { lockFor } from '../lib/editor-sources.ts';

const written: string[] = [];
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

const registry = 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n';
const first = '---\nmaterial: false\n---\n\nFirst text.\n\n## What we collect {#information-we-collect}\n\nNames.\n\n## Your rights {#your-rights}\n\nAsk us.\n';
const upcoming = (frontmatter: string, rights = '## Your rights {#your-rights}') =>
  `---\nsummary: Adds e-mail addresses.\n${frontmatter}\n---\n\nFirst text.\n\n## What we collect {#information-we-collect}\n\nNames and e-mail addresses.\n\n${rights}\n\nAsk us.\n`;

function check(name: string, files: Record<string, string>) {
  const all = { 'documents.yaml': registry, 'privacy-statement/2022-03-31.mdx': first, ...files };
  const dir = writeContent(`issue5-${name}-${process.pid}`, { ...all, 'versions.lock': lockFor(all, '2025-08-25') });
  written.push(dir);
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'check.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: '2025-08-25' } });
  return { dir, status: result.status, output: result.stdout.split(`${dir.slice(root.length + 1)}/`).join('content/') };
}

describe('issue 5 errors in npm run check', () => {
  it('should pass content that pins its anchors and gives 30 days\' notice', () => {
    const { status, output } = check('ok', { 'links.yaml': 'privacy-rights: privacy-statement#your-rights\n', 'privacy-statement/2025-09-01.mdx': upcoming('material: true\npublished: 2025-08-01') });
    expect(output).not.toContain('error');
    expect(status).toBe(0);
  });

  it('should fail on a heading without a pinned anchor, naming file, line and the id to pin', () => {
    const { status, output } = check('anchor', { 'privacy-statement/2025-09-01.mdx': upcoming('material: false', '## Your choices') });
    expect(status).toBe(1);
    expect(output).toContain('content/privacy-statement/2025-09-01.mdx:12:1: error: The heading "Your choices" has no pinned anchor. Pin one so that links survive a change of its text: `## Your choices {#your-choices}`. [anchor-missing]');
  });

  it('should fail on a short notice period with the days given and required', () => {
    const { status, output } = check('notice', { 'privacy-statement/2025-09-01.mdx': upcoming('material: true\npublished: 2025-08-20') });
    expect(status).toBe(1);
    expect(output).toContain("content/privacy-statement/2025-09-01.mdx:4:1: error: This material change was published on 2025-08-20, 12 days before it takes effect on 2025-09-01; the Privacy Statement requires at least 30 days' notice");
    expect(output).toContain('[notice-period]');
  });

  it('should fail on an upcoming material version without a publication date and say how to fix it', () => {
    const { status, output } = check('published', { 'privacy-statement/2025-09-01.mdx': upcoming('material: true') });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/privacy-statement\/2025-09-01\.mdx:4:1: error: This upcoming version is a material change, so it needs `published: YYYY-MM-DD`.*Add the key, or set `material: false`.*\[notice-published-missing\]/);
  });

  it('should refuse to build when an upcoming version drops an anchor a deep link uses, naming key, document, anchor and version', () => {
    const dir = writeContent(`issue5-build-${process.pid}`, {
      'documents.yaml': registry,
      'links.yaml': 'privacy-rights: privacy-statement#your-rights\n',
      'privacy-statement/2022-03-31.mdx': first,
      'privacy-statement/2025-09-01.mdx': upcoming('material: false', '## Your choices {#your-choices}'),
    });
    written.push(dir);
    const run = buildSite(`issue5-build-${process.pid}`, { LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: '2025-06-01' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('links.yaml:1:1: error: The deep link "privacy-rights" points to privacy-statement#your-rights, but the upcoming version 2025-09-01');
    expect(run.stderr).toContain('privacy-statement/2025-09-01.mdx) has no anchor "your-rights".');
    expect(run.stderr).toContain('[deep-link-anchor]');
    expect(run.stderr).toContain('nothing was built');
  });
});
