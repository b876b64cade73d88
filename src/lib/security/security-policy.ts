/**
 * The site's own security policy: the Content-Security-Policy every page carries (as a `<meta>`)
 * and the HTTP headers written to `_headers` for hosts that read one (Netlify, Cloudflare Pages).
 *
 * The site loads nothing from other origins and runs no inline code: Astro is configured never to
 * inline scripts or stylesheets (astro.config.mjs: `build.inlineStylesheets: 'never'`,
 * `vite.build.assetsInlineLimit: 0`), so `'self'` covers every script and style, and neither
 * `'unsafe-inline'` nor hashes are needed. See docs/decisions/0008-site-security-policy.md.
 */

/** One CSP directive: name and source list, e.g. `['script-src', ["'self'"]]`. */
export type Directive = readonly [name: string, sources: readonly string[]];

/**
 * The directives every page gets, in the order they are printed.
 * Source: CSP Level 3 (https://www.w3.org/TR/CSP3/). `'wasm-unsafe-eval'` lets Pagefind compile its
 * WebAssembly search index (it allows `WebAssembly.compile`, not JavaScript `eval`).
 */
export const pageDirectives: readonly Directive[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/**
 * Directives that only work as an HTTP header: browsers ignore `frame-ancestors` in a `<meta>` policy.
 * Source: CSP3 §6.4.2 ("not supported in the meta element").
 */
export const headerOnlyDirectives: readonly Directive[] = [['frame-ancestors', ["'none'"]]];

/** The referrer policy; Base.astro prints the same value as `<meta name="referrer">`. */
export const referrerPolicy = 'strict-origin-when-cross-origin';

/**
 * Format directives as a policy string.
 *
 * @param directives Name and sources of each directive.
 * @returns `default-src 'self'; script-src 'self' ...` (directives joined with `; `).
 */
export function formatPolicy(directives: readonly Directive[]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy for the `<meta http-equiv="Content-Security-Policy">` of every page. */
export const metaPolicy: string = formatPolicy(pageDirectives);

/**
 * The directives of the editor's preview (`astro dev`) only, never of a built page: the page
 * directives with `'unsafe-inline'` added to `style-src`. In dev, Vite serves no stylesheet files:
 * it injects each stylesheet the page imports as an inline `<style data-vite-dev-id>` and replaces it
 * on every edit (hot module replacement), and its error overlay styles itself inline, so under the
 * site's policy the preview rendered unstyled. Scripts stay `'self'`: Vite's client and the page's
 * scripts are modules served by the dev server, and the dev toolbar, whose settings are an inline
 * script, is turned off (astro.config.mjs). Vite's hot-update WebSocket is same-origin, which
 * `connect-src 'self'` allows (CSP Level 3: `'self'` matches `ws:` and `wss:` on the page's own host and port).
 */
export const devPageDirectives: readonly Directive[] = pageDirectives.map(([name, sources]) => [name, name === 'style-src' ? [...sources, "'unsafe-inline'"] : sources] as const);

/**
 * The policy a page's `<meta>` carries.
 *
 * @param dev True only while `astro dev` renders the page (`import.meta.env.LEGAL_DEV_SERVER`,
 *   src/integrations/security-headers.ts).
 * @returns `metaPolicy` for every built page; the preview's own policy (`devPageDirectives`) in dev.
 */
export function pageMetaPolicy(dev: boolean): string {
  return dev ? formatPolicy(devPageDirectives) : metaPolicy;
}

/** The policy for the `Content-Security-Policy` HTTP header (the meta policy plus `frame-ancestors`). */
export const headerPolicy: string = formatPolicy([...pageDirectives, ...headerOnlyDirectives]);

/**
 * The response headers every file of the site should be served with.
 *
 * @returns Header name to value: Content-Security-Policy, Referrer-Policy, X-Content-Type-Options,
 *   X-Frame-Options (for browsers without `frame-ancestors`) and Permissions-Policy.
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy,
    'Referrer-Policy': referrerPolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
  };
}

/**
 * The headers the JSON API (`<base>api/*`) gets on top of `securityHeaders()`: `Access-Control-Allow-Origin: *`,
 * so that a browser app on any origin may `fetch()` the public, credential-free JSON (a simple GET: no
 * preflight, and no cookies are involved, so `*` exposes nothing a crawler could not read).
 * Source: Fetch Standard §3.2 (CORS protocol), https://fetch.spec.whatwg.org/#http-access-control-allow-origin.
 */
export const apiHeaders: Readonly<Record<string, string>> = { 'Access-Control-Allow-Origin': '*' };

/**
 * The text of a `_headers` file (Netlify / Cloudflare Pages format: a path pattern, then indented
 * `Name: value` lines; the headers of every rule a path matches are all sent). Source:
 * https://docs.netlify.com/routing/headers/ and https://developers.cloudflare.com/pages/configuration/headers/.
 *
 * @param base The base the site is served under (`/` or `/legal/`); the first rule covers everything below it,
 *   the second adds `apiHeaders` to `<base>api/*`.
 * @returns The file's text, ending with a newline.
 */
export function headersFile(base: string): string {
  const block = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n');
  return `# Security headers for every page of the legal centre (generated by the build; see src/lib/security/security-policy.ts).\n${base}*\n${block(securityHeaders())}\n# The JSON API may be read by browser apps on any origin.\n${base}api/*\n${block(apiHeaders)}\n`;
}
