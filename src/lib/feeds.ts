/**
 * Atom feeds of versions (issue 5): one entry per version in the source, so an upcoming version
 * appears as soon as it is published (committed), with its effective date, summary, material flag
 * (category `material-change` / `non-material-change`, or `first-version` for a document's first)
 * and links to its text and its changes. Written with the `feed` library (RFC 4287 Atom).
 */
import { Feed } from 'feed';
import { formatDate, type CivilDate } from './dates.ts';
import type { Document, Version, VersionChange } from './site-model.ts';
import { changesPath, withBase } from './urls.ts';

/** What a feed is about and where it lives. */
export interface FeedOptions {
  /** Feed title, e.g. `Prodsmart Legal Centre: Privacy Statement`. */
  title: string;
  /** One sentence shown as the feed's subtitle. */
  subtitle: string;
  /** Absolute URL of the feed itself (its Atom id and `rel="self"` link). */
  selfUrl: string;
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
 * Entry dates: `published` is the version's publication date (frontmatter `published`, else its
 * effective date); `updated` is its last-updated date when a correction moved it past the
 * effective date, else the publication date. Neither depends on the as-of date. Civil dates are written as midnight UTC. Entries are newest first by
 * publication date, then by document order; the feed's `updated` is the latest entry's, so the
 * same content always gives the same feed.
 *
 * @param documents Documents of the site model (a single one for a per-document feed).
 * @param options Title, URLs and publisher.
 * @returns The feed's XML text.
 */
export function atomFeed(documents: readonly Document[], options: FeedOptions): string {
  const entries = documents
    .flatMap((document) => document.versions.map((version) => ({ document, version, published: publishedOn(version), updated: updatedOn(version) })))
    .sort((a, b) => compare(b.published, a.published) || a.document.order - b.document.order || compare(b.version.effective, a.version.effective));
  const latest = entries.map((e) => e.updated).sort().at(-1);
  const feed = new Feed({
    title: options.title,
    description: options.subtitle,
    id: options.selfUrl,
    link: options.pageUrl,
    language: 'en',
    updated: latest ? utc(latest) : new Date(0),
    generator: false,
    feedLinks: { atom: options.selfUrl },
    author: { name: options.company, link: new URL(withBase(options.base, '/'), options.site).href },
    copyright: `© ${options.company}`,
  });
  for (const { document, version, published, updated } of entries) {
    const url = absolute(options, version.url);
    const changes = version.previous ? absolute(options, withBase(options.base, changesPath(document.id, version.effective))) : undefined;
    feed.addItem({
      title: `${version.title}: version effective ${formatDate(version.effective)}${version.material ? ' (material change)' : ''}`,
      id: url,
      link: url,
      published: utc(published),
      date: utc(updated),
      description: version.summary ?? 'First published version.',
      content: entryContent(version, url, changes),
      category: [{ term: document.id, name: document.title }, { term: version.change, name: changeLabel[version.change] }],
    });
  }
  return feed.atom1();
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

function entryContent(version: Version, url: string, changes: string | undefined): string {
  const when = version.status === 'upcoming' ? 'Takes effect on' : 'Effective';
  const parts = [
    `<p>${when} ${formatDate(version.effective)}. ${changeSentence[version.change]}</p>`,
    `<p>${escapeHtml(version.summary ?? 'First published version.')}</p>`,
    `<p><a href="${url}">Read this version</a>${changes ? ` · <a href="${changes}">See what changed</a>` : ''}</p>`,
  ];
  return parts.join('');
}

function absolute(options: FeedOptions, path: string): string {
  return new URL(path, options.site).href;
}

function utc(date: CivilDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
