/**
 * The old addresses of renamed documents (issue 13, "Deep links"): a document that lists
 * `formerIds` in documents.yaml keeps every URL it had under each former id. Pages answer with a
 * redirect page (`src/pages/[...moved].astro`: `<meta http-equiv="refresh">`, canonical link to the
 * new URL, a visible link, `noindex`, and a same-origin script that carries the query string and
 * fragment over); data files (`feed.xml`, `/api/<id>.json`, `blocks.json`) are written again at the
 * old address, since a static host can send no HTTP redirect and a reader or app cannot follow a
 * page. See docs/decisions/0011-former-document-ids.md.
 *
 * The set of pages follows the routes under src/pages/[document]/: a page exists at the old
 * address exactly when it exists at the new one (test/build/former-ids.test.ts checks both ways).
 */
import { formatDate } from '../dates.ts';
import type { Document } from './site-model.ts';
import { changesPath, comparePath, correctionsPath, documentPath, historyPath, versionPath, withBase } from './urls.ts';

/** One old address of a page and where it went. */
export interface MovedPage {
  /** The old path relative to the base, without its leading slash, e.g. `terms/2023-06-01/changes/`
   * (the `[...moved]` route's parameter, which Astro writes as `terms/2023-06-01/changes/index.html`). */
  param: string;
  /** The old path with the base, e.g. `/legal/terms/2023-06-01/changes/`. */
  from: string;
  /** The new path with the base, e.g. `/legal/terms-of-use/2023-06-01/changes/`. */
  to: string;
  /** The former id in the old path, e.g. `terms`. */
  formerId: string;
  /** The document's current id and title. */
  document: string;
  documentTitle: string;
  /** What the page shows, for its heading: `Terms of Use: changes in the version effective June 1, 2023`. */
  title: string;
}

/**
 * Every old address of every page of every renamed document.
 *
 * @param documents Documents of the site model (each with its `formerIds`, newest first).
 * @param base Base path of the site, `/` or `/legal/`.
 * @returns One entry per former id and page, in document order, then former id, then page
 *   (`/<old>/`, history, compare, then each version newest first with its changes and corrections).
 */
export function movedPages(documents: readonly Document[], base: string): MovedPage[] {
  const pages: MovedPage[] = [];
  for (const document of documents) {
    for (const formerId of document.formerIds ?? []) {
      const add = (path: (id: string) => string, title: string) => {
        const from = path(formerId);
        pages.push({ param: from.slice(1, -1), from: withBase(base, from), to: withBase(base, path(document.id)), formerId, document: document.id, documentTitle: document.title, title });
      };
      add(documentPath, document.title);
      add(historyPath, `${document.title}: version history`);
      // The compare page exists for documents with two versions or more (src/pages/[document]/compare.astro).
      if (document.versions.length > 1) add(comparePath, `Compare versions of ${document.title}`);
      for (const version of document.versions) {
        const date = formatDate(version.effective);
        add((id) => versionPath(id, version.effective), `${version.title}, version effective ${date}`);
        // Changes pages exist for every version but the first (src/data/diffs.ts getChanges); corrections pages for corrected versions.
        if (version.previous !== undefined) add((id) => changesPath(id, version.effective), `Changes to ${version.title} effective ${date}`);
        if (version.corrections.length > 0) add((id) => correctionsPath(id, version.effective), `Corrections of ${version.title} effective ${date}`);
      }
    }
  }
  return pages;
}

/**
 * The id a document was first published under: the last of its `formerIds` (listed newest first),
 * else its id. Atom ids are minted from it (src/lib/site/feeds.ts), so they survive any rename.
 *
 * @param document A registry entry or document of the site model.
 */
export function firstIdOf(document: { id: string; formerIds?: readonly string[] | undefined }): string {
  return document.formerIds?.at(-1) ?? document.id;
}
