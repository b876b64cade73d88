/**
 * Versions are data (issue 11): the allow-list on a version's one tree, and the properties that make
 * it safe, tested with fast-check on real texts (the company's statement, the fixture corpus, the
 * GitHub Terms corpus in ../shared) and random mutations of them.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../../../src/lib/content/anchors.ts';
import { checkContent, type ContentSources } from '../../../src/lib/check/content-check.ts';
import { decodeSource } from '../../../src/lib/content/source-text.ts';
import { importMarkdown } from '../../../src/lib/editor/import-markdown.ts';
import { versionContent } from '../../../src/lib/content/version-content.ts';
import { renderVersionHtml } from '../../../src/lib/content/version-html.ts';
import { parseVersionSource, type SourceFormat } from '../../../src/lib/content/version-source.ts';
import { root, sharedDir } from '../../helpers/site.ts';

const githubTerms = join(sharedDir, 'corpora', 'github-terms-of-service');
if (!existsSync(githubTerms)) console.warn(`\n${'⚠'.repeat(60)}\n⚠ VERSIONS-ARE-DATA PROPERTIES RUN WITHOUT THE GITHUB TERMS: no corpus at ${githubTerms}\n${'⚠'.repeat(60)}\n`);

function versionFiles(folder: string): { path: string; text: string; format: SourceFormat }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\d{4}-\d{2}-\d{2}\.mdx?$/.test(path))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(folder, path), 'utf8'), format: path.endsWith('.mdx') ? 'mdx' : 'md' }));
}

/** Real texts: the content, the fixture corpus and the GitHub Terms (when present). */
const realTexts = [...versionFiles(join(root, 'content')), ...versionFiles(join(root, 'test', 'fixtures', 'corpus')), ...versionFiles(githubTerms)];

/** What an attacker or a careless editor inserts. */
const SNIPPETS = [
  '{/*\n## x {#a} */ globalThis.pwned = 1 /*\n*/}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x61;script&colon;alert(1)">x</a>', '<div>\n# x {#<meta http-equiv="refresh" content="0;url=https://evil.test">}\n</div>', '## H {onclick=alert(1) style=color:red}',
  '<img src="/a.png" srcset="https://evil.test/x.png 1x">', '<a href="/" ping="https://evil.test/">x</a>', '[x](#100%)', '{#x}', '<Notice title={alert(1)}>x</Notice>',
  'export const x = 1', 'import fs from "node:fs"', '<svg><script>alert(1)</script></svg>', '<style>*{}</style>', '<iframe src="https://evil.test"></iframe>', '<base href="https://evil.test/">',
  '<form action="https://evil.test"><button>x</button></form>', '<Notice>\n', '</div>', '<!--', '-->', '<![CDATA[', ']]>', '{', '}', '<', '`', '***', '\n---\n', '\u0000', '\uFEFF', '&#0;',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '![x](https://evil.test/t.png)', '[a]: javascript:alert(1)\n\n[x][a]',
];

/** A mutation of a text: insert a snippet, delete a span, or duplicate a line, at positions fast-check picks. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('noise' as const), at: fc.nat(), snippet: fc.string({ maxLength: 20, unit: 'binary' }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    out = m.kind === 'delete' ? out.slice(0, at) + out.slice(at + m.length) : out.slice(0, at) + m.snippet + out.slice(at);
  }
  return out;
}

/** Check one version of a minimal content folder, as `npm run check` would. */
function check(text: string, format: SourceFormat) {
  const decoded = decodeSource(text);
  const path = `privacy-statement/2020-01-01.${format}`;
  const sources: ContentSources = {
    root: 'content',
    registry: { path: 'documents.yaml', text: 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n' },
    files: 'text' in decoded ? [{ path, text: decoded.text }] : [],
    folders: ['privacy-statement'],
  };
  return checkContent(sources, '2019-06-01');
}

/** What a page would print for a text the allow-list accepted. */
function render(text: string, format: SourceFormat): string | undefined {
  let tree;
  try {
    tree = parseVersionSource(text, format);
  } catch {
    return undefined;
  }
  const content = versionContent(tree, text, format);
  if (content.problems.length > 0) return undefined;
  return renderVersionHtml(content.hast, headingAnchors(tree), { base: '/', formerBySection: { 'x': ['y'] } }).html;
}

/** Every element and attribute of an HTML string, read by parse5. */
function elementsOf(html: string): { tag: string; attributes: { name: string; value: string }[] }[] {
  const found: { tag: string; attributes: { name: string; value: string }[] }[] = [];
  const stack = [parseFragment(html) as unknown as { childNodes?: unknown[] }];
  while (stack.length > 0) {
    const node = stack.pop()! as { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[]; content?: { childNodes: unknown[] } };
    if (node.tagName) found.push({ tag: node.tagName, attributes: node.attrs ?? [] });
    for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])]) stack.push(child as never);
  }
  return found;
}

const SAFE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sup', 'sub', 'br', 'hr', 'a', 'img',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'abbr', 'dfn', 'dl', 'dt', 'dd', 'div', 'span', 'section', 'address', 'small', 'mark', 'q', 'cite', 'kbd', 'details', 'summary',
  'figure', 'figcaption', 'time', 'var', 'samp', 'wbr']);

/** The safety property of published HTML: nothing that runs, loads from elsewhere or changes the page. */
function assertSafe(html: string): void {
  for (const element of elementsOf(html)) {
    expect(SAFE_TAGS, `<${element.tag}> published`).toContain(element.tag);
    for (const attribute of element.attributes) {
      expect(attribute.name, `<${element.tag} ${attribute.name}> published`).not.toMatch(/^(on|style$|srcset$|ping$|form|xlink)/i);
      if (attribute.name === 'href' || attribute.name === 'src') {
        expect(attribute.value.replace(/[\t\n\r]/g, '').trim(), `<${element.tag} ${attribute.name}=${attribute.value}>`).not.toMatch(/^(javascript|data|vbscript|file):/i);
      }
      if (attribute.name === 'src') expect(attribute.value).not.toMatch(/^([a-z]+:)?\/\//i);
    }
  }
}

describe('the allow-list on the one tree', () => {
  it.each([
    ['an MDX comment hiding a heading-looking line with code after it', 'mdx', '{/*\n## x {#a} */ globalThis.pwned = 1 /*\n*/}\n', 'safe-mdx-expression'],
    ['a <meta> refresh on a heading-looking line of an HTML block', 'md', '<div>\n# x {#<meta http-equiv="refresh" content="0;url=https://evil.test">}\n</div>\n', 'safe-mdx-element'],
    ['heading attributes other than the anchor', 'md', '## H {onclick=alert(1) style=color:red}\n', 'safe-mdx-heading-attribute'],
    ['srcset with an encoded comma', 'md', '<img src="/a.png" srcset="https://evil.test/x.png&#44; 1x">\n', 'safe-mdx-attribute'],
    ['ping to another host', 'md', '<a href="/" ping="https://evil.test/">x</a>\n', 'safe-mdx-attribute'],
    ['TOML frontmatter', 'md', '+++\ntitle = "x"\n+++\n\nText.\n', 'safe-mdx-node'],
    ['an event handler in any letter case', 'md', 'Text <IMG SRC="/a.png" oNeRrOr=alert(1)>\n', 'safe-mdx-event-handler'],
    ['a javascript: URL written with character references', 'md', '<a href="jav&#x61;script&colon;alert(1)">x</a>\n', 'safe-mdx-url'],
    ['an svg with a script', 'md', '<svg><script>alert(1)</script></svg>\n', 'safe-mdx-element'],
    ['an image from another host', 'mdx', '![t](https://evil.test/t.png)\n', 'safe-mdx-external-media'],
    ['an import', 'mdx', 'import fs from "node:fs"\n\nText.\n', 'safe-mdx-esm'],
    ['lowercase HTML in .mdx', 'mdx', '<div onclick="x">a</div>\n', 'safe-mdx-component'],
    ['nesting deeper than any legal text', 'md', `${'>'.repeat(10_000)} deep\n`, 'safe-mdx-nesting'],
  ] as const)('should refuse %s with its place and rule', (_case, format, text, ruleId) => {
    const tree = parseVersionSource(text, format);
    const { problems } = versionContent(tree, text, format);
    expect(problems.map((p) => p.ruleId)).toContain(ruleId);
    for (const problem of problems) expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it('should accept what legal texts use: tables, abbreviations, footnotes, line breaks, components', () => {
    const md = '| a | b |\n|---|:-:|\n| 1 | 2 |\n\n<abbr title="General Data Protection Regulation">GDPR</abbr> H<sub>2</sub>O<sup>1</sup><br>\n\nA note[^1].\n\n[^1]: The note.\n';
    expect(versionContent(parseVersionSource(md, 'md'), md, 'md').problems).toEqual([]);
    const mdx = '<Notice title="Important">\nRead this.\n</Notice>\n\n<Definition term="Personal data">\nData.\n</Definition>\n\n<Address>\nProdsmart\\\nSan Francisco\n</Address>\n\n{/* a comment */}\n';
    const html = render(mdx, 'mdx')!;
    expect(html).toContain('<div class="content-notice" role="note"><p class="content-notice__title"><strong>Important</strong></p>');
    expect(html).toContain('<dl class="content-definition"><dt><dfn>Personal data</dfn></dt>');
    expect(html).toContain('<address class="content-address">');
  });

  it('should accept every real version as it is, or as import-markdown imports it', () => {
    for (const { path, text, format } of realTexts) {
      // The GitHub Terms are Markdown from another site: they enter the content through the importer.
      const source = existsSync(join(githubTerms, path)) ? importMarkdown(text, { format, first: true, sourceName: path, site: 'https://docs.github.com' }).text : text;
      expect(versionContent(parseVersionSource(source, format), source, format).problems, path).toEqual([]);
    }
  });

  it('should print the same HTML for .md and .mdx copies of one text, self-links and former anchors included', () => {
    const text = '---\nmaterial: false\n---\n\nIntro with [a link](/terms-of-use/#x) and **bold**.\n\n## First {#x}\n\n- one\n- two\n\n### Second\n\n> quoted\n';
    const md = render(text, 'md')!;
    expect(md).toBe(render(text, 'mdx'));
    expect(md).toContain('<h2 id="x" class="section-heading"><span id="y" class="former-anchor" data-former-anchor=""></span>First<a class="anchor-link" href="#x"');
    expect(md).toContain('<h3 id="second" class="section-heading">Second<a class="anchor-link" href="#second"');
  });

  it('should print the same HTML for .md and .mdx copies of any plain Markdown text (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const line = fc.oneof(
      fc.tuple(fc.integer({ min: 2, max: 4 }), fc.array(word, { minLength: 1, maxLength: 4 }), fc.option(word, { nil: undefined }))
        .map(([depth, words, id]) => `${'#'.repeat(depth)} ${words.join(' ')}${id ? ` {#${id}}` : ''}`),
      fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => `- ${words.join(' ')}`),
      fc.tuple(word, word).map(([text, path]) => `See [${text}](/${path}/).`),
    );
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
      const text = `${lines.join('\n\n')}\n`;
      expect(render(text, 'md')).toBe(render(text, 'mdx'));
    }), { seed: 11, numRuns: 200 });
  });
});

describe('properties over real texts and their mutations', () => {
  const texts = realTexts.length > 0 ? realTexts : [{ path: 'inline', text: '## A {#a}\n\nText.\n', format: 'md' as const }];
  const arbitrary = fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }));

  it('should report nesting 10,000 levels deep at its line, not crash', () => {
    const found = check(`---\nmaterial: false\n---\n\n${'> '.repeat(10_000)}deep\n`, 'md').diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId}`)).toContain('5 safe-mdx-nesting');
  });

  it('should never throw: every mutation gives diagnostics or a clean result', () => {
    fc.assert(fc.property(arbitrary, ([real, mutations]) => {
      const result = check(mutate(real.text, mutations), real.format);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.ruleId).toMatch(/^[a-z0-9-]+$/);
      }
    }), { seed: 11, numRuns: 150 });
  });

  it('should publish nothing that runs or loads from elsewhere, whatever the check accepts', () => {
    fc.assert(fc.property(arbitrary, ([real, mutations]) => {
      const text = mutate(real.text, mutations);
      const html = render(text, real.format);
      if (html !== undefined) assertSafe(html);
    }), { seed: 11, numRuns: 150 });
  });

  it('should refuse in the check exactly what the loader refuses: one reading, one verdict', () => {
    fc.assert(fc.property(arbitrary, ([real, mutations]) => {
      const text = mutate(real.text, mutations);
      const safety = check(text, real.format).diagnostics.filter((d) => d.ruleId.startsWith('safe-mdx-'));
      const rendered = render(text, real.format);
      if (rendered !== undefined) expect(safety).toEqual([]);
    }), { seed: 11, numRuns: 100 });
  });
});
