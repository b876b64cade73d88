/**
 * Browser script of the pages that state a status (src/components/StatusPhases.astro): a page read on a later day than its build,
 * from a cache, shows what a build on that day would show. Pages print status-dependent markup once
 * per status phase (src/components/StatusPhases.astro, src/lib/site/status-phases.ts); this shows
 * the phase in effect today, by the timeline's own rule (`versionInEffectOn`: the latest phase
 * starting on or before today), today reckoned in the site's time zone (`data-time-zone` on
 * `<html>`), so a version takes effect at the start of its effective date there, wherever the reader
 * is. `<option>`s, which cannot be hidden, carry their text for each phase (`data-phase-texts`).
 * Before or on the build's as-of date (`data-as-of`) nothing changes, and without JavaScript the
 * page stays as built, saying "as of <date>".
 */
import { todayIn } from '../lib/dates.ts';
import { versionInEffectOn } from '../lib/site/timeline.ts';

const { asOf, timeZone } = document.documentElement.dataset;
try {
  const today = asOf && timeZone ? todayIn(timeZone) : undefined;
  if (today && today > asOf!) showPhasesOn(today);
} catch {
  // An unknown time zone in an old browser: the page stays as built, and says as of when.
}

/** Show each document's phase in effect on `today` (`YYYY-MM-DD`), hide the others. */
function showPhasesOn(today: string): void {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-phase-of]')];
  const starts = new Map<string, Set<string>>();
  const textsOf = (element: HTMLElement): Record<string, string> => JSON.parse(element.dataset.phaseTexts ?? '{}');
  for (const element of elements) {
    const document = element.dataset.phaseOf!;
    if (!starts.has(document)) starts.set(document, new Set());
    for (const start of element.dataset.phase ? [element.dataset.phase] : Object.keys(textsOf(element))) starts.get(document)!.add(start);
  }
  const phase = new Map([...starts].map(([document, dates]) => [document, versionInEffectOn([...dates].map((effective) => ({ effective })), today)?.effective]));
  for (const element of elements) {
    const shown = phase.get(element.dataset.phaseOf!);
    if (!shown) continue;
    if (element.dataset.phase) element.hidden = element.dataset.phase !== shown;
    else element.textContent = textsOf(element)[shown] ?? element.textContent;
  }
}
