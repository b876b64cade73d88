/**
 * The one adapter between Astro's content collections and the site model: nothing else calls
 * `getCollection()`. Pages ask it for documents and for a version's rendered content.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { buildSiteModel, type Document, type Version } from '../lib/site-model.ts';
import { resolveSettings, type Settings } from '../settings.ts';

/** The build's settings (as-of date, base, time zone). */
export const settings: Settings = resolveSettings(process.env);

type Entry = CollectionEntry<'versions'>;
let cache: Promise<{ documents: Document[]; entries: Map<string, Entry> }> | undefined;

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
 * Render a version's text.
 *
 * @returns Astro's `Content` component and the version's headings (`depth`, `slug` = anchor, `text`).
 */
export async function renderVersion(version: Version) {
  const entry = (await load()).entries.get(`${version.document}/${version.effective}`);
  if (!entry) throw new Error(`No source for ${version.document} ${version.effective}`);
  return render(entry);
}

function load() {
  cache ??= (async () => {
    const [registry, versions] = await Promise.all([getCollection('documents'), getCollection('versions')]);
    const entries = new Map(versions.map((entry) => [entry.id, entry]));
    const inputs = versions.map((entry) => {
      const [document, effective] = entry.id.split('/') as [string, string];
      return { document, effective, frontmatter: entry.data };
    });
    const documents = buildSiteModel(
      registry.map(({ data: { order, ...entry } }) => ({ entry, order })).sort((a, b) => a.order - b.order).map((r) => r.entry),
      inputs, settings.asOf, settings.base);
    return { documents, entries };
  })();
  return cache;
}
