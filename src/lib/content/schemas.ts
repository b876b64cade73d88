/**
 * Schemas of the content model: the document registry and a version's frontmatter.
 * Strict (unknown keys are errors), one per concern, with the inferred types beside them.
 */
import { z } from 'zod';
import { fromYamlDate, isCivilDate } from '../dates.ts';

/** Document kinds (see STYLE.md vocabulary). */
export const documentKinds = ['statement', 'terms', 'supplemental-notice'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A date field: `YYYY-MM-DD`, quoted or not in YAML. */
export const civilDateField = z.preprocess(
  fromYamlDate,
  z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD, e.g. 2024-05-01' }),
);

/**
 * A document's notice period: how many days a material version must be published before it takes
 * effect, and whether a shorter notice is an `error` (stops the build) or a `warning`.
 * Default: 30 days, error (the privacy statement promises notice before material changes).
 */
export const noticeSchema = z.strictObject({
  /** Minimum whole days from `published` to the effective date of a material version. */
  materialDays: z.number().int().min(0).default(30),
  severity: z.enum(['error', 'warning']).default('error'),
});
export type Notice = z.infer<typeof noticeSchema>;

/** The notice period a document gets when its registry entry sets none. */
export const defaultNotice: Notice = { materialDays: 30, severity: 'error' };

/** An anchor: a section id, kebab-case (`information-we-collect`). Rule `anchor-malformed` checks headings. */
export const anchorIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The anchor an editor most likely meant by an id that is not kebab-case: `Automated Decisions`
 * -> `automated-decisions`.
 *
 * @param written The id as written (without `{#` and `}`).
 * @returns A kebab-case id, or `undefined` when nothing of it is a letter or digit.
 */
export function kebabAnchor(written: string): string | undefined {
  const id = written.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id === '' ? undefined : id;
}
const anchorId = z.string().regex(anchorIdPattern, 'must be kebab-case: lower-case letters, digits and single hyphens');

/** A document id: kebab-case, used in URLs and as the folder name under `content/`. */
export const documentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const documentId = z.string().regex(documentIdPattern, 'must be kebab-case: lower-case letters, digits and single hyphens');

/** One entry of `content/documents.yaml`. */
export const documentEntrySchema = z.strictObject({
  /** Kebab-case id, used in URLs and as the folder name under `content/`. */
  id: documentId,
  title: z.string().trim().min(1),
  kind: z.enum(documentKinds),
  /** For a supplemental notice: the id of the document it supplements. */
  parent: z.string().optional(),
  /** One line, shown on the home page. */
  description: z.string().trim().min(1),
  /** Notice owed before a material version takes effect (rule `notice-period`); defaults below. */
  notice: noticeSchema.optional(),
  /**
   * Ids the document had before it was renamed, newest first, so the last is the id it was first
   * published under (feed entry ids keep it: src/lib/site/feeds.ts). Every URL of a former id
   * answers with a redirect to the same page under `id` (src/lib/site/moved-pages.ts), and the lock
   * reads entries locked under a former id as the same versions (src/lib/check/lock-renames.ts).
   * Rule `registry-former-id` keeps them apart from current ids, from each other and from the
   * reserved ids. See docs/decisions/0011-former-document-ids.md.
   */
  formerIds: z.array(documentId).min(1, 'must list at least one former id, or be removed').optional(),
});
export type DocumentEntry = z.infer<typeof documentEntrySchema>;

/** `content/documents.yaml`: the documents, in the order the site lists them. */
export const registrySchema = z.strictObject({
  documents: z.array(documentEntrySchema).min(1),
});
export type Registry = z.infer<typeof registrySchema>;

/** One edit of a correction: the words as they were and as they are, in the version's source. */
function correctionChangeSchema() {
  return z.strictObject({
    /** The source text before the correction; empty for an insertion. */
    from: z.string({ error: 'needs `from:`, the words as they were (use "" for an insertion)' }),
    /** The source text after it: it must occur exactly once in the corrected text. */
    to: z.string({ error: 'needs `to:`, the words as they are now' }).min(1, 'must not be empty: for a deletion, give a few words around it in both `from` and `to`'),
  });
}

/**
 * One correction of a published version (issue 6, "Published versions are immutable"): a
 * non-substantive fix such as a typo, shown on the version page and the history as
 * "Corrected on <date>: <reason>". Rule `correction-*` checks the dates; `lock-*` the text.
 */
export const correctionSchema = z.strictObject({
  /** Day the correction was made, `YYYY-MM-DD`: on or after the effective date (or `published`), never after the as-of date. */
  date: civilDateField,
  /** What was corrected and why, one sentence, e.g. "Fixes a typo in the contact address." */
  reason: z.string({ error: 'needs a `reason:` saying what was corrected, e.g. reason: Fixes a typo in the contact address' }).trim().min(1, 'needs a `reason:` saying what was corrected, e.g. reason: Fixes a typo in the contact address'),
  /**
   * The edits, each the source text before (`from`) and after (`to`), in the order they apply
   * (src/lib/content/corrections.ts). Required of every correction made since corrections are
   * published as redlines (the lock's rule `lock-correction-unrecorded`); older locked ones may lack it.
   */
  changed: z.array(correctionChangeSchema()).min(1, 'must list at least one edit ({ from, to }), or be removed').optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

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
  /**
   * Date this version was published for notice, `YYYY-MM-DD` (rule `notice-period`); required for
   * an upcoming material version.
   */
  published: civilDateField.optional(),
  /**
   * Former anchors of renamed sections, `old-id: new-id`: links to `#old-id` still land on the
   * section `new-id` (in this version and the later ones). See README "Deep links".
   */
  formerAnchors: z.record(anchorId, anchorId).optional(),
  /** Corrections made after publication, each `{ date, reason }`; `lastUpdated` follows the latest (see correctionSchema). */
  corrections: z.array(correctionSchema).min(1, 'must list at least one correction, or be removed').optional(),
});
export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** A deep-link key: kebab-case, used in `/go/<key>/` and by apps. */
export const deepLinkKeyPattern = anchorIdPattern;

/** A deep-link target: `document` or `document#anchor`, both kebab-case. */
export const deepLinkTargetPattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/** `content/links.yaml`: deep-link key -> `document` or `document#anchor` (see README "Deep links"). */
export const deepLinksSchema = z.record(
  z.string().regex(deepLinkKeyPattern, 'must be kebab-case: lower-case letters, digits and single hyphens'),
  z.string().regex(deepLinkTargetPattern, 'must be `document` or `document#anchor`, e.g. privacy-statement#your-rights'),
);
export type DeepLinks = z.infer<typeof deepLinksSchema>;

/** One deep link as the site's collection holds it (id = key). */
export const deepLinkEntrySchema = z.strictObject({
  document: z.string(),
  anchor: z.string().optional(),
});
export type DeepLinkEntry = z.infer<typeof deepLinkEntrySchema>;
