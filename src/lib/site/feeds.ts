/**
 * Atom feeds of versions (issue 5): one entry per version in the source, so an upcoming version
 * appears as soon as it is published (committed), with its effective date, summary, corrections,
 * material flag (category `material-change` / `non-material-change`, or `first-version` for a
 * document's first) and links to its text and its changes (RFC 4287 Atom).
 *
 * Escaping by construction (issue 11): the feed is an element tree serialised by fast-xml-parser's
 * `XMLBuilder`, which entity-escapes every text node and attribute value (`&`, `<`, `>`, quotes).
 * No CDATA section is ever written, so no content text can close one. The entry content is HTML
 * (`type="html"`) built as a hast tree and serialised by `hast-util-to-html`, then carried as an
 * escaped text node; entry titles and summaries are plain text (`type="text"`), never HTML, so a
 * reader does not interpret markup in them.
 */
import type { ElementContent } from 'hast';
import { XMLBuilder } from 'fast-xml-parser';
import { toHtml } from 'hast-util-to-html';
import { formatDate, type CivilDate } from '../dates.ts';
import type { Document, Version, VersionChange } from './site-model.ts';
import { firstIdOf } from './moved-pages.ts';
import { changesPath, versionPath, withBase } from './urls.ts';

/** What a feed is about and where it lives. */
export interface FeedOptions {
  /** Feed title, e.g. `Prodsmart Legal Centre: Privacy Statement`. */
  title: string;
  /** One sentence shown as the feed's subtitle. */
  subtitle: string;
  /** Absolute URL of the feed itself (its `rel="self"` link, and its Atom id unless `id` is given). */
  selfUrl: string;
  /**
   * The feed's Atom id when it differs from `selfUrl`: a renamed document's feed keeps the id it was
   * first published with (the feed URL under firstIdOf, src/lib/site/moved-pages.ts), so a reader
   * sees one feed before and after the rename (RFC 4287 §4.2.6: an id never changes).
   */
  id?: string;
  /** Absolute URL of the page the feed belongs to (home or the document's page). */
  pageUrl: string;
  /** Publisher, e.g. `Prodsmart`. */
  company: string;
  /** Origin the site is published at, e.g. `https://legal.prodsmart.com`. */
  site: string;
  /** Base path of the site, `/` or `/legal/`. */
  base: string;
}

/**
 * Write an Atom feed of every version of the given documents.
 *
 * Entry ids are the version's URL under the id the document was first published under (the last
 * of its `formerIds`, else its id), so a renamed document's entries keep their ids; links point to
 * the version's URL under its id now.
 *
 * Entry dates: `published` is the version's publication date (frontmatter `published`, else its
 * effective date); `updated` is its last-updated date when a correction moved it past the
 * effective date, else the publication date. Neither depends on the as-of date. Civil dates are
 * written as midnight UTC. Entries are newest first by publication date, then by document order;
 * the feed's `updated` is the latest entry's, so the same content always gives the same feed.
 *
 * Text that XML 1.0 cannot carry is dropped (XML 1.0 §2.2 `Char`): U+0000–U+0008, U+000B, U+000C,
 * U+000E–U+001F, lone surrogates, U+FFFE and U+FFFF. Line endings are written as U+000A, as every
 * XML parser reads them anyway (§2.11); in attribute values, which parsers fold to spaces (§3.3.3),
 * runs of white space are written as one space. Everything else comes back exactly as given.
 *
 * @param documents Documents of the site model (a single one for a per-document feed).
 * @param options Title, URLs and publisher.
 * @returns The feed's XML text, UTF-8, declared `xml:lang="en"`.
 */
export function atomFeed(documents: readonly Document[], options: FeedOptions): string {
  const entries = documents
    .flatMap((document) => document.versions.map((version) => ({ document, version, published: publishedOn(version), updated: updatedOn(version) })))
    .sort((a, b) => compare(b.published, a.published) || a.document.order - b.document.order || compare(b.version.effective, a.version.effective));
  const latest = entries.map((e) => e.updated).sort().at(-1);
  const feed = element('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' }, [
    element('id', {}, [options.id ?? options.selfUrl]),
    element('title', {}, [options.title]),
    element('updated', {}, [latest ? timestamp(latest) : new Date(0).toISOString()]),
    element('author', {}, [element('name', {}, [options.company]), element('uri', {}, [absolute(options, withBase(options.base, '/'))])]),
    element('link', { rel: 'alternate', href: options.pageUrl }),
    element('link', { rel: 'self', href: options.selfUrl }),
    element('subtitle', {}, [options.subtitle]),
    element('rights', {}, [`© ${options.company}`]),
    ...entries.map(({ document, version, published, updated }) => entry(document, version, published, updated, options)),
  ]);
  return serialise(feed);
}

/** An element of the feed: a name, its attributes and its children (elements or text). */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/** Category label of each kind of version (the term is the `VersionChange` itself). */
const changeLabel: Record<VersionChange, string> = {
  'first-version': 'First version',
  'material-change': 'Material change',
  'non-material-change': 'Not a material change',
};

/** What an entry's content says of the kind of version: the first version is no change. */
const changeSentence: Record<VersionChange, string> = {
  'first-version': 'This is the first version.',
  'material-change': 'This is a material change.',
  'non-material-change': 'This is not a material change.',
};

/** What an entry says when a version has no summary (a document's first version). */
const firstSummary = 'First published version.';

function entry(document: Document, version: Version, published: CivilDate, updated: CivilDate, options: FeedOptions): XmlElement {
  const url = absolute(options, version.url);
  // The version's URL under the id the document was first published under: unchanged by a rename
  // (RFC 4287 §4.2.6), and still an address that leads to the version (the old one redirects).
  const id = absolute(options, withBase(options.base, versionPath(firstIdOf(document), version.effective)));
  const changes = version.previous ? absolute(options, withBase(options.base, changesPath(document.id, version.effective))) : undefined;
  return element('entry', {}, [
    element('title', { type: 'text' }, [`${version.title}: version effective ${formatDate(version.effective)}${version.material ? ' (material change)' : ''}`]),
    element('id', {}, [id]),
    element('link', { href: url }),
    element('updated', {}, [timestamp(updated)]),
    element('summary', { type: 'text' }, [version.summary ?? firstSummary]),
    element('content', { type: 'html' }, [entryContent(version, url, changes, (path) => absolute(options, path))]),
    element('category', { label: document.title, term: document.id }),
    element('category', { label: changeLabel[version.change], term: version.change }),
    element('published', {}, [timestamp(published)]),
  ]);
}

/** The entry's content as HTML: dates and kind, summary, corrections, links; serialised from a hast tree. */
function entryContent(version: Version, url: string, changes: string | undefined, absoluteUrl: (path: string) => string): string {
  const when = version.status === 'upcoming' ? 'Takes effect on' : 'Effective';
  const links: ElementContent[] = [html('a', { href: url }, ['Read this version'])];
  if (changes) links.push({ type: 'text', value: ' · ' }, html('a', { href: changes }, ['See what changed']));
  const paragraphs = [
    html('p', {}, [`${when} ${formatDate(version.effective)}. ${changeSentence[version.change]}`]),
    html('p', {}, [version.summary ?? firstSummary]),
    ...version.corrections.map((correction) => html('p', {}, [
      `Corrected on ${formatDate(correction.date)}: ${correction.reason}`,
      ...(correction.redlineUrl ? [' ', html('a', { href: absoluteUrl(correction.redlineUrl) }, ['See exactly what it changed'])] : []),
    ])),
    html('p', {}, links),
  ];
  return toHtml(paragraphs, { characterReferences: { useNamedReferences: true } });
}

/** The date a version was published for readers: `published`, else its effective date. */
function publishedOn(version: Version): CivilDate {
  return version.published ?? version.effective;
}

/** The date of the latest change to the entry: a correction (last updated after the effective date), else the publication date. */
function updatedOn(version: Version): CivilDate {
  const published = publishedOn(version);
  // An upcoming version has no last-updated date (site model); its corrections still date the entry, so the feed does not depend on the as-of date.
  const lastUpdated = version.lastUpdated ?? version.corrections.at(-1)?.date;
  return lastUpdated !== undefined && lastUpdated > version.effective && lastUpdated > published ? lastUpdated : published;
}

function element(name: string, attributes: Record<string, string>, children: (XmlElement | string)[] = []): XmlElement {
  return { name, attributes, children };
}

function html(tagName: string, properties: Record<string, string>, children: (ElementContent | string)[]): ElementContent {
  return { type: 'element', tagName, properties, children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)) };
}

/** Characters XML 1.0 cannot carry (§2.2 `Char`), lone surrogates included (the `u` flag reads them as code points). */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML carries it: characters XML 1.0 cannot hold dropped, line endings as U+000A. */
function xmlText(text: string): string {
  return text.replace(notXmlChar, '').replace(/\r\n?/g, '\n');
}

/** An attribute value as parsers read it back (XML 1.0 §3.3.3): white space runs as one space. */
function xmlAttribute(value: string): string {
  return xmlText(value).replace(/[\t\n\r ]+/g, ' ');
}

/** fast-xml-parser's ordered tree: `{ name: children, ':@': { '@_attribute': value } }`, text as `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

function ordered(node: XmlElement | string): OrderedNode {
  if (typeof node === 'string') return { '#text': xmlText(node) };
  const attributes = Object.fromEntries(Object.entries(node.attributes).map(([name, value]) => [`@_${name}`, xmlAttribute(value)]));
  return { [node.name]: node.children.map(ordered), ':@': attributes };
}

/** Entity-escaping builder: text and attribute values are escaped, nothing is written as CDATA (`cdataPropName` stays off). */
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '    ', suppressEmptyNode: true, processEntities: true });

function serialise(root: XmlElement): string {
  return builder.build([{ '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'utf-8' } }, ordered(root)]);
}

function absolute(options: FeedOptions, path: string): string {
  return new URL(path, options.site).href;
}

/** A civil date as an Atom date-time: midnight UTC, e.g. `2025-05-20T00:00:00.000Z`. */
function timestamp(date: CivilDate): string {
  return new Date(`${date}T00:00:00Z`).toISOString();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
