/**
 * Content collections: the document registry and the versions. Validation lives in src/lib
 * (run before the build by the content-check integration); these schemas only shape the data.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { documentEntrySchema, frontmatterSchema } from './lib/schemas.ts';
import { resolveSettings } from './settings.ts';

const { contentDir } = resolveSettings(process.env);

const documents = defineCollection({
  loader: file(`${contentDir}/documents.yaml`, {
    parser: (text) => (parse(text) as { documents: unknown[] }).documents as Record<string, unknown>[],
  }),
  schema: documentEntrySchema,
});

const versions = defineCollection({
  // One file per version: <document>/<YYYY-MM-DD>.mdx (or .md). Files at the top of content/ are not versions.
  loader: glob({ pattern: '*/*.{md,mdx}', base: contentDir }),
  schema: frontmatterSchema,
});

export const collections = { documents, versions };
