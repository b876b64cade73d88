/**
 * Build the Pagefind search index of a built site: index the pages (only the elements marked
 * `data-pagefind-body`, see src/lib/site/search-index.ts) and write the index and Pagefind's browser code
 * to `<site>/pagefind/`, so the site serves search from its own origin.
 *
 * Called by the pagefind integration at the end of `astro build`, or, in `npm run build`, by
 * scripts/build.ts once Astro has exited, so Pagefind's indexer does not hold its memory at the same
 * time as Astro's (LEGAL_SEARCH_INDEX=after-build).
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Folder of the search bundle, relative to the site's base (`/legal/pagefind/` under base `/legal/`). */
export const searchBundleFolder = 'pagefind';

/** The pages that can carry `data-pagefind-body`, relative to the site folder (Pagefind's glob syntax). */
export const INDEXED_PAGES = '{*/index.html,*/*/index.html}';

/**
 * Index a built site.
 *
 * @param site Folder of the built site.
 * @returns Number of pages indexed and the folder the index was written to.
 * @throws Error listing Pagefind's messages when the index cannot be built or written, or when no
 *   page carries `data-pagefind-body`.
 */
export async function writeSearchIndex(site: string): Promise<{ pages: number; outputPath: string }> {
  const outputPath = join(site, searchBundleFolder);
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!created.index) throw new Error(created.errors.join('\n'));
    // Only a version's text is indexed, at `/<document>/` and `/<document>/<date>/` (README "URLs"): Pagefind
    // need not read the other pages (changes pages alone are half the site's bytes).
    const added = await created.index.addDirectory({ path: site, glob: INDEXED_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    if (added.page_count === 0) throw new Error('no page carries data-pagefind-body, so nothing was indexed');
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return { pages: added.page_count, outputPath };
  } catch (error) {
    throw new Error(`Pagefind could not build the search index in ${outputPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
