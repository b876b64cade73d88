/**
 * Every relative link of README.md and docs/*.md leads somewhere (issue 16: maintainers' material moved to docs/):
 * the file or folder exists, and a `#fragment` names a heading of the Markdown file it points to, slugged as
 * GitHub does (github-slugger). Links are read from the Markdown tree (remark-parse + remark-gfm), never by regex.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/site.ts';

const parse = (file: string): Root => unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as Root;

/** The anchors GitHub gives the headings of a Markdown file. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(parse(file), 'heading', (heading) => void anchors.add(slugger.slug(toString(heading))));
  return anchors;
}

/** What is wrong with each relative link of a Markdown file, as `file:line: link: problem`. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  visit(parse(file), ['link', 'definition'], (node) => {
    const url = (node as { url: string }).url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return;
    const [path, fragment] = url.split('#', 2);
    const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
    const where = `${relative(root, file)}:${node.position?.start.line}: ${url}`;
    if (!existsSync(target)) problems.push(`${where}: no such file`);
    else if (fragment && statSync(target).isFile() && target.endsWith('.md') && !anchorsOf(target).has(fragment)) problems.push(`${where}: no heading #${fragment}`);
  });
  return problems;
}

const files = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(root, 'docs', name))];

describe('relative links of README.md and docs/*.md', () => {
  it('reads the maintainers\' docs the README links to', () => {
    for (const name of ['architecture.md', 'quality.md', 'benchmarks.md']) expect(files).toContain(join(root, 'docs', name));
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s: every relative link resolves', (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('finds a broken file and a broken fragment', () => {
    const problems = brokenLinks(join(root, 'test', 'fixtures', 'doc-links', 'broken.md'));
    expect(problems).toEqual([
      'test/fixtures/doc-links/broken.md:3: missing.md: no such file',
      'test/fixtures/doc-links/broken.md:5: #no-such-heading: no heading #no-such-heading',
    ]);
  });
});
