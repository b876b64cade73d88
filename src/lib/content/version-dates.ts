/**
 * The dates a version's page shows beside its title: its effective date (the file name) and the
 * date its text was last updated.
 */
import type { CivilDate } from '../dates.ts';
import type { Frontmatter } from './schemas.ts';

/**
 * The last-updated date of a version in effect: the latest correction's date, else frontmatter
 * `lastUpdated`, else the effective date (README "Content model"; issue 6, corrections).
 *
 * @param effective The version's effective date, `YYYY-MM-DD`.
 * @param frontmatter Its frontmatter (only `corrections` and `lastUpdated` are read).
 * @returns `YYYY-MM-DD`.
 */
export function lastUpdatedOf(effective: CivilDate, frontmatter: Pick<Frontmatter, 'corrections' | 'lastUpdated'>): CivilDate {
  return frontmatter.corrections?.map((c) => c.date).sort().at(-1) ?? frontmatter.lastUpdated ?? effective;
}
