/**
 * The sitemap (issue 5): `@astrojs/sitemap` lists every built page; this wrapper leaves out the
 * `/go/` redirects, the old addresses of renamed documents (`formerIds`) and the search page and sets each page's `lastmod` from version dates
 * (src/lib/site/sitemap-dates.ts). Writes `sitemap-index.xml` (see `robots.txt`) and `sitemap-0.xml`.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { buildSiteModel } from '../lib/site/site-model.ts';
import { sitemapDates } from '../lib/site/sitemap-dates.ts';
import { readSiteInputs } from '../node/read-site-inputs.ts';
import type { Settings } from '../settings.ts';

/**
 * @param settings The build's settings (content folder, as-of date, site, base).
 * @returns The sitemap integration; when the content cannot be read, pages get no `lastmod`
 *   (the content-check integration reports the problem and stops the build).
 */
export function legalSitemap(settings: Settings): AstroIntegration {
  let dates = new Map<string, string>();
  let formerIds: string[] = [];
  try {
    // Frontmatter only: a full content check here parsed every version's text a second time.
    const { documents, versions } = readSiteInputs(settings);
    dates = sitemapDates(buildSiteModel(documents, versions, settings.asOf, settings.base), settings.site, settings.base);
    formerIds = documents.flatMap((document) => document.formerIds ?? []);
  } catch {
    // Leave dates empty: the content check fails the build with a clear message first.
  }
  // The old addresses of renamed documents (former ids) are redirects, like `/go/`.
  const skipped = [`${settings.base}go/`, `${settings.base}search/`, ...formerIds.map((id) => `${settings.base}${id}/`)];
  return sitemap({
    filter: (page) => !skipped.some((prefix) => new URL(page).pathname.startsWith(prefix)),
    serialize: (item) => ({ ...item, lastmod: dates.get(item.url) }),
  });
}
