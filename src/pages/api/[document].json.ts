/**
 * `/api/<document>.json`: every version of one document with its dates, status, URLs and anchors
 * (issue 5; README "Feeds and JSON API"). A renamed document's index is also written at
 * `/api/<former-id>.json` for each former id, with `movedTo` naming the new address (movedDocumentIndex).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, getVersionAnchors, settings } from '../../data/legal.ts';
import { documentIndex, movedDocumentIndex } from '../../lib/site/api-index.ts';
import type { Document } from '../../lib/site/site-model.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).flatMap((document) => [
    { params: { document: document.id }, props: { document, moved: false } },
    ...(document.formerIds ?? []).map((id) => ({ params: { document: id }, props: { document, moved: true } })),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document, moved } = props as { document: Document; moved: boolean };
  const anchors = new Map(await Promise.all(document.versions.map(async (v) => [v.effective, await getVersionAnchors(v)] as const)));
  const index = documentIndex(document, anchors, settings);
  return new Response(`${JSON.stringify(moved ? movedDocumentIndex(index, settings) : index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
