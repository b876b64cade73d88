/**
 * What a content rule sees and returns: the sources, the versions that passed the per-file rules,
 * and the rule's signature. The rules (src/lib/check/rules/) and the check that runs them
 * (src/lib/check/content-check.ts) both import this file, so neither imports the other.
 */
import type { Root } from 'mdast';
import type { CivilDate } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { DocumentEntry, Frontmatter } from '../content/schemas.ts';
import type { SourceFormat } from '../content/version-source.ts';
import type { DeepLinkFile } from '../site/deep-links.ts';

/** A file as read from disk. */
export interface SourceFile {
  /** Path relative to the content folder, `/`-separated, e.g. `privacy-statement/2022-03-31.mdx`. */
  path: string;
  text: string;
}

/** Everything the check needs to see. */
export interface ContentSources {
  /** How to name the content folder in messages, e.g. `content`. */
  root: string;
  /** `documents.yaml`, or `undefined` when it is missing. */
  registry: SourceFile | undefined;
  /** Every file inside the subfolders of the content folder. */
  files: SourceFile[];
  /** Names of the subfolders of the content folder. */
  folders: string[];
  /** `links.yaml`, the deep-link registry; `undefined` when the content has none (see rules/deep-links.ts). */
  links?: SourceFile;
  /** `versions.lock`, the hashes of published versions; `undefined` when the content has none (see rules/lock.ts). */
  lock?: SourceFile;
  /** Files that were not read: symbolic links, non-UTF-8 text, NUL bytes (src/node/read-content.ts). */
  refused?: Diagnostic[];
  /**
   * Names of the other files at the top of the content folder (not documents.yaml, links.yaml,
   * versions.lock or README.md), which the site never reads: rule `content-stray-file`.
   */
  strays?: string[];
}

/** A version that passed the per-file rules. */
export interface CheckedVersion {
  document: string;
  effective: CivilDate;
  /** Path relative to the content folder. */
  path: string;
  format: SourceFormat;
  frontmatter: Frontmatter;
  /** The whole file text. */
  text: string;
  /** The parsed source (headings carry `data.anchor`), see version-source.ts. */
  tree: Root;
}

/** What a whole-content rule sees: the sources and every version that passed the per-file rules. */
export interface RuleContext {
  sources: ContentSources;
  /** Registry entries in site order (empty when the registry is unusable). */
  documents: DocumentEntry[];
  /** Versions that passed the per-file rules, by path order (oldest first per document). */
  versions: CheckedVersion[];
  /** `links.yaml` as read once by readDeepLinks (src/lib/site/deep-links.ts); `undefined` when the content has none. */
  links: DeepLinkFile | undefined;
  /** `YYYY-MM-DD` of the build. */
  asOf: CivilDate;
  /** Display path of a file relative to the content folder, e.g. `content/privacy-statement/2022-03-31.mdx`. */
  display: (path: string) => string;
  /** Line of a document's `- id:` in documents.yaml, for findings about the entry (1 when unknown). */
  registryLine: (id: string) => number;
}

/**
 * A rule over the whole content (anchors, deep links, notice periods, ...), registered in
 * src/lib/check/rules/index.ts. Returns its diagnostics; must not throw on bad content.
 */
export type ContentRule = (context: RuleContext) => Diagnostic[];

