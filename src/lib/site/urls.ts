/**
 * The URL scheme (a contract: apps and old e-mails link to these; see README "URLs").
 * Every path ends with `/`, matching `trailingSlash: 'always'`. Paths here are relative to the
 * site's base; `withBase` prefixes it.
 */
import type { CivilDate } from '../dates.ts';

/** `/privacy-statement/`: the current version of a document. */
export const documentPath = (document: string) => `/${document}/`;
/** `/privacy-statement/2022-03-31/`: one version, forever. */
export const versionPath = (document: string, effective: CivilDate) => `/${document}/${effective}/`;
/** `/privacy-statement/history/`: every version of a document. */
export const historyPath = (document: string) => `/${document}/history/`;
/** `/privacy-statement/2022-03-31/corrections/`: each correction of a version as a redline (anchors `#correction-<n>`). */
export const correctionsPath = (document: string, effective: CivilDate) => `/${document}/${effective}/corrections/`;
/** `/privacy-statement/2024-05-01/changes/`: what changed from the previous version. */
export const changesPath = (document: string, effective: CivilDate) => `/${document}/${effective}/changes/`;
/** `/privacy-statement/compare/`: compare any two versions (in the browser). */
export const comparePath = (document: string) => `/${document}/compare/`;
/** `/privacy-statement/feed.xml`: the Atom feed of a document's new versions and corrections. */
export const feedPath = (document: string) => `/${document}/feed.xml`;
/** `/feed.xml`: the Atom feed of every document. */
export const siteFeedPath = '/feed.xml';
/** `/privacy-statement/2024-05-01/blocks.json`: a version's blocks, the data the compare page diffs. */
export const blocksPath = (document: string, effective: CivilDate) => `/${document}/${effective}/blocks.json`;

/**
 * Prefix a site path with the base the site is served under.
 *
 * @param base `/` or `/legal/` (leading and trailing slash).
 * @param path A path starting with `/`.
 * @returns `/legal/privacy-statement/` for base `/legal/` and path `/privacy-statement/`.
 */
export function withBase(base: string, path: string): string {
  return base.replace(/\/$/, '') + path;
}
