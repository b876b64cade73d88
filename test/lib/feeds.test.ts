/**
 * Atom feeds (issues 5 and 11): the feed is written as an XML tree, so content text (summaries,
 * titles, correction reasons) reaches the XML only as escaped text, whatever it contains.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, type FeedOptions } from '../../src/lib/site/feeds.ts';
import type { DocumentEntry, Frontmatter } from '../../src/lib/content/schemas.ts';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';

const origin = 'https://legal.example.test';
const options: FeedOptions = {
  title: 'Privacy Statement: new versions',
  subtitle: "Every version of Prodsmart's Privacy Statement, including upcoming ones.",
  selfUrl: `${origin}/legal/privacy-statement/feed.xml`,
  pageUrl: `${origin}/legal/privacy-statement/`,
  company: 'Prodsmart',
  site: origin,
  base: '/legal/',
};
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

interface Texts {
  summary: string;
  title?: string;
  reason?: string;
  registryTitle?: string;
}

/** A feed of one document with a first version, a corrected second version carrying the given texts, and an upcoming third. */
function feedWith({ summary, title, reason = 'Fixes a typo.', registryTitle = 'Privacy Statement' }: Texts): string {
  const entry: DocumentEntry = { id: 'privacy-statement', title: registryTitle, kind: 'statement', description: 'How we use data.' };
  const second: Frontmatter = { summary, material: false, corrections: [{ date: '2024-04-02', reason }], ...(title === undefined ? {} : { title }) };
  const documents = buildSiteModel(
    [entry],
    [
      { document: 'privacy-statement', effective: '2023-01-15', frontmatter: {} },
      { document: 'privacy-statement', effective: '2024-03-01', frontmatter: second },
      { document: 'privacy-statement', effective: '2025-09-01', frontmatter: { summary: 'Adds California privacy rights.', material: true, published: '2025-05-20' } },
    ],
    '2025-06-01',
    '/legal/',
  );
  return atomFeed(documents, options);
}

type Element = Record<string, unknown>;

/** The text of a parsed element that has attributes (`type="text"`), `''` when it is empty. */
const textOf = (element: unknown) => ((element as Element)['#text'] as string | undefined) ?? '';

/** The entry for the corrected version of feedWith. */
function corrected(xml: string): Element {
  return (parser.parse(xml).feed.entry as Element[])[1]!;
}

/** The paragraphs of an entry's HTML content, as text. */
function paragraphs(entry: Element): string[] {
  return parseHtml(textOf(entry.content)).querySelectorAll('p').map((p) => p.text);
}

/** Whether a parsed XML value has an element of that name anywhere. */
function hasElement(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((item) => hasElement(item, name));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => key === name || hasElement(child, name));
}

/** What the feed promises to carry of a text: XML 1.0 characters only, line endings as U+000A. */
function asXmlCarriesIt(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/\r\n?/g, '\n');
}

describe('atomFeed', () => {
  it('should carry a summary that closes CDATA twice as that exact text, with no script element', () => {
    const summary = `Adds ]]>]]><script>alert(1)</script> and <!-- a comment, & "double" and 'single' quotes.`;
    const xml = feedWith({ summary });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).not.toContain('<script');
    const entry = corrected(xml);
    expect(textOf(entry.summary)).toBe(summary);
    expect(hasElement(parser.parse(xml), 'script')).toBe(false);
    const content = parseHtml(textOf(entry.content));
    expect(content.querySelectorAll('script')).toHaveLength(0);
    expect(paragraphs(entry)[1]).toBe(summary);
  });

  it('should carry a title and a correction reason with markup in them as text', () => {
    const xml = feedWith({ summary: 'Plain.', title: 'Privacy <b>Statement</b> ]]>', reason: 'Fixes ]]><img src=x onerror=alert(1)>.' });
    const entry = corrected(xml);
    expect(textOf(entry.title)).toBe('Privacy <b>Statement</b> ]]>: version effective March 1, 2024');
    expect(paragraphs(entry)[2]).toBe('Corrected on April 2, 2024: Fixes ]]><img src=x onerror=alert(1)>.');
    expect(parseHtml(textOf(entry.content)).querySelectorAll('img, b')).toHaveLength(0);
  });

  it('should declare the Atom namespace and the feed\'s language', () => {
    const feed = parser.parse(feedWith({ summary: 'Plain.' })).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('en');
  });

  it('should write the feed\'s id, links, author, dates and one entry per version, newest first', () => {
    const feed = parser.parse(feedWith({ summary: 'Plain.' })).feed;
    expect(feed.id).toBe(options.selfUrl);
    expect(feed.title).toBe(options.title);
    expect(feed.subtitle).toBe(options.subtitle);
    expect(feed.rights).toBe('© Prodsmart');
    expect(feed.link).toEqual([{ '@rel': 'alternate', '@href': options.pageUrl }, { '@rel': 'self', '@href': options.selfUrl }]);
    expect([feed.author.name, feed.author.uri]).toEqual(['Prodsmart', `${origin}/legal/`]);
    expect(feed.updated).toBe('2025-05-20T00:00:00.000Z');
    const entries = feed.entry as Element[];
    expect(entries.map((e) => e.id)).toEqual(['2025-09-01', '2024-03-01', '2023-01-15'].map((date) => `${origin}/legal/privacy-statement/${date}/`));
    expect(entries.map((e) => [e.published, e.updated])).toEqual([
      ['2025-05-20T00:00:00.000Z', '2025-05-20T00:00:00.000Z'],
      ['2024-03-01T00:00:00.000Z', '2024-04-02T00:00:00.000Z'],
      ['2023-01-15T00:00:00.000Z', '2023-01-15T00:00:00.000Z'],
    ]);
  });

  it('should give each entry a plain-text title and summary, its categories and links to the version and its changes', () => {
    const [upcoming, , first] = parser.parse(feedWith({ summary: 'Plain.' })).feed.entry as Element[];
    expect(upcoming!.title).toEqual({ '#text': 'Privacy Statement: version effective September 1, 2025 (material change)', '@type': 'text' });
    expect(upcoming!.summary).toEqual({ '#text': 'Adds California privacy rights.', '@type': 'text' });
    expect(upcoming!.link).toEqual([{ '@href': `${origin}/legal/privacy-statement/2025-09-01/` }]);
    expect(upcoming!.category).toEqual([
      { '@label': 'Privacy Statement', '@term': 'privacy-statement' },
      { '@label': 'Material change', '@term': 'material-change' },
    ]);
    expect((upcoming!.content as Element)['@type']).toBe('html');
    const links = parseHtml(textOf(upcoming!.content)).querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Read this version', `${origin}/legal/privacy-statement/2025-09-01/`],
      ['See what changed', `${origin}/legal/privacy-statement/2025-09-01/changes/`],
    ]);
    expect(paragraphs(upcoming!)[0]).toBe('Takes effect on September 1, 2025. This is a material change.');
    expect(paragraphs(first!)).toEqual(['Effective January 15, 2023. This is the first version.', 'First published version.', 'Read this version']);
    expect((first!.category as Element[]).map((c) => c['@term'])).toEqual(['privacy-statement', 'first-version']);
  });

  it('should list a version\'s corrections in its entry, each with its date and reason', () => {
    expect(paragraphs(corrected(feedWith({ summary: 'Plain.', reason: 'Fixes a typo in the contact address.' })))).toEqual([
      'Effective March 1, 2024. This is not a material change.',
      'Plain.',
      'Corrected on April 2, 2024: Fixes a typo in the contact address.',
      'Read this version · See what changed',
    ]);
  });

  it('should drop characters XML 1.0 cannot carry and write line endings as line feeds', () => {
    const xml = feedWith({ summary: 'a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\r\ng\rh' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(textOf(corrected(xml).summary)).toBe('abcdef\ng\nh');
  });

  it('should parse as XML and give back any summary, title and correction reason as text', () => {
    const tricky = fc.constantFrom(']]>', ']]', '>', '<', '&', '&amp;', '&#10;', '"', "'", '<!--', '-->', '<script>', '</content>', '<![CDATA[', '\r', '\n', '\t', ' ', '\u0000', '\u001F', '\uD800', '\uDC00', '\uFFFE', 'a', 'é', '😀');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: tricky, maxLength: 12 }));
    fc.assert(
      fc.property(text, text, text, text, (summary, title, reason, registryTitle) => {
        const xml = feedWith({ summary, title, reason, registryTitle });
        expect(XMLValidator.validate(xml)).toBe(true);
        const entry = corrected(xml);
        expect(textOf(entry.summary)).toBe(asXmlCarriesIt(summary));
        expect(textOf(entry.title)).toBe(`${asXmlCarriesIt(title)}: version effective March 1, 2024`);
        expect((entry.category as Element[])[0]!['@label']).toBe(asXmlCarriesIt(registryTitle).replace(/[\t\n\r ]+/g, ' '));
        const content = parseHtml(textOf(entry.content));
        expect(content.querySelectorAll('script')).toHaveLength(0);
        expect(content.querySelectorAll('p').map((p) => p.text).slice(1, 3)).toEqual([asXmlCarriesIt(summary), `Corrected on April 2, 2024: ${asXmlCarriesIt(reason)}`]);
      }),
      { numRuns: 300 },
    );
  });
});
