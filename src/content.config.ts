/**
 * Content collections: the document registry and the versions. Validation lives in src/lib
 * (run before the build by the content-check integration); these schemas only shape the data.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import { deepLinkEntries } from './lib/deep-links.ts';
import { deepLinkEntrySchema, documentEntrySchema, frontmatterSchema } from './lib/schemas.ts';
import { resolveSettings } from './settings.ts';

const { contentDir } = resolveSettings(process.env);

const documents = defineCollection({
  loader: file(`${contentDir}/documents.yaml`, {
    // The registry's list order is the site's order; the store does not keep it, so record it.
    parser: (text) => (parse(text) as { documents: object[] }).documents.map((entry, order) => ({ ...entry, order })),
  }),
  schema: documentEntrySchema.extend({ order: z.number() }),
});

const versions = defineCollection({
  // One file per version: <document>/<YYYY-MM-DD>.mdx (or .md). Files at the top of content/ are not versions.
  loader: glob({ pattern: '*/*.{md,mdx}', base: contentDir }),
  schema: frontmatterSchema,
});

// The deep-link registry (content/links.yaml: `key: document#anchor`), when the content has one.
const linksFile = `${contentDir}/links.yaml`;
const links = defineCollection({
  loader: existsSync(linksFile) ? file(linksFile, { parser: (text) => deepLinkEntries(text) }) : () => [],
  schema: deepLinkEntrySchema.extend({ id: z.string() }),
});

export const collections = { documents, versions, links };
