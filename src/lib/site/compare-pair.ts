/**
 * The pair of versions the compare page (`/<document>/compare/`) preselects.
 */
import type { CivilDate } from '../dates.ts';

/** Two versions to compare, by effective date (`YYYY-MM-DD`), `from` always earlier than `to`. */
export interface ComparePair {
  /** The earlier version's effective date. */
  from: CivilDate;
  /** The later version's effective date. */
  to: CivilDate;
}

/**
 * The default comparison of a document: what the version `/<document>/` shows changed. `to` is the
 * shown version (the current one, else the first upcoming one) and `from` the version before it;
 * when the shown version is the document's first, `to` is the version after it (upcoming) and
 * `from` the shown one. The pair is chronological whatever the order of the inputs.
 *
 * @param shown The shown version: its effective date and those of its neighbours on the timeline
 *   (`previous`/`next`, `undefined` when there is none), as in the site model.
 * @returns The pair, earlier first, or `undefined` when the document has a single version.
 */
export function defaultComparePair(shown: { effective: CivilDate; previous: CivilDate | undefined; next: CivilDate | undefined }): ComparePair | undefined {
  if (shown.previous !== undefined) return ordered(shown.previous, shown.effective);
  if (shown.next !== undefined) return ordered(shown.effective, shown.next);
  return undefined;
}

/** The two dates earlier first (defensive: `previous`/`next` already are). */
function ordered(a: CivilDate, b: CivilDate): ComparePair {
  return a < b ? { from: a, to: b } : { from: b, to: a };
}
