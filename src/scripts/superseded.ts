/**
 * Browser script for pages of a current version (SupersededNotice.astro): when a cached copy is
 * read on or after the next version's effective date, reveal "This text has been superseded" and
 * hide the notices of upcoming versions that have taken effect by then ("An updated Privacy
 * Statement takes effect on <date>", UpcomingNotice.astro, `data-upcoming="YYYY-MM-DD"`): a date
 * in the past would contradict the superseded notice. Today is reckoned in the site's time zone,
 * read from `data-time-zone`; without JavaScript the page still says when the next version takes
 * effect.
 */
import { todayIn } from '../lib/dates.ts';

for (const notice of document.querySelectorAll<HTMLElement>('[data-superseded-on]')) {
  const { supersededOn, timeZone } = notice.dataset;
  try {
    if (!supersededOn || !timeZone) continue;
    const today = todayIn(timeZone);
    if (today < supersededOn) continue;
    notice.hidden = false;
    for (const upcoming of document.querySelectorAll<HTMLElement>('[data-upcoming]')) {
      if (upcoming.dataset.upcoming! <= today) upcoming.hidden = true;
    }
  } catch {
    // An unknown time zone in an old browser: keep the notice hidden; the page text stays true.
  }
}
