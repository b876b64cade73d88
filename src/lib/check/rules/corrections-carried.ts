/**
 * Content rule `correction-not-carried` (a warning; issue 13, "Notice"): a correction made to a
 * version after the next, upcoming version was copied from it is not in that upcoming version.
 * The upcoming version still has the text as it was before the correction, so its changes page
 * would show the correction undone, a spurious change readers are told is coming.
 *
 * For each upcoming version, every edit (`changed: [{ from, to }]`, src/lib/content/corrections.ts)
 * of every correction of the version before it is looked for in its body: the edit was not carried
 * over when the body has the old text (`from`, not empty) and not the corrected one (`to`). A body
 * that has neither rewrote the passage on purpose and is not reported.
 */
import type { ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { bodyStartOf } from '../../content/corrections.ts';
import { shortened } from '../../editor-messages.ts';
import { placeVersions } from '../../site/timeline.ts';

/**
 * Check every upcoming version against the corrections of the version before it.
 *
 * @returns One warning per edit not carried over, at the line and column where the upcoming
 *   version has the old text, saying which correction and how to carry it.
 */
export const correctionsCarriedRule: ContentRule = ({ documents, versions, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const placed = placeVersions(versions.filter((v) => v.document === document.id), asOf);
    placed.forEach((version, index) => {
      const previous = placed[index - 1];
      const corrections = previous?.frontmatter.corrections;
      if (version.status !== 'upcoming' || !previous || !corrections) return;
      const bodyStart = bodyStartOf(version.text, version.tree);
      if (bodyStart === undefined) return;
      const body = version.text.slice(bodyStart);
      for (const correction of corrections) {
        for (const { from, to } of correction.changed ?? []) {
          if (from === '' || body.includes(to)) continue;
          const at = body.indexOf(from);
          if (at === -1) continue;
          const before = version.text.slice(0, bodyStart + at).split('\n');
          const [old, fixed] = [JSON.stringify(shortened(from)), JSON.stringify(shortened(to))];
          diagnostics.push({
            file: display(version.path),
            line: before.length,
            column: before.at(-1)!.length + 1,
            ruleId: 'correction-not-carried',
            severity: 'warning',
            message: `The version before this one (${display(previous.path)}) was corrected on ${correction.date} ("${shortened(correction.reason)}"): ${old} became ${fixed}. This upcoming version still has the old text here, so its changes page would show the correction undone. Carry the correction over: replace ${old} with ${fixed} here, unless this version changes the passage on purpose.`,
          });
        }
      }
    });
  }
  return diagnostics;
};
