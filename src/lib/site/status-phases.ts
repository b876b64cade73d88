/**
 * Status phases (issue 13, "Dates readers see"): a page is built at the as-of date, but read from a
 * cache on later days too. Each upcoming version starts a new phase of its document on its effective
 * date; in each phase the document stands as a build on that day would place it (which version is
 * current, archived, upcoming). Pages print whatever depends on status once per phase
 * (src/components/StatusPhases.astro), all but the first hidden, and a small script
 * (src/scripts/status-phases.ts) shows the phase of the reader's day: the same timeline rule
 * (src/lib/site/timeline.ts, `versionInEffectOn`) on the same civil dates, today reckoned in the
 * site's time zone, so a version takes effect at the start of its effective date there
 * (docs/decisions/0001-dates.md).
 */
import type { CivilDate } from '../dates.ts';
import type { DocumentEntry } from '../content/schemas.ts';
import { buildSiteModel, type Document, type Version, type VersionInput } from './site-model.ts';

/** From `start` on (until the next phase's start), the document stands as `document`. */
export interface StatusPhase {
  /** `YYYY-MM-DD`: the as-of date for the first phase, an upcoming version's effective date for the others. */
  start: CivilDate;
  /** The document as a build on `start` would place it. */
  document: Document;
}

/**
 * Every document's status phases.
 *
 * @param entries Registry entries in site order (as for buildSiteModel).
 * @param inputs Every version of every document.
 * @param asOf `YYYY-MM-DD` of the build.
 * @param base The site's base path.
 * @returns Document id -> its phases, earliest first; the first is the build's own model (`start` = `asOf`),
 *   then one per upcoming version. A document without upcoming versions has one phase.
 */
export function statusPhases(entries: readonly DocumentEntry[], inputs: readonly VersionInput[], asOf: CivilDate, base: string): Map<string, StatusPhase[]> {
  const models = new Map<CivilDate, Document[]>([[asOf, buildSiteModel(entries, inputs, asOf, base)]]);
  const modelOn = (date: CivilDate) => {
    if (!models.has(date)) models.set(date, buildSiteModel(entries, inputs, date, base));
    return models.get(date)!;
  };
  return new Map(models.get(asOf)!.map((document) => [document.id, [
    { start: asOf, document },
    ...document.upcoming.map((version) => ({ start: version.effective, document: modelOn(version.effective).find((d) => d.id === document.id)! })),
  ]]));
}

/**
 * One version of a document, by effective date.
 *
 * @param document A document of the site model.
 * @param effective `YYYY-MM-DD`.
 * @throws Error when the document has no version of that date.
 */
export function versionOf(document: Document, effective: CivilDate): Version {
  const version = document.versions.find((v) => v.effective === effective);
  if (!version) throw new Error(`${document.id} has no version effective ${effective}`);
  return version;
}
