/**
 * Content rule: a material version is published at least the document's notice period before it
 * takes effect (issue 5, "Notice of upcoming versions"). The publication date is the version's
 * `published:` frontmatter; the rule never reads git.
 *
 * Rule ids: `notice-period` (too short; an error, or a warning when the registry entry says
 * `notice: { severity: warning }`), `notice-published-missing` (an upcoming material version
 * without `published:`; always an error), `notice-published-future` (a `published:` date after the
 * as-of date: the day a version was announced cannot be in the future; any version).
 */
import { addDays, daysBetween } from '../../dates.ts';
import { count } from '../../editor-messages.ts';
import type { ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../../content/frontmatter.ts';
import { defaultNotice } from '../../content/schemas.ts';
import { placeVersions } from '../../site/timeline.ts';

/**
 * Check the notice given for every material version after a document's first.
 *
 * @returns Diagnostics on the `published:` line (or the end of the frontmatter), with the days given
 *   and required, and how to fix it.
 */
export const noticePeriodRule: ContentRule = ({ documents, versions, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const notice = { ...defaultNotice, ...document.notice };
    const placed = placeVersions(versions.filter((v) => v.document === document.id), asOf);
    placed.forEach((version, index) => {
      const { material, published } = version.frontmatter;
      if (published !== undefined && published > asOf) {
        // Announced in the future: the site would show it as announced while the lock treats it as a
        // draft, so text already public could change silently.
        const raw = readFrontmatter(version.text);
        const line = isFrontmatterSyntaxError(raw) ? 1 : (raw.keyLines.get('published') ?? 1);
        diagnostics.push({ file: display(version.path), line, column: 1, ruleId: 'notice-published-future', severity: 'error', message: `\`published: ${published}\` is after the as-of date ${asOf}: \`published\` is the day the version was announced to readers, which cannot be in the future. Write the day you publish it (on or before ${asOf}), when you merge it; until then leave \`published\` out.` });
      }
      if (index === 0 || material !== true) return;
      const raw = readFrontmatter(version.text);
      const line = isFrontmatterSyntaxError(raw) ? 1 : (raw.keyLines.get('published') ?? Math.max(raw.endLine, 1));
      const report = (ruleId: string, severity: Diagnostic['severity'], message: string) =>
        diagnostics.push({ file: display(version.path), line, column: 1, ruleId, severity, message });
      const latest = addDays(version.effective, -notice.materialDays);
      if (published === undefined) {
        if (version.status === 'upcoming') {
          report('notice-published-missing', 'error', `This upcoming version is a material change, so it needs \`published: YYYY-MM-DD\`: the date it was published for notice, at least ${count(notice.materialDays, 'day')} before it takes effect on ${version.effective} (so on or before ${latest}). Add the key, or set \`material: false\` if the change is not material.`);
        }
        return;
      }
      const days = daysBetween(published, version.effective);
      if (days < notice.materialDays) {
        report('notice-period', notice.severity, `This material change was published on ${published}, ${days} day${Math.abs(days) === 1 ? '' : 's'} before it takes effect on ${version.effective}; the ${document.title} requires at least ${count(notice.materialDays, "day's", "days'")} notice (documents.yaml, notice.materialDays). Move the effective date to ${addDays(published, notice.materialDays)} or later (rename the file), or correct \`published:\` if the version was in fact published on or before ${latest}.`);
      }
    });
  }
  return diagnostics;
};
