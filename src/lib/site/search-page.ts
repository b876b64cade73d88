/**
 * The search page's rules, shared by the page (src/pages/search.astro), its browser script
 * (src/scripts/search-page.ts) and tests: its address and query parameters, which versions a search
 * covers, and how a result names the version it comes from (README "Search").
 */
import { formatDate, isCivilDate } from '../dates.ts';

/** `/search/`: the search page, relative to the base. */
export const searchPath = '/search/';

/** Query parameter with the search terms: `/search/?q=california`. */
export const queryParam = 'q';

/** Query parameter that includes archived versions: `/search/?q=cookies&archived=1`. */
export const archivedParam = 'archived';

/** What a search asks for, as the URL carries it. */
export interface SearchState {
  /** The terms as typed; `''` when there are none. */
  query: string;
  /** Whether archived versions are searched too (by default only current and upcoming ones are). */
  includeArchived: boolean;
}

/**
 * Read a search from a URL's query string.
 *
 * @param search `location.search`, e.g. `?q=california&archived=1`.
 * @returns The state; `archived` counts as on for any value but `''` and `0`.
 */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const archived = params.get(archivedParam);
  return { query: params.get(queryParam) ?? '', includeArchived: archived !== null && archived !== '' && archived !== '0' };
}

/**
 * The query string for a search, so that a search can be linked to.
 *
 * @returns `?q=california&archived=1`, `?q=california`, or `''` when there is nothing to say.
 */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set(queryParam, state.query);
  if (state.includeArchived) params.set(archivedParam, '1');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The Pagefind filter for a search: current and upcoming versions, or every version.
 *
 * @returns A Pagefind filter object (`{ status: { any: [...] } }`, or `{}` for no filter).
 */
export function statusFilter(includeArchived: boolean): Record<string, unknown> {
  return includeArchived ? {} : { status: { any: ['current', 'upcoming'] } };
}

/**
 * How a result names its version, next to the document title, with its date: results for the text in
 * force are labelled too, since an upcoming version can rank above the current one.
 *
 * @param status `current`, `archived` or `upcoming` (the result's Pagefind filter `status`).
 * @param effective `YYYY-MM-DD` (metadata `effective`).
 * @returns `{ badge: 'Archived', dates: 'Version effective March 31, 2022' }`, or `undefined` for
 *   unknown values.
 */
export function versionLabel(status: string | undefined, effective: string | undefined): { badge: string; dates: string } | undefined {
  if (!effective || !isCivilDate(effective)) return undefined;
  if (status === 'archived') return { badge: 'Archived', dates: `Version effective ${formatDate(effective)}` };
  if (status === 'upcoming') return { badge: 'Upcoming', dates: `Version taking effect ${formatDate(effective)}` };
  if (status === 'current') return { badge: 'Current', dates: `Version in effect since ${formatDate(effective)}` };
  return undefined;
}
