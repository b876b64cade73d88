/**
 * diffSequences, the sequence diff under the block and word diffs: whatever the input, its runs
 * rebuild both sides exactly and keep only items that are equal; on repeated text (no unique item
 * to anchor on) it still keeps what a full Myers diff keeps, within a few items.
 */
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences } from '../../../src/lib/diff/sequence.ts';

/** Rebuild both sides from the runs, and count the kept items. */
function rebuild(a: readonly string[], b: readonly string[], runs: NonNullable<ReturnType<typeof diffSequences>>) {
  const [left, right] = [[] as string[], [] as string[]];
  let [i, j, kept] = [0, 0, 0];
  for (const run of runs) {
    for (let n = 0; n < run.count; n++) {
      if (run.removed) left.push(a[i++]!);
      else if (run.added) right.push(b[j++]!);
      else {
        expect(a[i]).toBe(b[j]);
        left.push(a[i++]!);
        right.push(b[j++]!);
        kept++;
      }
    }
  }
  return { left, right, kept };
}

const words = fc.array(fc.constantFrom('the', 'data', 'we', 'you', 'share', 'keep', 'a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 120 });
/** A text repeated several times with a few edits in each copy: no word is unique. */
const repeated = fc.tuple(words, fc.integer({ min: 2, max: 8 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', 'y', '')), { maxLength: 12 })).map(([base, times, edits]) => {
  const a: string[] = Array.from({ length: times }, () => base).flat();
  const b = [...a];
  for (const [at, word] of edits) if (b.length > 0) b.splice(at % b.length, 1, ...(word ? [word] : []));
  return [a, b] as const;
});

describe('diffSequences', () => {
  it('should rebuild both sides exactly, keeping only equal items, for any two sequences', () => {
    fc.assert(fc.property(words, words, (a, b) => {
      const runs = diffSequences(a, b)!;
      const { left, right } = rebuild(a, b, runs);
      expect(left).toEqual(a);
      expect(right).toEqual(b);
    }), { numRuns: 500, seed: 12 });
  });

  it('should keep, on repeated text, nearly as much as a full Myers diff', () => {
    fc.assert(fc.property(repeated, ([a, b]) => {
      const { left, right, kept } = rebuild(a, b, diffSequences(a, b)!);
      expect(left).toEqual(a);
      expect(right).toEqual(b);
      const optimal = diffArrays([...a], [...b]).filter((c) => !c.added && !c.removed).reduce((sum, c) => sum + c.count, 0);
      expect(kept).toBeGreaterThanOrEqual(Math.floor(optimal * 0.95) - 3);
    }), { numRuns: 300, seed: 12 });
  });

  it('should give up past maxEdits, and only then', () => {
    const a = Array.from({ length: 400 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 400 }, (_, i) => `b${i}`);
    expect(diffSequences(a, b, 100)).toBeUndefined();
    expect(diffSequences(a, b, 1000)).toBeDefined();
  });
});
