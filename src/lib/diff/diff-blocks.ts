/**
 * The diff of two versions: align their blocks, diff changed blocks word by word, and group the
 * changes by section with statistics.
 */
import { alignBlocks, type Step } from './align.ts';
import { countWords, exactKey, plainText, wordingKey } from './normalise.ts';
import { regroup } from './regroup.ts';
import type { Block, Change, ChangeKind, DiffStats, SectionDiff, VersionDiff } from './types.ts';
import { createTokenizer, tidySegments } from './tokens.ts';
import { diffWordsOf, wholeBlockSegments } from './word-diff.ts';

/** Options of a diff. */
export interface DiffOptions {
  /** BCP 47 language of the text, for word segmentation; default `en`. */
  locale?: string;
}

/**
 * Diff two versions given as blocks (see `flattenBlocks`).
 *
 * Rules (issue 3): re-wrapping, whitespace, list markers and numbers, emphasis marker style and
 * anchor syntax make no change; typography-only changes (quotes, dashes) and emphasis changes are
 * `formatting`; a changed link target is a change; a block found elsewhere is `moved`.
 *
 * @param oldBlocks Blocks of the earlier version.
 * @param newBlocks Blocks of the later version.
 * @param options Locale for word segmentation.
 * @returns Changes in reading order, every section with its status, and statistics.
 */
export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: DiffOptions = {}): VersionDiff {
  const oldKeys = oldBlocks.map(wordingKey);
  const newKeys = newBlocks.map(wordingKey);
  const pieces = { old: new Set<number>(), new: new Set<number>() };
  const tokenizer = createTokenizer(options.locale);
  const regrouped = regroup(alignBlocks(oldBlocks, newBlocks, oldKeys, newKeys, pieces), oldBlocks, newBlocks, pieces, tokenizer);
  const steps = regrouped.steps;
  const wordOptions = { locale: options.locale, tokenizer };

  const changes: Change[] = [];
  const changeAtNew = new Map<number, Change>();
  const stepChange = new Map<Step, Change>();
  const make = (kind: ChangeKind, oldBlock: Block | undefined, newBlock: Block | undefined, diff: Pick<Change, 'segments' | 'wordsInserted' | 'wordsDeleted'>) => {
    const change: Change = { id: '', kind, type: (newBlock ?? oldBlock)!.type, ...diff };
    if (oldBlock) change.oldSection = oldBlock.section;
    if (newBlock) change.newSection = newBlock.section;
    return change;
  };
  for (const step of steps) {
    let change: Change | undefined;
    if (step.op === 'equal') {
      const [a, b] = [oldBlocks[step.old]!, newBlocks[step.new]!];
      if (exactKey(a) !== exactKey(b)) change = make('formatting', a, b, { ...diffWordsOf(a.runs, b.runs, { ...wordOptions, typography: 'show' }), wordsInserted: 0, wordsDeleted: 0 });
    } else if (regrouped.changes.has(step)) {
      const { kind, sources, ...diff } = regrouped.changes.get(step)!;
      // A piece of a split block that kept every word changed only its shape: formatting.
      const wording = diff.segments.some((s) => s.op !== 'equal');
      change = make(wording ? kind : 'formatting', oldBlocks[sources[0]!], newBlocks[(step as { new: number }).new], diff);
    } else if (step.op === 'paired') {
      const [a, b] = [oldBlocks[step.old]!, newBlocks[step.new]!];
      // The same block written the same way, paired by its anchor (`## Title` and `## Title {#title}`): no change.
      if (!step.moved && exactKey(a) === exactKey(b)) continue;
      const diff = diffWordsOf(a.runs, b.runs, wordOptions);
      const wording = diff.segments.some((s) => s.op !== 'equal');
      const kind: ChangeKind = step.moved ? 'moved' : wording ? 'modified' : 'formatting';
      change = make(kind, a, b, wording ? diff : { ...diffWordsOf(a.runs, b.runs, { ...wordOptions, typography: 'show' }), wordsInserted: 0, wordsDeleted: 0 });
    } else if (step.op === 'inserted') {
      const b = newBlocks[step.new]!;
      change = make('inserted', undefined, b, { segments: wholeBlockSegments(b.runs, 'insert'), wordsInserted: countWords(plainText(b.runs)), wordsDeleted: 0 });
    } else if (step.op === 'deleted') {
      const a = oldBlocks[step.old]!;
      change = make('deleted', a, undefined, { segments: wholeBlockSegments(a.runs, 'delete'), wordsInserted: 0, wordsDeleted: countWords(plainText(a.runs)) });
    }
    if (!change) continue;
    // Where the change's text comes from: indices into each version's blocks (`blocks.json`).
    if (step.op !== 'inserted') change.oldBlocks = regrouped.changes.get(step)?.sources ?? [step.old];
    if (step.op !== 'deleted' && step.op !== 'moved-away') change.newBlock = step.new;
    if (change.kind === 'modified' || change.kind === 'moved') {
      // A word struck and re-inserted as it was is a kept word (invariant "no noise").
      const tidy = tidySegments(change.segments);
      if (tidy.changed) {
        change.segments = tidy.segments;
        change.wordsInserted = Math.max(0, change.wordsInserted - tidy.unmarked);
        change.wordsDeleted = Math.max(0, change.wordsDeleted - tidy.unmarked);
      }
    }
    if ('old' in step && 'new' in step && step.op !== 'moved-away') {
      const [a, b] = [oldBlocks[step.old]!, newBlocks[step.new]!];
      if (a.type === 'heading' && b.type === 'heading' && a.depth !== b.depth) change.level = { from: a.depth!, to: b.depth! };
    }
    change.id = `change-${changes.length + 1}`;
    changes.push(change);
    stepChange.set(step, change);
    if ('new' in step) changeAtNew.set(step.new, change);
  }

  const sections = groupBySection(steps, oldBlocks, newBlocks, stepChange, changeAtNew);
  return { changes, sections, stats: statistics(changes, sections) };
}

function groupBySection(steps: readonly Step[], oldBlocks: readonly Block[], newBlocks: readonly Block[], stepChange: ReadonlyMap<Step, Change>, changeAtNew: ReadonlyMap<number, Change>): SectionDiff[] {
  // A heading kept across versions (same text or renamed) carries its old anchor over to the new one.
  const alias = new Map<string, string>();
  for (const step of steps) {
    if ((step.op === 'equal' || step.op === 'paired') && oldBlocks[step.old]!.type === 'heading' && newBlocks[step.new]!.type === 'heading') {
      alias.set(oldBlocks[step.old]!.section.anchor, newBlocks[step.new]!.section.anchor);
    }
  }
  const aliasOf = new Map([...alias].map(([from, to]) => [to, from]));
  const newAnchors = new Set(newBlocks.map((b) => b.section.anchor));
  const oldAnchors = new Set(oldBlocks.map((b) => b.section.anchor));
  const sections = new Map<string, SectionDiff>();
  const sectionFor = (block: Block, side: 'old' | 'new'): SectionDiff => {
    const key = side === 'new' ? block.section.anchor : (alias.get(block.section.anchor) ?? block.section.anchor);
    let section = sections.get(key);
    if (!section) {
      section = { anchor: key, title: block.section.title, trail: block.section.trail, status: 'unchanged', changes: [], movedAway: [] };
      if (newAnchors.has(key)) section.newAnchor = key;
      sections.set(key, section);
    }
    if (side === 'old') section.oldAnchor = block.section.anchor;
    else if (section.oldAnchor === undefined) {
      const old = aliasOf.get(key) ?? (oldAnchors.has(key) ? key : undefined);
      if (old !== undefined) section.oldAnchor = old;
    }
    return section;
  };
  for (const step of steps) {
    const change = stepChange.get(step);
    if (step.op === 'moved-away') {
      sectionFor(oldBlocks[step.old]!, 'old').movedAway.push(changeAtNew.get(step.new)!);
    } else if (step.op === 'deleted') {
      sectionFor(oldBlocks[step.old]!, 'old').changes.push(change!);
    } else {
      if (step.op !== 'inserted') sectionFor(oldBlocks[step.old]!, 'old');
      const section = sectionFor(newBlocks[step.new]!, 'new');
      if (change) section.changes.push(change);
    }
  }
  for (const section of sections.values()) {
    if (section.newAnchor === undefined) section.status = 'removed';
    else if (section.oldAnchor === undefined) section.status = 'added';
    else if (section.movedAway.length > 0 || section.changes.some((c) => c.kind !== 'formatting')) section.status = 'changed';
    else if (section.changes.length > 0) section.status = 'formatting';
  }
  return [...sections.values()];
}

function statistics(changes: readonly Change[], sections: readonly SectionDiff[]): DiffStats {
  const count = (status: SectionDiff['status']) => sections.filter((s) => s.status === status).length;
  return {
    sectionsChanged: count('changed'),
    sectionsAdded: count('added'),
    sectionsRemoved: count('removed'),
    sectionsFormattingOnly: count('formatting'),
    wordsInserted: changes.reduce((sum, c) => sum + c.wordsInserted, 0),
    wordsDeleted: changes.reduce((sum, c) => sum + c.wordsDeleted, 0),
    blocksMoved: changes.filter((c) => c.kind === 'moved').length,
    formattingChanges: changes.filter((c) => c.kind === 'formatting').length,
    headingLevelChanges: changes.filter((c) => c.level !== undefined).length,
    changes: changes.length,
  };
}
