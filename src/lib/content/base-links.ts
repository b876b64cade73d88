/**
 * Links and images in a version's text are written from the site's root (`/terms-of-use/`,
 * `/images/map.png`: content/README.md, checked by src/lib/check/rules/internal-links.ts). A site served
 * under a base (`LEGAL_BASE=/legal/`) needs them prefixed, or they lead out of the site. The
 * renderer (src/lib/content/version-html.ts) applies this to every `href` and `src` of the version's
 * one tree: Markdown links and images, links inside components, and raw HTML alike.
 */

/**
 * A URL written from the site's root, under the base.
 *
 * @param url As written in the text, e.g. `/terms-of-use/#acceptable-use`.
 * @param base `/` or `/legal/` (leading and trailing slash).
 * @returns E.g. `/legal/terms-of-use/#acceptable-use`; any other URL (`#x`, `https://…`, `//host/…`,
 *   `mailto:…`) unchanged.
 */
export function rebaseSiteUrl(url: string, base: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? base.replace(/\/$/, '') + url : url; // as withBase in src/lib/site/urls.ts
}
