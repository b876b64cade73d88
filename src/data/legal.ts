/**
 * The one adapter between Astro's content collections and the site model: nothing else calls
 * `getCollection()`. Pages ask it for documents and for a version's rendered content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Document, Version } from '../lib/site/site-model.ts';
import { statusPhases, type StatusPhase } from '../lib/site/status-phases.ts';
import { formerAnchorsAt, type FormerAnchors } from '../lib/content/anchors.ts';
import { resolveDeepLink, type DeepLink, type ResolvedDeepLink } from '../lib/site/deep-links.ts';
import { resolveSettings, type Settings } from '../settings.ts';
import { feedPath, withBase } from '../lib/site/urls.ts';
import type { Correction } from '../lib/content/schemas.ts';

/** The build's settings (as-of date, base, time zone). */
export const settings: Settings = resolveSettings(process.env);

/**
 * A document's Atom feed, for Base.astro's `feed` prop and the pages' "Subscribe" links.
 *
 * @returns Its title ("Privacy Statement: new versions") and path with the site's base.
 */
export function documentFeed(document: Pick<Document, 'id' | 'title'>): { title: string; href: string } {
  return { title: `${document.title}: new versions`, href: withBase(settings.base, feedPath(document.id)) };
}

type Entry = CollectionEntry<'versions'>;
let cache: Promise<{ documents: Document[]; phases: Map<string, StatusPhase[]>; entries: Map<string, Entry>; byDocument: Map<string, Entry[]> }> | undefined;

/**
 * Every document with its versions placed at the as-of date, in registry order.
 */
export async function getDocuments(): Promise<Document[]> {
  return (await load()).documents;
}

/**
 * One document by id.
 *
 * @throws Error when no document has that id (a page asked for a route it did not generate).
 */
export async function getDocument(id: string): Promise<Document> {
  const document = (await getDocuments()).find((d) => d.id === id);
  if (!document) throw new Error(`No document "${id}" in the registry`);
  return document;
}

/**
 * A document's status phases: the build's model, then the document as it stands from each upcoming
 * version's effective date on (src/lib/site/status-phases.ts), for pages read on later days.
 *
 * @throws Error when no document has that id.
 */
export async function getStatusPhases(id: string): Promise<StatusPhase[]> {
  const phases = (await load()).phases.get(id);
  if (!phases) throw new Error(`No document "${id}" in the registry`);
  return phases;
}

/**
 * A version's text as its page prints it: HTML rendered by the versions loader from the version's
 * one parsed tree (src/node/versions-loader.ts), already allowed and sanitised; never a compiled module.
 *
 * @returns `html` and the version's headings (`depth`, `slug` = anchor, `text`).
 * @throws Error when the version has no entry or no rendered text.
 */
export async function renderVersion(version: Version): Promise<{ html: string; headings: { depth: number; slug: string; text: string }[] }> {
  const entry = (await load()).entries.get(`${version.document}/${version.effective}`);
  if (!entry?.rendered) throw new Error(`No rendered text for ${version.document} ${version.effective}`);
  const headings = (entry.rendered.metadata?.headings ?? []) as { depth: number; slug: string; text: string }[];
  return { html: entry.rendered.html, headings };
}

/** A section of a rendered version: its anchor, heading text and level. */
export interface SectionAnchor {
  /** The anchor (`id` of the heading), e.g. `your-rights`. */
  id: string;
  text: string;
  /** Heading level, 2-6. */
  depth: number;
}

/**
 * The anchors of a version as its page renders them, and its former anchors (issue 5).
 *
 * @returns `anchors` in document order; `former` maps old ids to current ids, declared by this
 *   version or an earlier one of the same document (see formerAnchorsAt in src/lib/content/anchors.ts).
 */
export async function getVersionAnchors(version: Version): Promise<{ anchors: SectionAnchor[]; former: FormerAnchors }> {
  const { byDocument } = await load();
  const { headings } = await renderVersion(version);
  const anchors = headings.map((h) => ({ id: h.slug, text: h.text, depth: h.depth }));
  // byDocument lists each document's entries oldest first; ids are `<document>/<YYYY-MM-DD>`.
  const earlier = (byDocument.get(version.document) ?? []).filter((entry) => entry.id.slice(version.document.length + 1) <= version.effective);
  return { anchors, former: formerAnchorsAt(earlier.map((entry) => entry.data.formerAnchors), new Set(anchors.map((a) => a.id))) };
}

/**
 * The deep links of `links.yaml`, in file order (empty when the content has none).
 *
 * @returns Each key with its document and anchor (already checked by the `deep-link-*` rules).
 */
export async function getDeepLinks(): Promise<Pick<DeepLink, 'key' | 'document' | 'anchor'>[]> {
  const entries = await getCollection('links');
  return entries.map((entry) => ({ key: entry.id, document: entry.data.document, anchor: entry.data.anchor }));
}

/**
 * Every deep link resolved against the version each document's URL shows, sorted by key.
 *
 * @throws Error when a link's document or anchor is missing (the content check prevents it).
 */
export async function getResolvedDeepLinks(): Promise<ResolvedDeepLink[]> {
  const links = (await getDeepLinks()).sort((a, b) => (a.key < b.key ? -1 : 1));
  return Promise.all(
    links.map(async (link) => {
      const document = await getDocument(link.document);
      const { anchors, former } = await getVersionAnchors(document.shown);
      return resolveDeepLink(link, document, anchors, former);
    }),
  );
}

/**
 * A version's source text, for diffs (src/data/diffs.ts).
 *
 * The whole file, frontmatter included, as the versions loader read and decoded it (its `body`):
 * what the content check and the diff worker (src/node/diff-worker.ts) parse.
 *
 * @returns `text`: the file's text; `format`: `md` or `mdx`, from the file's extension.
 * @throws Error when the version has no entry (a page asked for a version the model does not have).
 */
export async function getVersionSource(version: Version): Promise<{ text: string; format: 'md' | 'mdx' }> {
  const entry = (await load()).entries.get(`${version.document}/${version.effective}`);
  if (!entry || entry.body === undefined) throw new Error(`No source for ${version.document} ${version.effective}`);
  return { text: entry.body, format: entry.filePath?.endsWith('.md') ? 'md' : 'mdx' };
}

/**
 * A version's corrections as its frontmatter lists them (list order, with their edits), for the
 * corrections page (src/data/diffs.ts).
 *
 * @returns The list; empty when the version has none.
 */
export async function getVersionCorrections(version: Version): Promise<Correction[]> {
  return (await load()).entries.get(`${version.document}/${version.effective}`)?.data.corrections ?? [];
}

function load() {
  cache ??= (async () => {
    const [registry, versions] = await Promise.all([getCollection('documents'), getCollection('versions')]);
    const entries = new Map(versions.map((entry) => [entry.id, entry]));
    const byDocument = new Map<string, Entry[]>();
    for (const entry of [...versions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const document = entry.id.slice(0, entry.id.indexOf('/'));
      if (!byDocument.has(document)) byDocument.set(document, []);
      byDocument.get(document)!.push(entry);
    }
    const inputs = versions.map((entry) => {
      const [document, effective] = entry.id.split('/') as [string, string];
      return { document, effective, frontmatter: entry.data };
    });
    const phases = statusPhases(
      registry.map(({ data: { order, ...entry } }) => ({ entry, order })).sort((a, b) => a.order - b.order).map((r) => r.entry),
      inputs, settings.asOf, settings.base);
    const documents = [...phases.values()].map(([built]) => built!.document);
    return { documents, phases, entries, byDocument };
  })();
  return cache;
}
