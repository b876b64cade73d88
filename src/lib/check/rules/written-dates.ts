/**
 * Dates written in the text: "Effective date: June 2nd, 2024" in a version whose file says
 * 2024-06-03, or "Last updated: May 5, 2023" when the frontmatter says otherwise, would show readers
 * two different dates on one page (issue 13, "Dates readers see"). The phrases are found in the
 * version's one tree by src/lib/content/date-phrases.ts (a keyword right before the date, in the
 * same sentence).
 *
 * Rule ids: `text-date-effective` (a date after "effective", "takes effect" ... is not the effective
 * date, the file name) and `text-date-updated` (a date after "last updated", "updated", "revised" is
 * neither the last-updated date, see src/lib/content/version-dates.ts, nor the `published:` date).
 * A date that does not exist ("June 31, 2024") is reported under the same ids. An error in the
 * version's first block, where readers look for the date; a warning elsewhere.
 */
import type { CheckedVersion, ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { formatDate } from '../../dates.ts';
import { datePhrases, type DatePhrase } from '../../content/date-phrases.ts';
import { lastUpdatedOf } from '../../content/version-dates.ts';

/** Report each date in a version's text that contradicts the version's own dates. */
export const writtenDatesRule: ContentRule = ({ versions, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    for (const phrase of datePhrases(version.tree, version.text)) {
      const message = disagreement(phrase, version);
      if (!message) continue;
      diagnostics.push({
        file: display(version.path), line: phrase.place.line, column: phrase.place.column, ruleId: `text-date-${phrase.kind}`,
        severity: phrase.inFirstBlock ? 'error' : 'warning', message,
      });
    }
  }
  return diagnostics;
};

/** What is wrong with a phrase and how to fix it, or `undefined` when it agrees with the version. */
function disagreement(phrase: DatePhrase, version: CheckedVersion): string | undefined {
  if (phrase.impossible) {
    const own = phrase.kind === 'effective' ? version.effective : lastUpdatedOf(version.effective, version.frontmatter);
    return `The text says "${phrase.keyword} ${phrase.written}", a date that does not exist. Write the version's ${phrase.kind === 'effective' ? 'effective' : 'last-updated'} date, ${formatDate(own)}.`;
  }
  const said = `The text says "${phrase.keyword} ${phrase.written}" (${phrase.date})`;
  if (phrase.kind === 'effective') {
    if (phrase.date === version.effective) return undefined;
    return `${said}, but this version's effective date is ${version.effective} (the file name), which the page shows as "Effective ${formatDate(version.effective)}". Change the text to ${formatDate(version.effective)}, or, if the text is right, rename the file to ${phrase.date}.${version.format}.`;
  }
  const { lastUpdated, corrections, published } = version.frontmatter;
  const updated = lastUpdatedOf(version.effective, version.frontmatter);
  if (phrase.date === updated || phrase.date === published) return undefined;
  const source = corrections ? 'the date of its latest correction' : lastUpdated ? '`lastUpdated:` in the frontmatter' : 'its effective date, as it has no correction';
  const fix = corrections ? 'the latest correction\'s `date:`' : '`lastUpdated:` (or record a correction)';
  return `${said}, but this version was last updated on ${updated} (${source}), which the page shows as "Last updated ${formatDate(updated)}". Change the text to ${formatDate(updated)}, or, if the text is right, correct ${fix} in the frontmatter.`;
}
