/**
 * What each correction changed (issue 11): undoing the edits a correction lists gives the text
 * before it, exactly, correction by correction; an edit that cannot be placed is a problem, never
 * a guess.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctionHistoryOf, correctionSteps } from '../../../src/lib/content/corrections.ts';
import type { Correction } from '../../../src/lib/content/schemas.ts';
import { root } from '../../helpers/site.ts';

const head = '---\nmaterial: false\n---\n';
const body = '\n## Contact {#contact}\n\nWrite to Rua do Adress 1, Porto.\n\nWe keep data for a yeer.\n';
const fix = (date: string, ...changed: { from: string; to: string }[]): Correction => ({ date, reason: 'Typo.', changed });

describe('correctionSteps', () => {
  it('should undo the latest correction first, giving each text before and after', () => {
    const now = head + body.replace('Adress', 'Address').replace('yeer', 'year');
    const { steps, problems } = correctionSteps(now, head.length, [fix('2024-01-01', { from: 'Adress', to: 'Address' }), fix('2024-02-01', { from: 'yeer', to: 'year' })]);
    expect(problems).toEqual([]);
    expect(steps.map((s) => s.index)).toEqual([1, 0]);
    expect(steps[0]!.after).toBe(now);
    expect(steps[0]!.before).toBe(head + body.replace('Adress', 'Address'));
    expect(steps[1]!.before).toBe(head + body);
  });

  it('should undo the edits of one correction last first, so one edit may build on another', () => {
    const now = head + body.replace('a yeer', 'two years');
    const { steps } = correctionSteps(now, head.length, [fix('2024-01-01', { from: 'yeer', to: 'year' }, { from: 'a year', to: 'two years' })]);
    expect(steps[0]!.before).toBe(head + body);
  });

  it('should stop at a correction recorded without its edits', () => {
    const { steps, problems } = correctionSteps(head + body, head.length, [fix('2024-01-01', { from: 'x', to: 'Porto' }), { date: '2024-02-01', reason: 'Old.' }]);
    expect(steps).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('should never reach into the frontmatter', () => {
    expect(correctionSteps(head + body, head.length, [fix('2024-01-01', { from: 'true', to: 'material: false' })]).problems).toEqual([{ correction: 0, change: 0, kind: 'not-found' }]);
  });

  it('should refuse an edit whose text is missing, occurs twice, or changes nothing', () => {
    const problem = (change: { from: string; to: string }) => correctionSteps(head + body, head.length, [fix('2024-01-01', change)]).problems.map((p) => p.kind);
    expect(problem({ from: 'a', to: 'Nowhere' })).toEqual(['not-found']);
    expect(problem({ from: 'a', to: 'e' })).toEqual(['ambiguous']);
    expect(problem({ from: 'Porto', to: 'Porto' })).toEqual(['no-op']);
  });

  it('should find where the body starts from the frontmatter', () => {
    const now = head + body.replace('yeer', 'year');
    expect(correctionHistoryOf(now, [fix('2024-01-01', { from: 'yeer', to: 'year' })]).steps[0]!.before).toBe(head + body);
    expect(correctionHistoryOf(now, undefined)).toEqual({ steps: [], problems: [] });
  });
});

describe('correctionSteps on a real text (property)', () => {
  const seed = readFileSync(join(root, 'content', 'privacy-statement', '2022-03-31.mdx'), 'utf8');
  const start = seed.indexOf('\n---\n', 4) + 5;

  it('should give back the text exactly, for any sequence of corrections applied to it', () => {
    const edit = fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), insert: fc.string({ minLength: 0, maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (plans) => {
        // Apply each planned correction forward, recording each edit as the words before and after
        // (widened until `to` is unique in the text after the edit), as an editor would.
        const texts = [seed];
        const corrections: Correction[] = [];
        let text = seed;
        for (const [index, plan] of plans.entries()) {
          const changed: { from: string; to: string }[] = [];
          for (const { at, length, insert } of plan) {
            const bodyLength = text.length - start;
            const from = start + (at % bodyLength);
            const to = Math.min(text.length, from + length);
            let next = text.slice(0, from) + insert + text.slice(to);
            // Widen the edit to its surroundings until the new text occurs once in the body.
            let left = from;
            let right = from + insert.length;
            while ((next.slice(left, right) === '' || occurrences(next.slice(start), next.slice(left, right)) > 1) && (left > start || right < next.length)) {
              left = Math.max(start, left - 4);
              right = Math.min(next.length, right + 4);
            }
            const edited = { from: text.slice(left, to + (right - from - insert.length)), to: next.slice(left, right) };
            if (edited.from === edited.to) continue;
            changed.push(edited);
            text = next;
          }
          if (changed.length === 0) continue;
          corrections.push({ date: `2024-01-0${index + 1}`, reason: 'Edit.', changed });
          texts.push(text);
        }
        const { steps, problems } = correctionSteps(text, start, corrections);
        expect(problems).toEqual([]);
        expect(steps.map((s) => s.before)).toEqual(texts.slice(0, -1).reverse());
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}
