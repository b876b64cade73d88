/**
 * What each correction changed (issue 11, "Immutability that cannot be edited away": every
 * correction is published as a redline of exactly what it changed).
 *
 * A correction declares its edits in the frontmatter, as the text before and after, in the
 * version's source (Markdown):
 *
 *     corrections:
 *       - date: 2024-05-01
 *         reason: Fixes a typo in the contact address.
 *         changed:
 *           - from: "Rua do Adress"
 *             to: "Rua do Address"
 *
 * Undoing the edits of the latest correction on the text as it is now gives the text before it;
 * undoing the one before on that gives the text before that, and so on. The lock records the hash
 * of each text before a correction (src/lib/check/lock.ts), so the check proves that the edits a
 * correction lists are the whole change it made: a "typo" fix that changes substance either lists
 * the substance, which every reader sees as a redline, or fails the check.
 *
 * Each `to` must occur exactly once in the body (the text after the frontmatter) at the moment its
 * edit is undone, so the place of every edit is unambiguous; `from` may be empty (an insertion) but
 * `to` may not (a deletion names the words around it in both).
 */
import type { Root } from 'mdast';
import { isFrontmatterSyntaxError, readFrontmatter } from './frontmatter.ts';
import type { Correction } from './schemas.ts';

/** Why the edits of a correction cannot be undone on the text. */
export interface CorrectionProblem {
  /** 0-based index of the correction in the frontmatter list. */
  correction: number;
  /** 0-based index of the edit in its `changed:` list. */
  change: number;
  /**
   * - `not-found`: `to` does not occur in the text (a later edit changed it, or it is mistyped);
   * - `ambiguous`: `to` occurs more than once;
   * - `no-op`: `from` and `to` are the same.
   */
  kind: 'not-found' | 'ambiguous' | 'no-op';
}

/** One correction that can be shown as a redline: the whole file text before and after it. */
export interface CorrectionStep {
  /** 0-based index of the correction in the frontmatter list. */
  index: number;
  /** Whole file text before the correction (same frontmatter, the body with the edits undone). */
  before: string;
  /** Whole file text after it. */
  after: string;
}

/** What correctionSteps found. */
export interface CorrectionHistory {
  /**
   * The corrections whose edits could be undone, latest first: from the latest correction back to
   * the first one, stopping at a correction without `changed:` (one recorded before corrections
   * listed their edits) or at a problem.
   */
  steps: CorrectionStep[];
  /** The first problem met, walking back from the latest correction. */
  problems: CorrectionProblem[];
}

/**
 * Undo corrections from the latest back, giving the text before each.
 *
 * @param text Whole file text, frontmatter included (LF line endings, as source-text.ts decodes it).
 * @param bodyStart Offset in `text` where the body begins (just after the frontmatter's closing
 *   `---` line; 0 when there is no frontmatter): edits never reach into the frontmatter.
 * @param corrections The version's corrections, in list order.
 * @returns The steps, latest correction first, and at most one problem.
 */
export function correctionSteps(text: string, bodyStart: number, corrections: readonly Correction[]): CorrectionHistory {
  const head = text.slice(0, bodyStart);
  let body = text.slice(bodyStart);
  const steps: CorrectionStep[] = [];
  for (let index = corrections.length - 1; index >= 0; index--) {
    const changes = corrections[index]!.changed;
    if (!changes) break;
    const after = body;
    // Undo the edits last first, so that an edit may rely on the ones listed before it.
    for (let change = changes.length - 1; change >= 0; change--) {
      const { from, to } = changes[change]!;
      const problem = (kind: CorrectionProblem['kind']): CorrectionHistory => ({ steps, problems: [{ correction: index, change, kind }] });
      if (from === to) return problem('no-op');
      const found = occurrences(body, to);
      if (found.length === 0) return problem('not-found');
      if (found.length > 1) return problem('ambiguous');
      body = body.slice(0, found[0]) + from + body.slice(found[0]! + to.length);
    }
    steps.push({ index, before: head + body, after: head + after });
  }
  return { steps, problems: [] };
}

/**
 * correctionSteps for a version file, finding where its body begins.
 *
 * @param text Whole file text (LF line endings).
 * @param corrections The version's corrections, in list order (empty: no steps).
 * @param tree The file's mdast when the caller has parsed it (saves a second parse).
 * @returns As correctionSteps; no steps when the frontmatter cannot be read (the check reports that).
 */
export function correctionHistoryOf(text: string, corrections: readonly Correction[] | undefined, tree?: Root): CorrectionHistory {
  if (!corrections?.some((correction) => correction.changed)) return { steps: [], problems: [] };
  const bodyStart = bodyStartOf(text, tree);
  if (bodyStart === undefined) return { steps: [], problems: [] };
  return correctionSteps(text, bodyStart, corrections);
}

/**
 * Where a version file's body begins: the offset just after the frontmatter's closing `---` line
 * (0 without frontmatter), the text corrections edit.
 *
 * @param text Whole file text (LF line endings).
 * @param tree The file's mdast when the caller has parsed it (saves a second parse).
 * @returns The offset, or undefined when the frontmatter cannot be read.
 */
export function bodyStartOf(text: string, tree?: Root): number | undefined {
  const frontmatter = readFrontmatter(text, tree);
  if (isFrontmatterSyntaxError(frontmatter)) return undefined;
  const lines = text.split('\n');
  return Math.min(lines.slice(0, frontmatter.endLine).reduce((offset, line) => offset + line.length + 1, 0), text.length);
}

/** Start offsets of the first two occurrences of `needle` in `haystack`, overlapping ones included: enough to know whether it is unique. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < 2; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}
