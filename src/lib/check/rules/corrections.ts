/**
 * Corrections: each correction of a version is dated on or after the day the version was
 * published (its `published:` date, else its effective date) and not after the as-of date; and
 * `lastUpdated`, which follows the latest correction, does not contradict it.
 *
 * Rule ids: `correction-before-published`, `correction-future`, `correction-last-updated`; and for the
 * edits a correction lists (`changed:`, src/lib/content/corrections.ts), undone from the latest
 * correction back: `correction-change-not-found` (its `to` is not in the text),
 * `correction-change-ambiguous` (it occurs more than once), `correction-change-no-op`.
 * (A correction without a date or reason is refused by the frontmatter schema: `frontmatter-schema`.)
 * That corrections are append-only (a locked one never changes or disappears, a new one is dated on
 * or after the one before it) is the lock's rule, since only the lock knows which are new: see
 * judgeVersion in src/lib/check/lock.ts and rules/lock.ts (`lock-correction-*`).
 */
import type { ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { frontmatterLineOf } from '../../content/frontmatter.ts';
import { correctionHistoryOf, type CorrectionProblem } from '../../content/corrections.ts';
import { shortened } from '../../editor-messages.ts';

/** Check the corrections of every version. */
export const correctionsRule: ContentRule = ({ versions, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    const corrections = version.frontmatter.corrections;
    if (!corrections) continue;
    const lineOf = (path: (string | number)[]) => frontmatterLineOf(version.text, path, version.tree) ?? 1;
    const report = (line: number, ruleId: string, message: string) =>
      diagnostics.push({ file: display(version.path), line, column: 1, ruleId, severity: 'error', message });
    const { published, lastUpdated } = version.frontmatter;
    const start = published !== undefined && published < version.effective ? published : version.effective;
    corrections.forEach((correction, index) => {
      const line = lineOf(['corrections', index]);
      if (correction.date < start) {
        report(line, 'correction-before-published', `The correction dated ${correction.date} is before this version was published (${start}). A correction fixes published text: use the day it was made. Before publication, just edit the text.`);
      } else if (correction.date > asOf) {
        report(line, 'correction-future', `The correction dated ${correction.date} is after the as-of date ${asOf}. Use the day the correction was actually made.`);
      }
    });
    for (const problem of correctionHistoryOf(version.text, corrections, version.tree).problems) {
      const change = corrections[problem.correction]!.changed![problem.change]!;
      report(lineOf(['corrections', problem.correction, 'changed', problem.change, problem.kind === 'no-op' ? 'from' : 'to']), `correction-change-${problem.kind}`, changeProblemMessage(problem, change.to, corrections.length));
    }
    const latest = corrections.map((c) => c.date).sort().at(-1)!;
    if (lastUpdated !== undefined && lastUpdated !== latest) {
      report(lineOf(['lastUpdated']), 'correction-last-updated', `\`lastUpdated: ${lastUpdated}\` contradicts the latest correction (${latest}). With corrections, the last-updated date follows them: remove \`lastUpdated\`.`);
    }
  }
  return diagnostics;
};

/** What is wrong with one edit of a correction, and how to fix it. */
function changeProblemMessage(problem: CorrectionProblem, to: string, corrections: number): string {
  const shown = JSON.stringify(shortened(to));
  const later = problem.correction < corrections - 1 ? ' (after undoing the edits of the corrections listed after this one)' : '';
  switch (problem.kind) {
    case 'no-op':
      return `Edit ${problem.change + 1} of this correction has the same \`from\` and \`to\`: it changes nothing. Remove it, or write the text as it was in \`from\`.`;
    case 'not-found':
      return `Edit ${problem.change + 1} of this correction: \`to: ${shown}\` does not occur in the version's text${later}. \`to\` is the corrected source text exactly as the file has it now (Markdown included, e.g. **bold** or [links](...)); copy it from the file.`;
    case 'ambiguous':
      return `Edit ${problem.change + 1} of this correction: \`to: ${shown}\` occurs more than once in the version's text${later}, so the place of the edit is unclear. Add the words around the edit to both \`from\` and \`to\` until \`to\` occurs only once.`;
  }
}
