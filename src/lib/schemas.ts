/**
 * Schemas of the content model: the document registry and a version's frontmatter.
 * Strict (unknown keys are errors), one per concern, with the inferred types beside them.
 */
import { z } from 'zod';
import { fromYamlDate, isCivilDate } from './dates.ts';

/** Document kinds (see STYLE.md vocabulary). */
export const documentKinds = ['statement', 'terms', 'supplemental-notice'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A date field: `YYYY-MM-DD`, quoted or not in YAML. */
export const civilDateField = z.preprocess(
  fromYamlDate,
  z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD, e.g. 2024-05-01' }),
);

/** One entry of `content/documents.yaml`. */
export const documentEntrySchema = z.strictObject({
  /** Kebab-case id, used in URLs and as the folder name under `content/`. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens'),
  title: z.string().trim().min(1),
  kind: z.enum(documentKinds),
  /** For a supplemental notice: the id of the document it supplements. */
  parent: z.string().optional(),
  /** One line, shown on the home page. */
  description: z.string().trim().min(1),
});
export type DocumentEntry = z.infer<typeof documentEntrySchema>;

/** `content/documents.yaml`: the documents, in the order the site lists them. */
export const registrySchema = z.strictObject({
  documents: z.array(documentEntrySchema).min(1),
});
export type Registry = z.infer<typeof registrySchema>;

/** A version's frontmatter. Which keys are required depends on the version's place (see content-check). */
export const frontmatterSchema = z.strictObject({
  /** What changed from the previous version; required for every version but the first. */
  summary: z.string().trim().min(1).optional(),
  /** Whether this version is a material change; required for every version but the first. */
  material: z.boolean().optional(),
  /** Date of a later non-substantive correction, `YYYY-MM-DD`; defaults to the effective date. */
  lastUpdated: civilDateField.optional(),
  /** Overrides the registry title for this version only. */
  title: z.string().trim().min(1).optional(),
});
export type Frontmatter = z.infer<typeof frontmatterSchema>;
