/**
 * Civil dates (`YYYY-MM-DD`, no time, no time zone) as the content model uses them.
 *
 * Rule: a version's effective date is a calendar date, not an instant. Inside the code dates stay
 * `YYYY-MM-DD` strings and are compared as strings (lexical order is chronological order for
 * four-digit years). They become words only when printed, always in UTC so that the build
 * machine's time zone can never shift a day (see docs/decisions/0001-dates.md).
 */

/** A civil date written `YYYY-MM-DD`, e.g. `2022-03-31`. */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Tell whether a string is a real calendar date written `YYYY-MM-DD`.
 *
 * @param value Any string, e.g. a filename stem.
 * @returns `true` for `2024-02-29`, `false` for `2022-02-30`, `2022-3-31` or `31/03/2022`.
 */
export function isCivilDate(value: string): value is CivilDate {
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  return (
    instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day
  );
}

/**
 * The civil date of an instant in a given IANA time zone.
 *
 * @param timeZone IANA name such as `America/Los_Angeles`; throws `RangeError` when unknown.
 * @param now The instant; defaults to the current time.
 * @returns `YYYY-MM-DD` as a wall calendar in `timeZone` shows it at `now`.
 */
export function todayIn(timeZone: string, now: Date = new Date()): CivilDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Print a civil date in words, US English: `2022-03-31` → `March 31, 2022`.
 *
 * Formats in UTC on purpose: the date denotes a calendar day, so no time zone may move it.
 *
 * @param date `YYYY-MM-DD`; throws `RangeError` when it is not a real date.
 */
export function formatDate(date: CivilDate): string {
  return longDate.format(toUtc(date));
}

/** Made once: building an Intl.DateTimeFormat costs far more than formatting with it (a build formats ~10^5 dates). */
const longDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'long' });

/**
 * Add a number of days to a civil date.
 *
 * @param date `YYYY-MM-DD`.
 * @param days Whole days, negative to go back.
 * @returns `YYYY-MM-DD`.
 */
export function addDays(date: CivilDate, days: number): CivilDate {
  const instant = toUtc(date);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/**
 * Count the days from one civil date to another.
 *
 * @returns Whole days, negative when `to` is before `from` (`daysBetween('2024-01-01', '2024-01-31')` is 30).
 */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * Normalise a date read from YAML to `YYYY-MM-DD`.
 *
 * YAML 1.1 parsers (js-yaml, used by Astro for frontmatter) turn an unquoted `2022-04-02` into a
 * `Date` at UTC midnight; YAML 1.2 parsers keep the string. Both become the same civil date here.
 *
 * @returns The civil date, or `undefined` when `value` is neither a `Date` nor a string.
 */
export function fromYamlDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  return undefined;
}

function toUtc(date: CivilDate): Date {
  if (!isCivilDate(date)) throw new RangeError(`Expected a date written YYYY-MM-DD, received "${date}"`);
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}
