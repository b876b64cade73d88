/** `/feed.xml`: Atom feed of every version of every document (issue 5). */
import type { APIRoute } from 'astro';
import { getDocuments, settings } from '../data/legal.ts';
import { atomFeed } from '../lib/site/feeds.ts';
import { withBase } from '../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const absolute = (path: string) => new URL(withBase(settings.base, path), settings.site).href;
  const xml = atomFeed(await getDocuments(), {
    title: `${settings.company} Legal Centre: new versions`,
    subtitle: `Every version of ${settings.company}'s privacy statement, terms and notices, including upcoming ones.`,
    selfUrl: absolute('/feed.xml'),
    pageUrl: absolute('/'),
    company: settings.company,
    site: settings.site,
    base: settings.base,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
