/**
 * Notice of upcoming versions (issue 5): what the current version's page, the home page and the
 * history say while a document has a version that is not yet in effect.
 */
import type { CivilDate } from '../dates.ts';
import type { Document } from './site-model.ts';
import { changesPath, withBase } from './urls.ts';

/** One notice, ready to print: "An updated Privacy Statement takes effect on September 1, 2025". */
export interface UpcomingNotice {
  /** Document id. */
  document: string;
  /** Words before the date, e.g. `An updated Privacy Statement takes effect on`. */
  lead: string;
  /** Effective date of the upcoming version, `YYYY-MM-DD`. */
  effective: CivilDate;
  /** Whether the upcoming version is a material change. */
  material: boolean;
  /** URL of the upcoming version's text (with base). */
  url: string;
  /** URL of its changes page, `/<document>/<date>/changes/` (with base). */
  changesUrl: string;
}

/**
 * The notices a document needs at the as-of date: one per upcoming version, soonest first, and
 * none while no version is in effect (the first version is not an "update").
 *
 * @param document A document of the site model.
 * @param base The site's base path (`/` or `/legal/`).
 */
export function upcomingNotices(document: Document, base: string): UpcomingNotice[] {
  if (!document.current) return [];
  return document.upcoming.map((version) => ({
    document: document.id,
    lead: `An updated ${document.title} takes effect on`,
    effective: version.effective,
    material: version.material,
    url: version.url,
    changesUrl: withBase(base, changesPath(document.id, version.effective)),
  }));
}
