/**
 * Content collections: the document registry, the versions and the deep links. Versions are data,
 * never code: their loader parses, allows and renders each file itself (src/node/versions-loader.ts);
 * nothing in the content folder is compiled or imported. Validation with editors' words lives in
 * src/lib (the content check, run before the build); these schemas only shape the data.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { deepLinkEntrySchema, documentEntrySchema, frontmatterSchema } from './lib/content/schemas.ts';
import { linkEntries, registryEntries, versionsLoader, yamlFileLoader } from './node/versions-loader.ts';
import { resolveSettings } from './settings.ts';

const { contentDir, base } = resolveSettings(process.env);

const documents = defineCollection({
  loader: yamlFileLoader(contentDir, 'documents.yaml', registryEntries),
  schema: documentEntrySchema.extend({ order: z.number() }),
});

const versions = defineCollection({
  // One file per version: <document>/<YYYY-MM-DD>.mdx (or .md). Files at the top of content/ are not versions.
  loader: versionsLoader(contentDir, base),
  schema: frontmatterSchema,
});

// The deep-link registry (content/links.yaml: `key: document#anchor`), when the content has one.
const links = defineCollection({
  loader: yamlFileLoader(contentDir, 'links.yaml', linkEntries),
  schema: deepLinkEntrySchema.extend({ id: z.string() }),
});

export const collections = { documents, versions, links };
