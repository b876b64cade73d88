/** `/<document>/feed.xml`: Atom feed of every version of one document (issue 5). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, settings } from '../../data/legal.ts';
import { atomFeed } from '../../lib/site/feeds.ts';
import type { Document } from '../../lib/site/site-model.ts';
import { withBase } from '../../lib/site/urls.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).map((document) => ({ params: { document: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { document } = props as { document: Document };
  const xml = atomFeed([document], {
    title: `${document.title}: new versions`,
    subtitle: `Every version of ${settings.company}'s ${document.title}, including upcoming ones.`,
    selfUrl: new URL(withBase(settings.base, `/${document.id}/feed.xml`), settings.site).href,
    pageUrl: new URL(document.url, settings.site).href,
    company: settings.company,
    site: settings.site,
    base: settings.base,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
