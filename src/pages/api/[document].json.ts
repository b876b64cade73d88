/**
 * `/api/<document>.json`: every version of one document with its dates, status, URLs and anchors, and the
 * document's deep links (issue 5; README "Feeds and JSON API"), checked against its schema
 * (src/lib/site/api-schema.ts) before it is written. A renamed document's index is also written at
 * `/api/<former-id>.json` for each former id, with `movedTo` naming the new address (movedDocumentIndex).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, getResolvedDeepLinks, getVersionAnchors, settings } from '../../data/legal.ts';
import { documentIndex, movedDocumentIndex } from '../../lib/site/api-index.ts';
import { apiDocumentIndexSchema } from '../../lib/site/api-schema.ts';
import type { Document } from '../../lib/site/site-model.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).flatMap((document) => [
    { params: { document: document.id }, props: { document, moved: false } },
    ...(document.formerIds ?? []).map((id) => ({ params: { document: id }, props: { document, moved: true } })),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document, moved } = props as { document: Document; moved: boolean };
  const anchors = new Map(await Promise.all(document.versions.map(async (v) => [v.effective, await getVersionAnchors(v)] as const)));
  const index = documentIndex(document, anchors, await getResolvedDeepLinks(), settings);
  const checked = apiDocumentIndexSchema.parse(moved ? movedDocumentIndex(index, settings) : index);
  return new Response(`${JSON.stringify(checked, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
