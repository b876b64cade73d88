/**
 * Browser script for the old address of a renamed document's page (src/pages/[...moved].astro):
 * go to the new address with the query string and fragment of the old one, which the page's
 * `<meta http-equiv="refresh">` drops (`/old/compare/?from=…&to=…#change-3`, `/old/2024-03-01/#contact-us`).
 * Runs before the refresh does (module scripts run before the load event, which the refresh
 * waits for). The target is the page's own link (`data-moved-target`), a path on this site; the
 * query and fragment are appended to it, so they can never change where the browser goes.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-moved-target]');
if (link) {
  const target = new URL(link.getAttribute('href') ?? '', location.href);
  if (target.origin === location.origin) location.replace(`${target.pathname}${location.search}${location.hash}`);
}
