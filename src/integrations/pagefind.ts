/**
 * Astro integration that builds the Pagefind search index once the site is written: it indexes the
 * built pages (only the elements marked `data-pagefind-body`, see src/lib/search-index.ts) and writes
 * the index and Pagefind's browser code to `<outDir>/pagefind/`, so the site serves search from its
 * own origin. Runs inside `npm run build` (the staging folder of scripts/build.ts); `astro dev` has no
 * index, and the search page says so.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Folder of the search bundle, relative to the site's base (`/legal/pagefind/` under base `/legal/`). */
export const searchBundleFolder = 'pagefind';

/**
 * @returns The integration; its `astro:build:done` hook throws Error listing Pagefind's messages when
 *   the index cannot be built or written, which fails the build.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'legal-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = join(site, searchBundleFolder);
        try {
          const created = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!created.index) throw new Error(created.errors.join('\n'));
          const added = await created.index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          if (added.page_count === 0) throw new Error('no page carries data-pagefind-body, so nothing was indexed');
          const written = await created.index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`Search index: ${added.page_count} pages indexed into ${outputPath}`);
        } catch (error) {
          throw new Error(`Pagefind could not build the search index in ${outputPath}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
