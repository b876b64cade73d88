/**
 * One reading of a file (issue 11): bytes are decoded once, the frontmatter is the parser's, and
 * YAML is read as data. Each case is handled the same way by the check and the loader, or refused
 * with its line.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/lib/content/source-text.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { checkFiles, registry } from '../rule-sources.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decoding a content file', () => {
  it('should drop one byte-order mark and turn CRLF into LF', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('---\r\nmaterial: false\r\n---\r\n')]))).toEqual({ text: '---\nmaterial: false\n---\n' });
  });

  it('should refuse invalid UTF-8 at the line of the bad byte', () => {
    const result = decodeSource(new Uint8Array([...bytes('one\ntwo '), 0xff, ...bytes('\n')]));
    expect(result).toMatchObject({ problem: { line: 2, column: 5, ruleId: 'source-encoding' } });
  });

  it('should refuse a NUL byte and a lone carriage return at their place', () => {
    expect(decodeSource(bytes('a\nb\u0000'))).toMatchObject({ problem: { line: 2, column: 2, ruleId: 'source-nul' } });
    expect(decodeSource(bytes('a\rb'))).toMatchObject({ problem: { line: 1, column: 2, ruleId: 'source-line-ending' } });
  });
});

describe('the one frontmatter reader', () => {
  it('should give each key its file line, with CRLF files decoded first', () => {
    const decoded = decodeSource(bytes('---\r\nmaterial: true\r\nsummary: Changes.\r\n---\r\n\r\nText.\r\n'));
    const raw = readFrontmatter((decoded as { text: string }).text);
    expect(isFrontmatterSyntaxError(raw)).toBe(false);
    expect([...(raw as { keyLines: Map<string, number> }).keyLines]).toEqual([['material', 2], ['summary', 3]]);
  });

  it.each([
    ['blank lines before it', '\n\n---\nmaterial: false\n---\n\nText.\n', 3, 'must begin on the first line'],
    ['TOML', '+++\nmaterial = false\n+++\n\nText.\n', 1, 'not TOML'],
    ['a YAML tag that would be code elsewhere', '---\nmaterial: false\nsummary: !!js/function "function () {}"\n---\n\nText.\n', 3, 'YAML tag'],
    ['an alias bomb', '---\nmaterial: false\nsummary: &a [x, x]\ntitle: *a\n---\n\nText.\n', 3, 'anchors and aliases'],
    ['an unclosed fence', '---\nmaterial: false\n\nText.\n', 1, 'never closed'],
  ])('should refuse frontmatter with %s, at its line', (_case, text, line, reason) => {
    const raw = readFrontmatter(text);
    expect(isFrontmatterSyntaxError(raw)).toBe(true);
    expect(raw).toMatchObject({ line });
    expect((raw as { reason: string }).reason).toContain(reason);
  });

  it('should report a refused frontmatter in the check at the file and line, never at a generic 1:1 of another file', () => {
    const found = checkFiles({ 'documents.yaml': registry(), 'privacy-statement/2020-01-01.mdx': '\n---\nmaterial: false\n---\n\nText.\n', 'cookie-notice/2020-01-01.mdx': '---\nmaterial: false\n---\n\nOne.\n' });
    expect(found.filter((d) => d.ruleId === 'frontmatter-yaml').map((d) => `${d.file}:${d.line}`)).toEqual(['content/privacy-statement/2020-01-01.mdx:2']);
  });

  it('should not crash the check on a malformed percent-encoding in a link', () => {
    const found = checkFiles({ 'documents.yaml': registry(), 'privacy-statement/2020-01-01.mdx': '---\nmaterial: false\n---\n\n[x](#100%)\n', 'cookie-notice/2020-01-01.mdx': '---\nmaterial: false\n---\n\nOne.\n' });
    expect(found.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toContain('content/privacy-statement/2020-01-01.mdx:5 link-missing-anchor');
  });
});
