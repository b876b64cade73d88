/**
 * `/<document>/<YYYY-MM-DD>/blocks.json`: a version's text as diff blocks (packed: src/lib/diff/pack.ts),
 * for the compare page, which diffs any two versions in the browser. One file per version keeps
 * the site linear in the number of versions. A renamed document's blocks are also written under
 * each former id (the same bytes: a compare page cached before the rename still reads them).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVersionBlocks } from '../../../data/diffs.ts';
import { packBlocks } from '../../../lib/diff/pack.ts';
import { getDocuments } from '../../../data/legal.ts';
import type { Version } from '../../../lib/site/site-model.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getDocuments()).flatMap((document) =>
    [document.id, ...(document.formerIds ?? [])].flatMap((id) =>
      document.versions.map((version) => ({ params: { document: id, date: version.effective }, props: { version } }))),
  );

export const GET: APIRoute = async ({ props }) => {
  const blocks = await getVersionBlocks((props as { version: Version }).version);
  return new Response(JSON.stringify(packBlocks(blocks)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
