/**
 * Holes found by trying the content pipeline as an attacker's pull request would (issue 11): each
 * was a crash or a disagreement before its fix, and must fail closed with file:line from now on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reservedDocumentIds } from '../../../src/lib/check/rules/deep-links.ts';
import { root } from '../../helpers/site.ts';
import { checkContent, type ContentSources } from '../../../src/lib/check/content-check.ts';
import { versionContent } from '../../../src/lib/content/version-content.ts';
import { parseVersionSource } from '../../../src/lib/content/version-source.ts';

const registry = 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n';

function checkRegistry(text: string, folders = ['privacy-statement']) {
  const sources: ContentSources = {
    root: 'content',
    registry: { path: 'documents.yaml', text },
    files: folders.map((folder) => ({ path: `${folder}/2020-01-01.md`, text: '---\nmaterial: false\n---\n\nText.\n' })),
    folders,
  };
  return checkContent(sources, '2019-06-01').diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`);
}

function check(body: string) {
  const sources: ContentSources = {
    root: 'content',
    registry: { path: 'documents.yaml', text: 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n' },
    files: [{ path: 'privacy-statement/2020-01-01.md', text: `---\nmaterial: false\n---\n\nText.\n\n${body}` }],
    folders: ['privacy-statement'],
  };
  return checkContent(sources, '2019-06-01').diagnostics.map((d) => `${d.line} ${d.ruleId}`);
}

describe('raw HTML nested deeper than any legal text', () => {
  // hast-util-from-parse5 recurses: 3,000 open <div>s overflowed the stack and the check stopped with
  // "Maximum call stack size exceeded", no file, no line (and so did astro build and astro dev).
  for (const [what, body] of [['blocks', `${'<div>'.repeat(20_000)}x\n`], ['phrasing', `x ${'<b>'.repeat(20_000)}x\n`]] as const) {
    it(`should be refused at its line, not crash the check (${what})`, () => {
      expect(check(body)).toContain('7 safe-mdx-nesting');
    });
  }

  it('should be refused above the limit even where the stack would hold', () => {
    const text = `${'<div>'.repeat(300)}x\n`;
    const problems = versionContent(parseVersionSource(text, 'md'), text, 'md').problems;
    expect(problems.map((p) => p.ruleId)).toContain('safe-mdx-nesting');
  });

  it('should still allow the raw HTML nesting real legal text has', () => {
    const text = '<table><tbody><tr><td><p><b><i>x</i></b></p></td></tr></tbody></table>\n';
    expect(versionContent(parseVersionSource(text, 'md'), text, 'md').problems).toEqual([]);
  });
});

describe('the registry', () => {
  // `search` passed the check, and the build then skipped the document's page (the search page has
  // priority): "Could not render /search from route /[document]". `pagefind` shared Pagefind's folder.
  it('should reserve every top-level name the site writes itself', () => {
    const own = [...readdirSync(join(root, 'src', 'pages')), ...readdirSync(join(root, 'public')), 'pagefind', '_astro']
      .map((name) => name.replace(/\.(astro|ts|js|md)$/, ''))
      .filter((name) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) && name !== 'index');
    for (const name of own) expect(reservedDocumentIds, name).toContain(name);
    for (const id of ['search', '404', 'pagefind']) {
      const text = `${registry}  - id: "${id}"\n    title: T\n    kind: terms\n    description: D.\n`;
      // At the entry's `- id:` line (the registry's own lines, then the entry's first).
      expect(checkRegistry(text, ['privacy-statement', id]), id).toContain(`content/documents.yaml:${registry.split('\n').length} document-id-reserved`);
    }
  });

  // An alias bomb stopped the check with "Excessive alias count indicates a resource exhaustion attack", no file, no line.
  it('should refuse YAML anchors, aliases and tags at their line, not crash', () => {
    const laughs = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n';
    expect(checkRegistry(`${registry}${laughs}`)).toContain('content/documents.yaml:6 registry-yaml');
    expect(checkRegistry(registry.replace('title: Privacy Statement', 'title: !!js/function "x"'))).toContain('content/documents.yaml:3 registry-yaml');
  });
});

describe('the time the check takes', () => {
  // Each refused attribute parsed its whole start tag again with parse5 and split the text before it: 4,000
  // `on*` attributes on one <p> (35 KB) took 22 s, 8,000 took 40 s; the check, the build and astro dev hung.
  it('should place thousands of refused attributes on one tag in linear time', () => {
    const body = (n: number) => `<p ${Array.from({ length: n }, (_, i) => `on${i}=x`).join('\n ')}>x</p>\n`;
    const time = (n: number) => {
      const started = performance.now();
      const found = check(body(n));
      return { ms: performance.now() - started, found };
    };
    time(500);
    const small = time(2_000);
    const large = time(8_000);
    expect(large.found.filter((d) => d.endsWith('safe-mdx-event-handler'))).toHaveLength(8_000);
    expect(large.found).toContain(`${7 + 7_999} safe-mdx-event-handler`);
    expect(large.ms).toBeLessThan(Math.max(2_000, small.ms * 12));
  });
});
