/**
 * The JSON API's contract (issue 16, "Apps"): zod schemas of `/api/documents.json` and
 * `/api/<document>.json`, the types the builders in api-index.ts return (inferred from them), and
 * the JSON Schemas published at `/api/schema/<name>.json` (made with zod 4's `z.toJSONSchema()`,
 * draft 2020-12). Objects are strict: a field the schema does not name is an error, so the
 * published schema and the files cannot drift apart without a test failing. A change that could
 * break an app raises `apiSchemaVersion`; a new field does not.
 */
import { z } from 'zod';
import { isCivilDate } from '../dates.ts';
import { documentKinds } from '../content/schemas.ts';

/** Version of the JSON shapes below; raised on any change that could break an app. */
export const apiSchemaVersion = 1;

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCivilDate).meta({ description: 'A civil date, YYYY-MM-DD.' });
const absoluteUrl = z.url().meta({ description: 'An absolute URL.' });

/** A correction made after publication. */
export const apiCorrectionSchema = z.strictObject({
  date: civilDate,
  reason: z.string(),
  redlineUrl: absoluteUrl.nullable().meta({ description: 'Its redline (`/<document>/<date>/corrections/#correction-<n>`); null for one recorded without its edits.' }),
});

/** A version as `/api/documents.json` lists it (`current`, `upcoming[]`). */
export const apiVersionSummarySchema = z.strictObject({
  effective: civilDate,
  lastUpdated: civilDate.nullable().meta({ description: 'Date of the latest change to the text; null for an upcoming version (never later than asOf).' }),
  published: civilDate.nullable().meta({ description: 'Publication date for notice; null when not recorded.' }),
  material: z.boolean().meta({ description: "Whether the version is a material change; false for a document's first version." }),
  summary: z.string().nullable(),
  url: absoluteUrl,
  changesUrl: absoluteUrl.nullable().meta({ description: "`/<document>/<date>/changes/`; null for a document's first version." }),
  corrections: z.array(apiCorrectionSchema).meta({ description: 'Oldest first.' }),
});

/** A deep link of `links.yaml` that points into a document. */
export const apiDeepLinkSchema = z.strictObject({
  key: z.string(),
  anchor: z.string().nullable().meta({ description: 'The anchor it lands on; null for the top of the document.' }),
  title: z.string().meta({ description: "The section's heading text, or the document's title for the top." }),
  url: absoluteUrl.meta({ description: '`/go/<key>/`, the address an app should link to.' }),
  target: absoluteUrl.meta({ description: 'Where `/go/<key>/` leads today.' }),
});

/** A section anchor of a version. */
export const apiAnchorSchema = z.strictObject({ id: z.string(), text: z.string(), depth: z.int().min(1).max(6) });

const documentFields = {
  $schema: absoluteUrl.meta({ description: 'The JSON Schema this file validates against.' }),
  schemaVersion: z.literal(apiSchemaVersion),
  asOf: civilDate.meta({ description: "The build's as-of date." }),
};

/** A document as `/api/documents.json` lists it. */
export const apiDocumentSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  kind: z.enum(documentKinds),
  parent: z.string().nullable().meta({ description: 'For a supplemental notice: the id of the document it supplements.' }),
  description: z.string(),
  formerIds: z.array(z.string()).meta({ description: 'Ids the document had before it was renamed, newest first.' }),
  url: absoluteUrl.meta({ description: 'Always shows the current version.' }),
  historyUrl: absoluteUrl,
  feedUrl: absoluteUrl,
  detailUrl: absoluteUrl.meta({ description: '`/api/<document>.json`.' }),
  current: apiVersionSummarySchema.nullable(),
  upcoming: z.array(apiVersionSummarySchema).meta({ description: 'Soonest first.' }),
  deepLinks: z.array(apiDeepLinkSchema).meta({ description: 'Sorted by key.' }),
});

/** `/api/documents.json`. */
export const apiDocumentsIndexSchema = z.strictObject({ ...documentFields, documents: z.array(apiDocumentSchema).meta({ description: 'Registry order.' }) });

/** A version as `/api/<document>.json` lists it. */
export const apiVersionSchema = z.strictObject({
  ...apiVersionSummarySchema.shape,
  status: z.enum(['current', 'archived', 'upcoming']).meta({ description: 'At asOf.' }),
  title: z.string(),
  inEffectUntil: civilDate.nullable().meta({ description: 'Last day in effect; null while no later version exists.' }),
  anchors: z.array(apiAnchorSchema),
  formerAnchors: z.record(z.string(), z.string()).meta({ description: 'Former anchors still accepted: old id -> current id.' }),
});

/** `/api/<document>.json` (and `/api/<former-id>.json`, which adds `movedTo`). */
export const apiDocumentIndexSchema = z.strictObject({
  ...documentFields,
  movedTo: absoluteUrl.optional().meta({ description: "Only at a renamed document's former id: the index's address now." }),
  ...apiDocumentSchema.omit({ current: true, upcoming: true, detailUrl: true }).shape,
  versions: z.array(apiVersionSchema).meta({ description: 'Newest first.' }),
});

export type ApiCorrection = z.infer<typeof apiCorrectionSchema>;
export type ApiVersionSummary = z.infer<typeof apiVersionSummarySchema>;
export type ApiDeepLink = z.infer<typeof apiDeepLinkSchema>;
export type ApiAnchor = z.infer<typeof apiAnchorSchema>;
export type ApiDocument = z.infer<typeof apiDocumentSchema>;
export type ApiDocumentsIndex = z.infer<typeof apiDocumentsIndexSchema>;
export type ApiVersion = z.infer<typeof apiVersionSchema>;
export type ApiDocumentIndex = z.infer<typeof apiDocumentIndexSchema>;

/** The published schemas, by the name in `/api/schema/<name>.json`. */
export const apiSchemas = { documents: apiDocumentsIndexSchema, document: apiDocumentIndexSchema } as const;
export type ApiSchemaName = keyof typeof apiSchemas;

/**
 * The JSON Schema (draft 2020-12) of one API file, as published at `/api/schema/<name>.json`.
 *
 * @param name `documents` (for `/api/documents.json`) or `document` (for `/api/<document>.json`).
 * @param id The schema's own absolute URL, printed as `$id`.
 * @returns The schema object (zod's `z.toJSONSchema`, `io: 'output'`: what the files contain).
 */
export function apiJsonSchema(name: ApiSchemaName, id: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(apiSchemas[name], { target: 'draft-2020-12', io: 'output' });
  return { $schema, $id: id, title: name === 'documents' ? 'Legal centre: /api/documents.json' : 'Legal centre: /api/<document>.json', ...rest };
}
