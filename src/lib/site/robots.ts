/**
 * `robots.txt` (RFC 9309): every crawler may read every page; `/go/` redirects carry `noindex`
 * instead of a `Disallow`, because a crawler must fetch a page to see its `noindex`.
 */

/**
 * @param site Origin, e.g. `https://legal.prodsmart.com`.
 * @param base Base path, `/` or `/legal/`.
 * @returns The file's text, with the absolute URL of `sitemap-index.xml` (written by @astrojs/sitemap).
 */
export function robotsTxt(site: string, base: string): string {
  return `User-agent: *\nAllow: ${base}\n\nSitemap: ${new URL(`${base}sitemap-index.xml`, site).href}\n`;
}
