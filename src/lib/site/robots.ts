/**
 * `robots.txt` (RFC 9309): every crawler may read every page; `/go/` redirects carry `noindex`
 * instead of a `Disallow`, because a crawler must fetch a page to see its `noindex`.
 *
 * Crawlers read only `/robots.txt` at the root of the origin (RFC 9309 §2.3: "the rules MUST be accessible in
 * a file named `/robots.txt` ... in the top-level path of the service"). A site built under a base path such
 * as `/legal/` has no say over the root, so it writes no robots.txt at all: one at `/legal/robots.txt` would
 * be read by no crawler, and `Allow: /legal/` would suggest a rule that is not in force.
 */

/** What the build does about robots.txt: the file's text, or why it writes none. */
export type RobotsPlan = { text: string } | { skipped: string };

/**
 * @param site Origin, e.g. `https://legal.prodsmart.com`.
 * @param base Base path, `/` or `/legal/`.
 * @returns At base `/`: `text`, the file's text, with the absolute URL of `sitemap-index.xml` (written by
 *   @astrojs/sitemap). Under any other base: `skipped`, the build-time message saying that crawlers look only
 *   at the origin's root and which `Sitemap:` line to add to the robots.txt there.
 */
export function robotsPlan(site: string, base: string): RobotsPlan {
  const sitemap = new URL(`${base}sitemap-index.xml`, site).href;
  if (base === '/') return { text: `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n` };
  const root = new URL('/robots.txt', site).href;
  return {
    skipped:
      `robots.txt not written: the site is built under the base path ${base}, and crawlers read only ${root} at the root of the origin (RFC 9309 §2.3), ` +
      `which this build does not own. To point search engines at the sitemap, add this line to ${root}: Sitemap: ${sitemap}`,
  };
}
