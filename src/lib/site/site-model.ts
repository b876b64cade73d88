/**
 * The site model: documents and their versions, placed on their timelines at the as-of date, with
 * every date and URL the pages print. Built once per build from the collections (src/data/legal.ts).
 */
import type { CivilDate } from '../dates.ts';
import type { Correction, DocumentEntry, Frontmatter } from '../content/schemas.ts';
import { placeVersions, type VersionStatus } from './timeline.ts';
import { lastUpdatedOf } from '../content/version-dates.ts';
import { defaultComparePair, type ComparePair } from './compare-pair.ts';
import { correctionsPath, documentPath, historyPath, versionPath, withBase } from './urls.ts';

/** A version as pages print it. Dates are `YYYY-MM-DD`; URLs include the base. */
export interface Version {
  /** Document id. */
  document: string;
  /** Effective date (from the filename). */
  effective: CivilDate;
  /**
   * Date of the latest change to the text: the latest correction's, else frontmatter `lastUpdated`,
   * else the effective date. `undefined` for an upcoming version: its effective date is after the
   * as-of date and last updated is never later than today (STYLE.md); pages print its `published`
   * date instead.
   */
  lastUpdated: CivilDate | undefined;
  /** Corrections made after publication, oldest first ("Corrected on <date>: <reason>"). */
  corrections: PublishedCorrection[];
  /** URL of the page showing each correction as a redline; `undefined` when there is no correction. */
  correctionsUrl: string | undefined;
  /** Title of this version (the registry's, unless the frontmatter overrides it). */
  title: string;
  summary: string | undefined;
  /** Whether the version is a material change; always `false` for a document's first version, which is no change. */
  material: boolean;
  /** What the version is to readers: the first version, a material change or a change that is not material (feeds' category terms). */
  change: VersionChange;
  /** Date the version was published for notice (frontmatter `published`), if recorded. */
  published: CivilDate | undefined;
  status: VersionStatus;
  /** Last day in effect, when a later version exists. */
  inEffectUntil: CivilDate | undefined;
  /** Effective date of the previous version, if any. */
  previous: CivilDate | undefined;
  /** Effective date of the next version, if any. */
  next: CivilDate | undefined;
  /** Permanent URL of this version. */
  url: string;
}

/** A correction as pages print it. */
export interface PublishedCorrection {
  /** `YYYY-MM-DD`. */
  date: CivilDate;
  reason: string;
  /** 1-based position in the version's `corrections:` list (the anchor `#correction-<number>` on the corrections page). */
  number: number;
  /** URL of its redline on the corrections page, when it lists its edits (`changed:`); else `undefined` (recorded before edits were kept). */
  redlineUrl: string | undefined;
}

/** What a version is: `first-version` (nothing before it), else `material-change` or `non-material-change`. */
export type VersionChange = 'first-version' | 'material-change' | 'non-material-change';

/** A document as pages print it. */
export interface Document extends DocumentEntry {
  /** Position in the registry, from 0. */
  order: number;
  /** Every version, newest first. */
  versions: Version[];
  /** The version in effect at the as-of date; `undefined` when every version is upcoming. */
  current: Version | undefined;
  /** Versions not yet in effect, soonest first. */
  upcoming: Version[];
  /** The version `/<document>/` shows: the current one, or the first upcoming one when none is in effect. */
  shown: Version;
  /**
   * The two versions the compare page preselects, earlier first (src/lib/site/compare-pair.ts): the
   * shown version and the one before it, or, when the shown version is the first, it and the next
   * one. `undefined` for a document with a single version.
   */
  comparePair: ComparePair | undefined;
  url: string;
  historyUrl: string;
}

/** A version file's data, as the adapter hands it over. */
export interface VersionInput {
  document: string;
  effective: CivilDate;
  frontmatter: Frontmatter;
}

/**
 * Build the site model.
 *
 * @param entries Registry entries in site order.
 * @param inputs Every version of every document, any order.
 * @param asOf `YYYY-MM-DD` the build is made for.
 * @param base Base path of the site (`/` or `/legal/`).
 * @returns Documents in registry order; documents without versions are left out (the content check
 *   reports them before a build starts).
 */
export function buildSiteModel(entries: readonly DocumentEntry[], inputs: readonly VersionInput[], asOf: CivilDate, base: string): Document[] {
  const model: Document[] = [];
  entries.forEach((entry, order) => {
    const placed = placeVersions(inputs.filter((v) => v.document === entry.id), asOf);
    if (placed.length === 0) return;
    const versions = placed.map(
      (v): Version => ({
        document: entry.id,
        effective: v.effective,
        lastUpdated: v.status === 'upcoming' ? undefined : lastUpdatedOf(v.effective, v.frontmatter),
        corrections: publishedCorrections(v.frontmatter.corrections, withBase(base, correctionsPath(entry.id, v.effective))),
        correctionsUrl: v.frontmatter.corrections?.length ? withBase(base, correctionsPath(entry.id, v.effective)) : undefined,
        title: v.frontmatter.title ?? entry.title,
        summary: v.frontmatter.summary,
        material: v.previous !== undefined && (v.frontmatter.material ?? false),
        change: v.previous === undefined ? 'first-version' : v.frontmatter.material ? 'material-change' : 'non-material-change',
        published: v.frontmatter.published,
        status: v.status,
        inEffectUntil: v.inEffectUntil,
        previous: v.previous?.effective,
        next: v.next?.effective,
        url: withBase(base, versionPath(entry.id, v.effective)),
      }),
    );
    const current = versions.find((v) => v.status === 'current');
    const upcoming = versions.filter((v) => v.status === 'upcoming');
    const shown = current ?? upcoming[0]!;
    model.push({
      ...entry,
      order,
      versions: [...versions].reverse(),
      current,
      upcoming,
      shown,
      comparePair: defaultComparePair(shown),
      url: withBase(base, documentPath(entry.id)),
      historyUrl: withBase(base, historyPath(entry.id)),
    });
  });
  return model;
}

/** A version's corrections, oldest first, numbered in list order (the lock keeps the list in date order). */
function publishedCorrections(corrections: readonly Correction[] | undefined, pageUrl: string): PublishedCorrection[] {
  return (corrections ?? [])
    .map(({ date, reason, changed }, index) => ({ date, reason, number: index + 1, redlineUrl: changed ? `${pageUrl}#correction-${index + 1}` : undefined }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
}
