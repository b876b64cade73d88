/** `/api/documents.json`: every document with its current and upcoming versions and deep links (issue 5; README "Feeds and JSON API"). */
import type { APIRoute } from 'astro';
import { getDocuments, getResolvedDeepLinks, settings } from '../../data/legal.ts';
import { documentsIndex } from '../../lib/site/api-index.ts';

export const GET: APIRoute = async () => {
  const index = documentsIndex(await getDocuments(), await getResolvedDeepLinks(), settings);
  return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
