/**
 * `/api/schema/documents.json` and `/api/schema/document.json`: the JSON Schemas (draft 2020-12) of the API's
 * files, made from their zod schemas (src/lib/site/api-schema.ts) and named by each file's `$schema` (issue 16).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../../../data/legal.ts';
import { apiSchemaUrl } from '../../../lib/site/api-index.ts';
import { apiJsonSchema, apiSchemas, type ApiSchemaName } from '../../../lib/site/api-schema.ts';

export const getStaticPaths = (() => Object.keys(apiSchemas).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as ApiSchemaName;
  const schema = apiJsonSchema(name, apiSchemaUrl(name, settings));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
