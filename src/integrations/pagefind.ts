/**
 * Astro integration that builds the Pagefind search index once the site is written: it indexes the
 * built pages (only the elements marked `data-pagefind-body`, see src/lib/site/search-index.ts) and writes
 * the index and Pagefind's browser code to `<outDir>/pagefind/`, so the site serves search from its
 * own origin. Runs inside `npm run build` (the staging folder of scripts/build.ts); `astro dev` has no
 * index, and the search page says so.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { searchBundleFolder, writeSearchIndex } from '../node/write-search-index.ts';

export { searchBundleFolder };

/**
 * @returns The integration; its `astro:build:done` hook throws Error listing Pagefind's messages when
 *   the index cannot be built or written, which fails the build.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'legal-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // scripts/build.ts indexes the site itself once Astro has exited (src/node/write-search-index.ts).
        if (process.env.LEGAL_SEARCH_INDEX === 'after-build') return;
        const { pages, outputPath } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`Search index: ${pages} pages indexed into ${outputPath}`);
      },
    },
  };
}
