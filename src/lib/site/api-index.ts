/**
 * The JSON index for apps (issue 5): `/api/documents.json` lists the documents with their current
 * and upcoming versions and deep-link keys; `/api/<document>.json` lists every version of one
 * document with its anchors. Shapes are documented in the README ("Feeds and JSON API"); a
 * breaking change raises `schemaVersion`.
 */
import type { CivilDate } from '../dates.ts';
import type { FormerAnchors } from '../content/anchors.ts';
import type { ResolvedDeepLink } from './deep-links.ts';
import type { Document, Version } from './site-model.ts';
import type { VersionStatus } from './timeline.ts';
import { changesPath, withBase } from './urls.ts';

/** Version of the JSON shapes below; raised on any change that could break an app. */
export const apiSchemaVersion = 1;

/** Where the site lives, to make absolute URLs. */
export interface ApiSite {
  /** Origin, e.g. `https://legal.prodsmart.com`. */
  site: string;
  /** Base path, `/` or `/legal/`. */
  base: string;
  /** The build's as-of date, `YYYY-MM-DD`. */
  asOf: CivilDate;
}

/** A version in `/api/documents.json`. */
export interface ApiVersionSummary {
  effective: CivilDate;
  /** Date of the latest change to the text; `null` for an upcoming version (last updated is never later than the as-of date). */
  lastUpdated: CivilDate | null;
  /** Publication date for notice, or `null` when not recorded. */
  published: CivilDate | null;
  /** Whether the version is a material change; `false` for a document's first version (no change). */
  material: boolean;
  summary: string | null;
  url: string;
  /** `/<document>/<date>/changes/`, or `null` for a document's first version. */
  changesUrl: string | null;
  /** Corrections made after publication, oldest first. */
  corrections: ApiCorrection[];
}

/** A correction in the API. */
export interface ApiCorrection {
  /** `YYYY-MM-DD`. */
  date: CivilDate;
  reason: string;
  /** Absolute URL of its redline (`/<document>/<date>/corrections/#correction-<n>`); `null` for one recorded without its edits. */
  redlineUrl: string | null;
}

/** A document in `/api/documents.json`. */
export interface ApiDocument {
  id: string;
  title: string;
  kind: Document['kind'];
  parent: string | null;
  description: string;
  /**
   * Ids the document had before it was renamed, newest first (documents.yaml `formerIds`; empty
   * when never renamed): map an id an app stored to the document's id now. `/api/<former-id>.json`
   * still answers, with `movedTo`.
   */
  formerIds: string[];
  /** Always shows the current version. */
  url: string;
  historyUrl: string;
  feedUrl: string;
  /** `/api/<document>.json`. */
  detailUrl: string;
  current: ApiVersionSummary | null;
  upcoming: ApiVersionSummary[];
  deepLinks: { key: string; anchor: string | null; url: string; target: string }[];
}

/** A section anchor of a version. */
export interface ApiAnchor {
  id: string;
  text: string;
  depth: number;
}

/** A version in `/api/<document>.json`. */
export interface ApiVersion extends ApiVersionSummary {
  status: VersionStatus;
  title: string;
  /** Last day in effect, or `null` while no later version exists. */
  inEffectUntil: CivilDate | null;
  anchors: ApiAnchor[];
  /** Former anchors still accepted: old id -> current id. */
  formerAnchors: FormerAnchors;
}

/**
 * Build `/api/documents.json`.
 *
 * @param documents Documents of the site model, in registry order (kept).
 * @param links Resolved deep links (any order; each document's are sorted by key).
 * @param where Origin, base and as-of date.
 */
export function documentsIndex(documents: readonly Document[], links: readonly ResolvedDeepLink[], where: ApiSite) {
  const url = (path: string) => new URL(path, where.site).href;
  return {
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
      deepLinks: links
        .filter((link) => link.document === document.id)
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .map((link) => ({ key: link.key, anchor: link.anchor ?? null, url: url(withBase(where.base, `/go/${link.key}/`)), target: url(link.url) })),
    })),
  };
}

/**
 * Build `/api/<document>.json`.
 *
 * @param document A document of the site model.
 * @param anchorsOf Anchors and former anchors of each version, by effective date.
 * @param where Origin, base and as-of date.
 * @returns Every version, newest first, with its anchors.
 */
export function documentIndex(document: Document, anchorsOf: ReadonlyMap<CivilDate, { anchors: ApiAnchor[]; former: FormerAnchors }>, where: ApiSite) {
  const url = (path: string) => new URL(path, where.site).href;
  return {
    schemaVersion: apiSchemaVersion,
    asOf: where.asOf,
    id: document.id,
    title: document.title,
    kind: document.kind,
    parent: document.parent ?? null,
    formerIds: [...(document.formerIds ?? [])],
    url: url(document.url),
    historyUrl: url(document.historyUrl),
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
 * @returns `{ schemaVersion, asOf, movedTo, ...the rest of the index }`.
 */
export function movedDocumentIndex(index: ReturnType<typeof documentIndex>, where: ApiSite) {
  const { schemaVersion, asOf, ...rest } = index;
  return { schemaVersion, asOf, movedTo: new URL(withBase(where.base, `/api/${index.id}.json`), where.site).href, ...rest };
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
