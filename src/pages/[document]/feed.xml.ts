/**
 * `/<document>/feed.xml`: Atom feed of every version of one document (issue 5). A renamed document's
 * feed is also written, the same bytes, at `/<former-id>/feed.xml` for each of its former ids: a
 * static host sends no redirect, and a feed reader follows none from a page, so old subscriptions
 * keep receiving entries; the feed's `rel="self"` link names the new URL (RFC 4287 §4.2.7.2), and its
 * id and entry ids stay those minted under the first id (src/lib/site/feeds.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, settings } from '../../data/legal.ts';
import { atomFeed } from '../../lib/site/feeds.ts';
import { firstIdOf } from '../../lib/site/moved-pages.ts';
import type { Document } from '../../lib/site/site-model.ts';
import { withBase } from '../../lib/site/urls.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).flatMap((document) =>
    [document.id, ...(document.formerIds ?? [])].map((id) => ({ params: { document: id }, props: { document } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { document } = props as { document: Document };
  const feedUrl = (id: string) => new URL(withBase(settings.base, `/${id}/feed.xml`), settings.site).href;
  const xml = atomFeed([document], {
    title: `${document.title}: new versions`,
    subtitle: `Every version of ${settings.company}'s ${document.title}, including upcoming ones.`,
    selfUrl: feedUrl(document.id),
    id: feedUrl(firstIdOf(document)),
    pageUrl: new URL(document.url, settings.site).href,
    company: settings.company,
    site: settings.site,
    base: settings.base,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
