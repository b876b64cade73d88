/**
 * Importing existing Markdown policies (src/lib/editor/import-markdown.ts), one small source per rule.
 */
import { describe, expect, it } from 'vitest';
import { importMarkdown, markdownToMdx } from '../../../src/lib/editor/import-markdown.ts';
import { parseVersionSource } from '../../../src/lib/content/version-source.ts';

const later = { format: 'md' as const, first: false, sourceName: '2020-11-16.md' };

describe('importMarkdown', () => {
  it('should keep only the frontmatter keys the schema allows and add summary and material to later versions', () => {
    const source = '---\ntitle: GitHub Terms of Service\nredirect_from:\n  - /tos\nversions:\n  fpt: "*"\n---\n\nText.\n';
    expect(importMarkdown(source, later)).toBe('---\nsummary: Imported from 2020-11-16.md.\nmaterial: false\n---\n\nText.\n');
    expect(importMarkdown(source, { ...later, first: true })).toBe('Text.\n');
    expect(importMarkdown('---\nsummary: Adds A.\nmaterial: true\n---\nText.\n', later)).toBe('---\nsummary: Adds A.\nmaterial: true\n---\n\nText.\n');
  });

  it('should pin every heading to the anchor it already had, so old links keep working', () => {
    const out = importMarkdown('## A. Definitions\n\n### 1. Account Controls ###\n\n## Summary {#summary}\n\nText.\n', later);
    expect(out).toContain('## A. Definitions {#a-definitions}\n');
    expect(out).toContain('### 1. Account Controls {#1-account-controls}\n');
    expect(out).toContain('## Summary {#summary}\n');
  });

  it('should tidy an anchor that is not kebab-case and move the links to it along', () => {
    const out = importMarkdown('See [Beta](#j-beta----previews).\n\n## J. Beta -- Previews\n\nText.\n', later);
    expect(out).toContain('{#j-beta-previews}');
    expect(out).toContain('[Beta](#j-beta-previews)');
  });

  it('should keep the text of a link to a section the version lacks, warn, and make root links absolute', () => {
    const warnings: string[] = [];
    const out = importMarkdown('See [payment](#k-payment) and [policies](/site-policy).\n\n## Billing\n', { ...later, site: 'https://docs.github.com', warn: (m) => warnings.push(m) });
    expect(out).toContain('See payment and [policies](https://docs.github.com/site-policy).');
    expect(warnings).toEqual(['2020-11-16.md: the link to "#k-payment" leads to no section of this version; kept its text, dropped the link.']);
  });

  it('should repair <a href> in raw HTML as it repairs Markdown links', () => {
    const warnings: string[] = [];
    const source = 'See <a href="#l-cancellation">cancelling</a>, <a class="x" href=\'#j-beta----previews\'>beta</a>, <a href="/articles/cancel">help</a> and <a href="#billing">billing</a>.\n\n## J. Beta -- Previews\n\n## Billing\n';
    const out = importMarkdown(source, { ...later, site: 'https://docs.github.com', warn: (m) => warnings.push(m) });
    expect(out).toContain('See <a>cancelling</a>, <a class="x" href="#j-beta-previews">beta</a>, <a href="https://docs.github.com/articles/cancel">help</a> and <a href="#billing">billing</a>.');
    expect(warnings).toEqual(['2020-11-16.md: the link to "#l-cancellation" leads to no section of this version; kept its text, dropped the link.']);
  });
});

describe('markdownToMdx', () => {
  it('should turn HTML comments into MDX comments, escape braces and stray angle brackets, and close void tags', () => {
    const mdx = markdownToMdx('<!-- markdownlint-disable -->\nUse {curly} braces, 3 < 4<BR>\n\n`{code}` stays.\n');
    expect(mdx).toBe('{/* markdownlint-disable */}\nUse \\{curly\\} braces, 3 \\< 4<br />\n\n`{code}` stays.\n');
    expect(() => parseVersionSource(mdx, 'mdx')).not.toThrow();
  });
});
