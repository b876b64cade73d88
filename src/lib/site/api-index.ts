/**
 * The JSON index for apps (issue 5): `/api/documents.json` lists the documents with their current
 * and upcoming versions and deep-link keys; `/api/<document>.json` lists every version of one
 * document with its anchors and deep links. Shapes are the zod schemas of api-schema.ts (published
 * as JSON Schema at `/api/schema/<name>.json`, named by each file's `$schema`) and the README ("Feeds
 * and JSON API"); a breaking change raises `schemaVersion`.
 */
import type { CivilDate } from '../dates.ts';
import type { FormerAnchors } from '../content/anchors.ts';
import type { ResolvedDeepLink } from './deep-links.ts';
import type { Document, Version } from './site-model.ts';
import { apiSchemaVersion, type ApiAnchor, type ApiDeepLink, type ApiDocument, type ApiDocumentIndex, type ApiDocumentsIndex, type ApiSchemaName, type ApiVersion, type ApiVersionSummary } from './api-schema.ts';
import { changesPath, withBase } from './urls.ts';

export { apiSchemaVersion } from './api-schema.ts';
export type { ApiAnchor, ApiCorrection, ApiDeepLink, ApiDocument, ApiVersion, ApiVersionSummary } from './api-schema.ts';

/** Where the site lives, to make absolute URLs. */
export interface ApiSite {
  /** Origin, e.g. `https://legal.prodsmart.com`. */
  site: string;
  /** Base path, `/` or `/legal/`. */
  base: string;
  /** The build's as-of date, `YYYY-MM-DD`. */
  asOf: CivilDate;
}

/**
 * The absolute URL of a published JSON Schema, `/api/schema/<name>.json` under the base.
 *
 * @param name `documents` or `document` (api-schema.ts `apiSchemas`).
 * @param where Origin and base.
 */
export function apiSchemaUrl(name: ApiSchemaName, where: Pick<ApiSite, 'site' | 'base'>): string {
  return new URL(withBase(where.base, `/api/schema/${name}.json`), where.site).href;
}

/**
 * Build `/api/documents.json`.
 *
 * @param documents Documents of the site model, in registry order (kept).
 * @param links Resolved deep links (any order; each document's are sorted by key).
 * @param where Origin, base and as-of date.
 */
export function documentsIndex(documents: readonly Document[], links: readonly ResolvedDeepLink[], where: ApiSite): ApiDocumentsIndex {
  const url = (path: string) => new URL(path, where.site).href;
  return {
    $schema: apiSchemaUrl('documents', where),
    schemaVersion: apiSchemaVersion,
    asOf: where.asOf,
    documents: documents.map((document): ApiDocument => ({
      id: document.id,
      title: document.title,
      kind: document.kind,
      parent: document.parent ?? null,
      description: document.description,
      formerIds: [...(document.formerIds ?? [])],
      url: url(document.url),
      historyUrl: url(document.historyUrl),
      feedUrl: url(withBase(where.base, `/${document.id}/feed.xml`)),
      detailUrl: url(withBase(where.base, `/api/${document.id}.json`)),
      current: document.current ? versionSummary(document.current, where) : null,
      upcoming: document.upcoming.map((v) => versionSummary(v, where)),
      deepLinks: deepLinksOf(document, links, where),
    })),
  };
}

/**
 * Build `/api/<document>.json`.
 *
 * @param document A document of the site model.
 * @param anchorsOf Anchors and former anchors of each version, by effective date.
 * @param links Resolved deep links (any order; those into this document are listed, sorted by key).
 * @param where Origin, base and as-of date.
 * @returns The document's description, feed and deep links, and every version, newest first, with its anchors.
 */
export function documentIndex(
  document: Document,
  anchorsOf: ReadonlyMap<CivilDate, { anchors: ApiAnchor[]; former: FormerAnchors }>,
  links: readonly ResolvedDeepLink[],
  where: ApiSite,
): ApiDocumentIndex {
  const url = (path: string) => new URL(path, where.site).href;
  return {
    $schema: apiSchemaUrl('document', where),
    schemaVersion: apiSchemaVersion,
    asOf: where.asOf,
    id: document.id,
    title: document.title,
    kind: document.kind,
    parent: document.parent ?? null,
    description: document.description,
    formerIds: [...(document.formerIds ?? [])],
    url: url(document.url),
    historyUrl: url(document.historyUrl),
    feedUrl: url(withBase(where.base, `/${document.id}/feed.xml`)),
    deepLinks: deepLinksOf(document, links, where),
    versions: document.versions.map((version): ApiVersion => {
      const found = anchorsOf.get(version.effective);
      return {
        ...versionSummary(version, where),
        status: version.status,
        title: version.title,
        inEffectUntil: version.inEffectUntil ?? null,
        anchors: (found?.anchors ?? []).map(({ id, text, depth }) => ({ id, text, depth })),
        formerAnchors: found?.former ?? {},
      };
    }),
  };
}

/**
 * Build `/api/<former-id>.json`, the old address of a renamed document's index: the same index as
 * `/api/<id>.json` (so an app that still reads the old address keeps working) with `movedTo`, the
 * absolute URL of the new address, to update to. A static host can send no HTTP redirect, and a
 * JSON body that only said where to go would break every app that reads it.
 *
 * @param index The document's index (documentIndex).
 * @param where Origin, base and as-of date.
 * @returns `{ $schema, schemaVersion, asOf, movedTo, ...the rest of the index }`.
 */
export function movedDocumentIndex(index: ApiDocumentIndex, where: ApiSite): ApiDocumentIndex {
  const { $schema, schemaVersion, asOf, ...rest } = index;
  return { $schema, schemaVersion, asOf, movedTo: new URL(withBase(where.base, `/api/${index.id}.json`), where.site).href, ...rest };
}

function deepLinksOf(document: Document, links: readonly ResolvedDeepLink[], where: ApiSite): ApiDeepLink[] {
  const url = (path: string) => new URL(path, where.site).href;
  return links
    .filter((link) => link.document === document.id)
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((link) => ({ key: link.key, anchor: link.anchor ?? null, title: link.label, url: url(withBase(where.base, `/go/${link.key}/`)), target: url(link.url) }));
}

function versionSummary(version: Version, where: ApiSite): ApiVersionSummary {
  const url = (path: string) => new URL(path, where.site).href;
  return {
    effective: version.effective,
    lastUpdated: version.lastUpdated ?? null,
    published: version.published ?? null,
    material: version.material,
    summary: version.summary ?? null,
    url: url(version.url),
    changesUrl: version.previous ? url(withBase(where.base, changesPath(version.document, version.effective))) : null,
    corrections: version.corrections.map((c) => ({ date: c.date, reason: c.reason, redlineUrl: c.redlineUrl === undefined ? null : url(c.redlineUrl) })),
  };
}
