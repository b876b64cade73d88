/**
 * Corrections: each correction of a version is dated on or after the day the version was
 * published (its `published:` date, else its effective date) and not after the as-of date; and
 * `lastUpdated`, which follows the latest correction, does not contradict it.
 *
 * Rule ids: `correction-before-published`, `correction-future`, `correction-last-updated`.
 * (A correction without a date or reason is refused by the frontmatter schema: `frontmatter-schema`.)
 * That corrections are append-only (a locked one never changes or disappears, a new one is dated on
 * or after the one before it) is the lock's rule, since only the lock knows which are new: see
 * judgeVersion in src/lib/check/lock.ts and rules/lock.ts (`lock-correction-*`).
 */
import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';

/** Check the corrections of every version. */
export const correctionsRule: ContentRule = ({ versions, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    const corrections = version.frontmatter.corrections;
    if (!corrections) continue;
    const lines = correctionLines(version.text);
    const report = (line: number, ruleId: string, message: string) =>
      diagnostics.push({ file: display(version.path), line, column: 1, ruleId, severity: 'error', message });
    const { published, lastUpdated } = version.frontmatter;
    const start = published !== undefined && published < version.effective ? published : version.effective;
    corrections.forEach((correction, index) => {
      const line = lines[index] ?? 1;
      if (correction.date < start) {
        report(line, 'correction-before-published', `The correction dated ${correction.date} is before this version was published (${start}). A correction fixes published text: use the day it was made. Before publication, just edit the text.`);
      } else if (correction.date > asOf) {
        report(line, 'correction-future', `The correction dated ${correction.date} is after the as-of date ${asOf}. Use the day the correction was actually made.`);
      }
    });
    const latest = corrections.map((c) => c.date).sort().at(-1)!;
    if (lastUpdated !== undefined && lastUpdated !== latest) {
      report(lineOfKey(version.text, 'lastUpdated'), 'correction-last-updated', `\`lastUpdated: ${lastUpdated}\` contradicts the latest correction (${latest}). With corrections, the last-updated date follows them: remove \`lastUpdated\`.`);
    }
  }
  return diagnostics;
};

/**
 * The file line of each entry of `corrections:` in a version's frontmatter.
 *
 * @param text Whole file text.
 * @returns 1-based lines, in list order (empty when there is no list).
 */
export function correctionLines(text: string): number[] {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (!/^---\s*$/.test(lines[0] ?? '') || end === -1) return [];
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, end).map((line) => line.replace(/\r$/, '')).join('\n'), { lineCounter });
  const list = document.get('corrections', true);
  if (!isSeq(list)) return [];
  return list.items.map((item) => {
    const range = (item as { range?: [number, number, number] }).range;
    return range ? lineCounter.linePos(range[0]).line + 1 : 1;
  });
}

function lineOfKey(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 1;
}
