/**
 * Which two versions `npm run diff -- <document> [from] [to]` compares.
 */
import type { CivilDate } from '../dates.ts';

/** Thrown when the command names a document or date that does not exist; the message says what does. */
export class DiffRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffRequestError';
  }
}

/**
 * Pick the versions to compare. Defaults (issue 3): `to` is the newest version, `from` the version
 * before `to`.
 *
 * @param document Document id, for messages.
 * @param dates Effective dates (`YYYY-MM-DD`) of the document's versions, any order.
 * @param from Earlier version's date, if given.
 * @param to Later version's date, if given.
 * @returns The two dates, earlier first.
 * @throws DiffRequestError when a date is not a version of the document, when the document has a
 *   single version, or when both dates are the same.
 */
export function pickVersions(document: string, dates: readonly CivilDate[], from?: string, to?: string): { from: CivilDate; to: CivilDate } {
  const sorted = [...dates].sort();
  const list = sorted.join(', ');
  for (const date of [from, to]) {
    if (date !== undefined && !sorted.includes(date)) {
      throw new DiffRequestError(`"${document}" has no version effective ${date}. Its versions: ${list}.`);
    }
  }
  if (sorted.length < 2) throw new DiffRequestError(`"${document}" has only one version (${list}): there is nothing to compare it with.`);
  const later = to ?? sorted.at(-1)!;
  const earlier = from ?? sorted[sorted.indexOf(later) - 1];
  if (earlier === undefined) throw new DiffRequestError(`${later} is the first version of "${document}": name a later version to compare it with (versions: ${list}).`);
  if (earlier === later) throw new DiffRequestError(`Both dates are ${later}: name two different versions of "${document}" (versions: ${list}).`);
  return earlier < later ? { from: earlier, to: later } : { from: later, to: earlier };
}
