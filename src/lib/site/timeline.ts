/**
 * A document's timeline: its versions in order, each with its status at an as-of date.
 *
 * Rule (content model, issue 2): the **current** version is the latest whose effective date is on or
 * before the as-of date; earlier versions are **archived**; later ones are **upcoming**.
 */
import { addDays, type CivilDate } from '../dates.ts';

/** Where a version stands at the as-of date. */
export type VersionStatus = 'current' | 'archived' | 'upcoming';

/** The minimum a timeline needs to know of a version. */
export interface Dated {
  /** Effective date, `YYYY-MM-DD`. */
  effective: CivilDate;
}

/** A version placed on its timeline. */
export type Placed<V extends Dated> = V & {
  status: VersionStatus;
  /** Last day this version was (or will be) in effect, `YYYY-MM-DD`; `undefined` while no later version exists. */
  inEffectUntil: CivilDate | undefined;
  /** The version before this one, by effective date. */
  previous: (V & Dated) | undefined;
  /** The version after this one, by effective date. */
  next: (V & Dated) | undefined;
};

/**
 * Place versions on a timeline at an as-of date.
 *
 * @param versions Versions in any order; effective dates must be unique (the content check ensures it).
 * @param asOf `YYYY-MM-DD` the build is made for.
 * @returns The versions oldest first, each with its status, last day in effect and neighbours.
 */
export function placeVersions<V extends Dated>(versions: readonly V[], asOf: CivilDate): Placed<V>[] {
  const sorted = [...versions].sort((a, b) => compare(a.effective, b.effective));
  const current = latestOnOrBefore(sorted, asOf);
  return sorted.map((version, index) => {
    const next = sorted[index + 1];
    const status: VersionStatus =
      version === current ? 'current' : version.effective > asOf ? 'upcoming' : 'archived';
    return {
      ...version,
      status,
      inEffectUntil: next ? addDays(next.effective, -1) : undefined,
      previous: sorted[index - 1],
      next,
    };
  });
}

/**
 * Which version was in effect on a date ("valid on date").
 *
 * @param versions Versions in any order.
 * @param date `YYYY-MM-DD`.
 * @returns The latest version whose effective date is on or before `date`, or `undefined` when
 *   `date` precedes the first version.
 */
export function versionInEffectOn<V extends Dated>(versions: readonly V[], date: CivilDate): V | undefined {
  return latestOnOrBefore([...versions].sort((a, b) => compare(a.effective, b.effective)), date);
}

function latestOnOrBefore<V extends Dated>(sorted: readonly V[], date: CivilDate): V | undefined {
  let found: V | undefined;
  for (const version of sorted) if (version.effective <= date) found = version;
  return found;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
