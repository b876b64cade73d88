/**
 * `/api/documents.json`: every document with its current and upcoming versions and deep links (issue 5; README
 * "Feeds and JSON API"), checked against its schema (src/lib/site/api-schema.ts) before it is written.
 */
import type { APIRoute } from 'astro';
import { getDocuments, getResolvedDeepLinks, settings } from '../../data/legal.ts';
import { documentsIndex } from '../../lib/site/api-index.ts';
import { apiDocumentsIndexSchema } from '../../lib/site/api-schema.ts';

export const GET: APIRoute = async () => {
  const index = apiDocumentsIndexSchema.parse(documentsIndex(await getDocuments(), await getResolvedDeepLinks(), settings));
  return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
