/**
 * What the search index holds for a version's text: whether a page's copy of it is indexed, and the
 * Pagefind filters and metadata it carries (README "Search").
 *
 * Each version is indexed once. The version `/<document>/` shows (the current one, or the first
 * upcoming one when none is in effect) is indexed at `/<document>/` only; its own page
 * `/<document>/<date>/` is left out, so a section never gives two results. Every other version is
 * indexed at `/<document>/<date>/`.
 *
 * Filter and metadata values go into attributes (`key[data-attribute]`), never into element text:
 * Astro's compressHTML glues adjacent inline elements, and an attribute keeps commas and spaces intact.
 */
import type { Document, Version } from './site-model.ts';

/**
 * Pagefind weight of an archived version's text (normal text is 1; Pagefind ranks on a quadratic
 * scale, so 0.7 makes a match worth about half as much).
 */
export const archivedWeight = 0.7;

/** Pagefind filter keys, as the search page queries them. */
export const searchFilterKeys = ['document', 'kind', 'status'] as const;

/**
 * Pagefind sort key that orders a document's versions for search results (src/lib/site/search-order.ts):
 * the search page sorts one document's results by it with `pagefind.search(term, { sort: { version: 'asc' } })`.
 */
export const versionSortKey = 'version';

/**
 * Where a version comes among its document's results: the version `/<document>/` shows (the one in force)
 * first, then the upcoming ones, soonest first, then the archived ones, newest first.
 *
 * @param document The version's document.
 * @param version One of its versions.
 * @returns 0 for the shown version, then 1, 2, … (an integer, so Pagefind sorts the key numerically: it
 *   does when every value of a key is a number, see https://pagefind.app/docs/sorts/#notes).
 * @throws Error when the version is not one of the document's.
 */
export function versionRank(document: Document, version: Version): number {
  const upcoming = document.upcoming.filter((v) => v.effective !== document.shown.effective);
  const archived = document.versions.filter((v) => v.status === 'archived');
  const order = [document.shown, ...upcoming, ...archived];
  const rank = order.findIndex((v) => v.effective === version.effective);
  if (rank === -1) throw new Error(`Version ${version.effective} is not a version of ${document.id}.`);
  return rank;
}

/**
 * Whether a page's copy of a version's text goes into the search index.
 *
 * @param document The version's document.
 * @param version The version the page shows.
 * @param page `document` for `/<document>/`, `version` for `/<document>/<YYYY-MM-DD>/`.
 * @returns `true` when the page must carry `data-pagefind-body`.
 */
export function isIndexedPage(document: Document, version: Version, page: 'document' | 'version'): boolean {
  const shown = version.effective === document.shown.effective;
  return page === 'document' ? shown : !shown;
}

/**
 * The attributes that put a version's text into the index with its filters and metadata; spread
 * them on the element that holds the text.
 *
 * @param document The version's document.
 * @param version The version.
 * @returns Attributes: `data-pagefind-body`, `data-pagefind-filter` (document id, document kind,
 *   status `current` | `archived` | `upcoming`), `data-pagefind-meta` (title, effective `YYYY-MM-DD`),
 *   and the `data-search-*` attributes those two read their values from. Status is a filter only,
 *   not metadata: metadata is searched, and "current" or "archived" must not match every page.
 *   Results carry their filters, so the search page still reads a result's status. The sort key
 *   `version` (`data-pagefind-sort`, from `data-search-rank`: `versionRank`) lets the search page put
 *   the version in force first among its document's results. Archived versions also get
 *   `data-pagefind-weight` (see `archivedWeight`).
 */
export function searchAttributes(document: Document, version: Version): Record<string, string> {
  return {
    'data-pagefind-body': '',
    'data-pagefind-filter': 'document[data-search-document], kind[data-search-kind], status[data-search-status]',
    'data-pagefind-meta': 'title[data-search-title], effective[data-search-effective]',
    'data-search-document': document.id,
    'data-search-kind': document.kind,
    'data-search-status': version.status,
    'data-search-title': version.title,
    'data-search-effective': version.effective,
    'data-pagefind-sort': `${versionSortKey}[data-search-rank]`,
    'data-search-rank': String(versionRank(document, version)),
    // Archived text ranks below the same words in force: with archived versions included, the current text comes first.
    ...(version.status === 'archived' ? { 'data-pagefind-weight': String(archivedWeight) } : {}),
  };
}
