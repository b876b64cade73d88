/**
 * What to tell an editor when a published version no longer matches `content/versions.lock`
 * (rule `lock-changed`, and `npm run lock` when it refuses). Two situations need different advice:
 *
 * - the version is in effect: its text is the record; only a correction or a new version may follow;
 * - the version is only announced (`published:` is on or before the as-of date, the effective date
 *   is later): while the version is still in its pull request, nobody has seen the announced text,
 *   so the editor may restore the lock from the main branch and lock the new text; once merged,
 *   the announced text is public and changes only with a correction.
 */
import type { CivilDate } from './dates.ts';
import type { Frontmatter } from './schemas.ts';

/** The version the advice is about. */
export interface ChangedVersion {
  document: string;
  effective: CivilDate;
  frontmatter: Pick<Frontmatter, 'published'>;
}

/** The branch pull requests are merged into, as git names it after a fetch. */
export const BASE_BRANCH = 'origin/main';

/**
 * How a locked version stands at the as-of date, in words.
 *
 * @returns e.g. `in effect (since 2022-03-31)`, or
 *   `not yet in effect (announced for notice on 2026-11-30, takes effect 2027-01-15)`.
 */
export function lockedStatus(version: ChangedVersion, asOf: CivilDate): string {
  const { published } = version.frontmatter;
  if (version.effective > asOf) return `not yet in effect (announced for notice on ${published ?? 'an earlier day'}, takes effect ${version.effective})`;
  return `in effect (since ${version.effective})`;
}

/**
 * What the editor can do about a locked version whose text changed without a new correction.
 *
 * @param version The changed version.
 * @param asOf `YYYY-MM-DD` of the check (the date a correction would carry).
 * @param lockFile Display path of the lock, e.g. `content/versions.lock` (used in the git command).
 * @returns Sentences ending in a full stop.
 */
export function changedVersionAdvice(version: ChangedVersion, asOf: CivilDate, lockFile: string): string {
  const correction = `to fix a mistake without changing the meaning, add a correction to the frontmatter (corrections: [{ date: ${asOf}, reason: ... }]) and run \`npm run lock\``;
  const newVersion = `for a new text, start a new version with \`npm run new-version -- ${version.document} --effective YYYY-MM-DD\``;
  if (version.effective > asOf) {
    return `If this version is still in its pull request (not merged yet, so its text is not public), you may still change it: take the lock from the main branch and lock again with \`git checkout ${BASE_BRANCH} -- ${lockFile} && npm run lock\`. If it is already merged and public, the announced text may not change silently: undo the change, or ${correction}; ${newVersion}.`;
  }
  return `Undo the change; ${newVersion}; ${correction}.`;
}
