/**
 * Holes found by trying the content pipeline as an attacker's pull request would (issue 11): each
 * was a crash or a disagreement before its fix, and must fail closed with file:line from now on.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentSources } from '../../../src/lib/check/content-check.ts';
import { versionContent } from '../../../src/lib/content/version-content.ts';
import { parseVersionSource } from '../../../src/lib/content/version-source.ts';

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
