/**
 * Browser script for pages of a current version (SupersededNotice.astro): when a cached copy is
 * read on or after the next version's effective date, reveal "This text has been superseded".
 * Today is reckoned in the site's time zone, read from `data-time-zone`; without JavaScript the
 * page still says when the next version takes effect (UpcomingNotice.astro).
 */
import { todayIn } from '../lib/dates.ts';

for (const notice of document.querySelectorAll<HTMLElement>('[data-superseded-on]')) {
  const { supersededOn, timeZone } = notice.dataset;
  try {
    if (supersededOn && timeZone && todayIn(timeZone) >= supersededOn) notice.hidden = false;
  } catch {
    // An unknown time zone in an old browser: keep the notice hidden; the page text stays true.
  }
}
