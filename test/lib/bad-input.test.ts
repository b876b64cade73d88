/**
 * The foundation's bad inputs (issue 2): each gets a clear error naming the file (and line), what
 * is wrong and how to fix it, and `npm run check` exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, root, writeContent } from '../helpers/site.ts';
import { lockFor } from './editor-sources.ts';

const registry = `documents:
  - id: privacy-statement
    title: Privacy Statement
    kind: statement
    description: How we handle personal data.
  - id: cookie-notice
    title: Cookie Notice
    kind: supplemental-notice
    parent: privacy-statement
    description: Cookies.
`;
const first = '---\nmaterial: false\n---\n\nFirst text.\n\n## Contact {#contact}\n\nWrite to us.\n';
const second = '---\nsummary: Adds a sentence.\nmaterial: true\n---\n\nFirst text. Second text.\n';
const valid: Record<string, string> = {
  'documents.yaml': registry,
  'privacy-statement/2022-03-31.mdx': first,
  'privacy-statement/2024-01-01.mdx': second,
  'cookie-notice/2022-03-31.mdx': '---\nmaterial: false\n---\n\nCookies.\n',
};
valid['versions.lock'] = lockFor(valid, '2025-01-01');

function check(name: string, changes: Record<string, string | undefined>) {
  const files = { ...valid, ...changes };
  for (const [path, text] of Object.entries(changes)) if (text === undefined) delete files[path];
  const dir = writeContent(`bad-${name}-${process.pid}`, files as Record<string, string>);
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'check.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: '2025-01-01' },
  });
  const prefix = `${dir.slice(root.length + 1)}/`;
  return { status: result.status, output: result.stdout.split(prefix).join('content/') };
}

describe('bad input', () => {
  it('should accept the valid base content (so each case below fails for its own reason)', () => {
    expect(check('none', {}).status).toBe(0);
  });

  it('should reject a version filename that is not a real date', () => {
    const { status, output } = check('date', { 'privacy-statement/2022-02-30.mdx': first });
    expect(status).toBe(1);
    expect(output).toContain('content/privacy-statement/2022-02-30.mdx:1:1: error: "2022-02-30.mdx" is not named by a real effective date. Rename it YYYY-MM-DD.mdx');
    expect(output).toContain('[version-filename]');
  });

  it('should reject two versions with the same date as .md and .mdx', () => {
    const { status, output } = check('twins', { 'privacy-statement/2024-01-01.md': second });
    expect(status).toBe(1);
    expect(output).toMatch(/Two versions of "privacy-statement" take effect on 2024-01-01: content\/privacy-statement\/2024-01-01\.md and content\/privacy-statement\/2024-01-01\.mdx\. Keep one file per effective date.*\[version-duplicate-date\]/);
  });

  it('should reject a document folder with no registry entry', () => {
    const { status, output } = check('folder', { 'terms-of-use/2022-03-31.mdx': first });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/terms-of-use\/:1:1: error: The folder "terms-of-use" has no entry in content\/documents\.yaml\. Add an entry with `id: terms-of-use`.*\[document-unregistered\]/);
  });

  it('should reject a registry entry with no versions', () => {
    const { status, output } = check('empty', { 'cookie-notice/2022-03-31.mdx': undefined });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/documents\.yaml:6:1: error: The document "cookie-notice" has no versions\. Add content\/cookie-notice\/YYYY-MM-DD\.mdx.*\[document-no-versions\]/);
  });

  it('should require a summary on every version but the first, pointing at the frontmatter', () => {
    const { status, output } = check('summary', { 'privacy-statement/2024-01-01.mdx': '---\nmaterial: true\n---\n\nText.\n' });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:3:1: error: This version follows an earlier one, so it needs a `summary:`.*\[frontmatter-summary-required\]/);
  });

  it('should reject an unknown frontmatter key on its line, listing the allowed keys', () => {
    const { status, output } = check('key', { 'privacy-statement/2024-01-01.mdx': '---\nsummary: Adds a sentence.\nmaterial: true\nefective: 2024-01-01\n---\n\nText.\n' });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:4:1: error: Unknown frontmatter key "efective"\. Allowed keys: summary, material, lastUpdated, title.*\[frontmatter-unknown-key\]/);
  });

  it('should reject lastUpdated before the effective date', () => {
    const { status, output } = check('updated', { 'privacy-statement/2024-01-01.mdx': '---\nsummary: Adds a sentence.\nmaterial: true\nlastUpdated: 2023-12-01\n---\n\nText.\n' });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:4:1: error: `lastUpdated: 2023-12-01` is before the effective date 2024-01-01.*\[frontmatter-last-updated-before-effective\]/);
  });

  it('should reject a supplemental notice whose parent does not exist', () => {
    const { status, output } = check('parent', { 'documents.yaml': registry.replace('parent: privacy-statement', 'parent: privacy-statment') });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/documents\.yaml:9:\d+: error: The parent "privacy-statment" of "cookie-notice" is not another document in the registry\. Use one of: privacy-statement.*\[registry-parent\]/);
  });

  it('should report an MDX syntax error with its line and column', () => {
    const { status, output } = check('mdx', { 'privacy-statement/2024-01-01.mdx': '---\nsummary: Adds a sentence.\nmaterial: true\n---\n\nFirst text.\n\nFees are {5% of the price.\n' });
    expect(status).toBe(1);
    expect(output).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:8:\d+: error: MDX syntax error: .*\[mdx-syntax\]/);
  });

  it('should report every problem at once', () => {
    const { output } = check('many', { 'privacy-statement/2022-02-30.mdx': first, 'terms-of-use/2022-03-31.mdx': first });
    expect(output).toContain('[version-filename]');
    expect(output).toContain('[document-unregistered]');
    expect(output).toContain('content/terms-of-use/2022-03-31.mdx:1:1: error: This version took effect on 2022-03-31 but is not in content/versions.lock.');
    expect(output).toMatch(/✖ 3 errors/);
  });

  it('should make the build exit non-zero on bad content', () => {
    const files = { ...valid, 'privacy-statement/2024-01-01.mdx': '---\nmaterial: true\n---\n\nText {broken\n' };
    const dir = writeContent(`bad-build-${process.pid}`, files);
    const run = buildSite(`bad-build-${process.pid}`, { LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: '2025-01-01' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[mdx-syntax]');
    expect(run.stderr).toContain('[frontmatter-summary-required]');
    expect(run.stderr).toContain('nothing was built');
  });
});
