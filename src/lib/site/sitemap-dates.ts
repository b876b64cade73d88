/**
 * `lastmod` dates for the sitemap (issue 5): the last day each page's content changed, from the
 * version dates alone (never the build time, so an unchanged site gives an unchanged sitemap).
 *
 * A version's page changes when its text is corrected (`lastUpdated`), when its next version is
 * published (the notice of the upcoming version appears) and when that version takes effect (the
 * page becomes archived). An upcoming version's page dates from its publication.
 */
import type { CivilDate } from '../dates.ts';
import type { Document, Version } from './site-model.ts';
import { changesPath, withBase } from './urls.ts';

/**
 * The `lastmod` of every page the model knows: home, each document's page, history, versions and
 * their changes pages.
 *
 * @param documents Documents of the site model.
 * @param site Origin, e.g. `https://legal.prodsmart.com`.
 * @param base Base path, `/` or `/legal/`.
 * @returns Absolute page URL -> `YYYY-MM-DD`; pages without a known date are absent.
 */
export function sitemapDates(documents: readonly Document[], site: string, base: string): Map<string, CivilDate> {
  const dates = new Map<string, CivilDate>();
  const set = (path: string, date: CivilDate | undefined) => date && dates.set(new URL(path, site).href, date);
  const homeDates: CivilDate[] = [];
  for (const document of documents) {
    const byVersion = document.versions.map((version) => [version, versionDate(document, version)] as const);
    for (const [version, date] of byVersion) {
      set(version.url, date);
      if (version.previous) set(withBase(base, changesPath(document.id, version.effective)), date);
    }
    const shown = byVersion.find(([version]) => version === document.shown)?.[1];
    const latest = latestOf(byVersion.map(([, date]) => date));
    set(document.url, shown);
    set(document.historyUrl, latest);
    if (shown) homeDates.push(shown);
  }
  set(withBase(base, '/'), latestOf(homeDates));
  return dates;
}

/** The last day a version's page changed; `undefined` for an upcoming version with no `published`. */
function versionDate(document: Document, version: Version): CivilDate | undefined {
  if (version.status === 'upcoming') return version.published;
  const next = document.versions.find((v) => v.effective === version.next);
  const candidates = [version.effective, version.lastUpdated];
  if (next?.status === 'upcoming') candidates.push(next.published ?? version.effective);
  else if (next) candidates.push(next.effective);
  return latestOf(candidates);
}

function latestOf(dates: readonly (CivilDate | undefined)[]): CivilDate | undefined {
  return dates.filter((d): d is CivilDate => d !== undefined).sort().at(-1);
}
