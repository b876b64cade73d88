/** `/api/<document>.json`: every version of one document with its dates, status, URLs and anchors (issue 5; README "Feeds and JSON API"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, getVersionAnchors, settings } from '../../data/legal.ts';
import { documentIndex } from '../../lib/site/api-index.ts';
import type { Document } from '../../lib/site/site-model.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).map((document) => ({ params: { document: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document } = props as { document: Document };
  const anchors = new Map(await Promise.all(document.versions.map(async (v) => [v.effective, await getVersionAnchors(v)] as const)));
  return new Response(`${JSON.stringify(documentIndex(document, anchors, settings), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
