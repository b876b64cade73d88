/**
 * The diff engine checked by invariants (issue 12), on real texts (the seed statement in content/,
 * the GitHub Terms of Service corpus in ../shared, skipped loudly without it) and on random
 * mutations of them (moves, splits, merges, heading-level changes, anchor renumbering, link-target
 * changes, inserted and deleted sentences, re-wraps):
 *
 * 1. Lossless: each change's segments give back exactly the words of the block it stands for (every
 *    letter and digit in order, and every link target), on each side, and the blocks no change
 *    names are the same on both sides.
 * 2. In place: a change is shown under the section of its block in each version.
 * 3. Moves are real: no more blocks moved than were moved; none for heading levels or nesting.
 * 4. Minimal: words marked ≤ 1.05 × the minimal word edit + 5.
 * 5. No noise: no text struck and re-inserted as it was; a split, merge or re-wrap marks no word.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksOf, diffBlocks, type Block, type Change, type Segment, type VersionDiff } from '../../../src/lib/diff/index.ts';
import { typographyKey } from '../../../src/lib/diff/normalise.ts';
import { markedWords, minimalWordEdit, versionWords } from '../../../src/lib/diff/quality.ts';
import { root, sharedDir } from '../../helpers/site.ts';

const corpusDir = join(sharedDir, 'corpora', 'github-terms-of-service');
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f)).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8')) : [];
if (corpus.length === 0) console.warn(`\n${'⚠'.repeat(60)}\n⚠ DIFF INVARIANTS ON THE GITHUB TERMS CORPUS SKIPPED: no corpus at ${corpusDir}\n${'⚠'.repeat(60)}\n`);
const seed = readFileSync(join(root, 'content', 'privacy-statement', '2022-03-31.mdx'), 'utf8');

const hasWord = (word: string) => /[\p{L}\p{N}]/u.test(word);
/**
 * Text as the lossless check compares it: every letter and digit of the words, in order, and every
 * link target whole; whitespace and the punctuation between words left out (where a space falls
 * next to a dash is not a word).
 */
const glyphs = (words: readonly string[]) => words.map((word) => (word.startsWith('<') && word.endsWith('>') ? word : word.replace(/[^\p{L}\p{N}]/gu, ''))).join('');

/** The words one side of a change's segments shows, as versionWords counts them. */
function sideWords(segments: readonly Segment[], side: 'old' | 'new'): string[] {
  let text = '';
  const words: string[] = [];
  const flush = () => {
    words.push(...typographyKey(text).split(/\s+/u).filter(hasWord));
    text = '';
  };
  for (const segment of segments) {
    if (segment.op === (side === 'old' ? 'insert' : 'delete')) continue;
    if (segment.target !== undefined) {
      flush();
      words.push(`<${segment.target}>`);
      continue;
    }
    text += ((side === 'old' && segment.op === 'equal' ? segment.oldSpace ?? segment.space : segment.space) ? ' ' : '') + segment.text;
  }
  flush();
  return words;
}

/** Check invariants 1, 2 and 5 (its first half) of one diff; returns the problems found. */
function check(oldBlocks: readonly Block[], newBlocks: readonly Block[], diff: VersionDiff): string[] {
  const problems: string[] = [];
  const show = (change: Change) => `${change.id} ${change.kind} ${change.type}`;
  const oldNamed = new Set<number>();
  const newNamed = new Set<number>();
  for (const change of diff.changes) {
    if (change.newBlock !== undefined) {
      newNamed.add(change.newBlock);
      const block = newBlocks[change.newBlock]!;
      if (glyphs(sideWords(change.segments, 'new')) !== glyphs(versionWords([block]))) problems.push(`lossless (new): ${show(change)}`);
      if (change.newSection?.anchor !== block.section.anchor) problems.push(`in place (new): ${show(change)}`);
    }
    if (change.oldBlocks) {
      change.oldBlocks.forEach((o) => oldNamed.add(o));
      if (change.oldSection?.anchor !== oldBlocks[change.oldBlocks[0]!]!.section.anchor) problems.push(`in place (old): ${show(change)}`);
    }
    for (let i = 0; i + 1 < change.segments.length; i++) {
      const [a, b] = [change.segments[i]!, change.segments[i + 1]!];
      if (a.op !== 'equal' && b.op !== 'equal' && a.op !== b.op && a.target === undefined && b.target === undefined && a.text === b.text && a.text !== '') problems.push(`noise: ${show(change)} strikes and re-inserts "${a.text}"`);
    }
  }
  // The old side: a change that alone shows an old block gives back its words in order; and all
  // the changes together show every word of the old blocks they name, each once.
  const namedBy = new Map<number, number>();
  for (const change of diff.changes) for (const o of change.oldBlocks ?? []) namedBy.set(o, (namedBy.get(o) ?? 0) + 1);
  for (const change of diff.changes) {
    if (change.oldBlocks?.length === 1 && namedBy.get(change.oldBlocks[0]!) === 1 && glyphs(sideWords(change.segments, 'old')) !== glyphs(versionWords([oldBlocks[change.oldBlocks[0]!]!]))) problems.push(`lossless (old): ${show(change)}`);
  }
  const sorted = (words: string[]) => [...glyphs(words).replace(/[^\p{L}\p{N}<>]/gu, '')].sort().join('');
  if (sorted(diff.changes.flatMap((c) => (c.oldBlocks ? sideWords(c.segments, 'old') : []))) !== sorted(versionWords([...oldNamed].map((o) => oldBlocks[o]!)))) {
    problems.push('lossless (old): the changes do not show each word of the old blocks they name once');
  }
  // What no change names is the same text in both versions, in the same order.
  const keptOld = versionWords(oldBlocks.filter((_, i) => !oldNamed.has(i))).join(' ');
  const keptNew = versionWords(newBlocks.filter((_, i) => !newNamed.has(i))).join(' ');
  if (keptOld !== keptNew) problems.push('lossless: the blocks no change names differ between the versions');
  return problems;
}

/** Diff two texts and check every invariant that holds for any pair; returns the diff. */
function diffChecked(before: string, after: string, format: 'md' | 'mdx' = 'md', label = ''): VersionDiff {
  const [oldBlocks, newBlocks] = [blocksOf({ text: before, format }), blocksOf({ text: after, format })];
  const diff = diffBlocks(oldBlocks, newBlocks);
  expect(check(oldBlocks, newBlocks, diff), label).toEqual([]);
  const minimal = minimalWordEdit(oldBlocks, newBlocks);
  expect(markedWords(diff), `${label}: marked ${markedWords(diff)} words, minimal edit ${minimal}`).toBeLessThanOrEqual(1.05 * minimal + 5);
  return diff;
}

describe.skipIf(corpus.length === 0)('every consecutive pair of the GitHub Terms of Service', () => {
  it('should satisfy the invariants: lossless, in place, no noise, minimal', () => {
    for (let k = 1; k < corpus.length; k++) diffChecked(corpus[k - 1]!, corpus[k]!, 'md', `pair ${k}`);
  });
});

// ---- Mutations: each turns a text into another, with what the diff must then show. ----

/** A text cut at blank lines into chunks (paragraphs, headings, list blocks). */
const chunks = (text: string) => text.split(/\n{2,}/);
const join2 = (parts: readonly string[]) => parts.join('\n\n');
/** Chunks that are plain paragraphs: no markup that a cut could break. */
const plain = (parts: readonly string[]) => parts.flatMap((part, i) => (/^[A-Za-z][^\n<>{}|*_`[\]#]*$/.test(part) && part.includes('. ') ? [i] : []));

type Mutation = { name: string; apply: (text: string, pick: number) => string | undefined; words: 'none' | 'some'; maxMoves: number };
const mutations: Mutation[] = [
  {
    name: 'split a paragraph', words: 'none', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts);
      if (candidates.length === 0) return undefined;
      const i = candidates[pick % candidates.length]!;
      const cut = parts[i]!.indexOf('. ');
      parts.splice(i, 1, parts[i]!.slice(0, cut + 1), parts[i]!.slice(cut + 2));
      return join2(parts);
    },
  },
  {
    name: 'merge two paragraphs', words: 'none', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts).filter((i) => plain(parts).includes(i + 1));
      if (candidates.length === 0) return undefined;
      const i = candidates[pick % candidates.length]!;
      parts.splice(i, 2, `${parts[i]} ${parts[i + 1]}`);
      return join2(parts);
    },
  },
  {
    name: 're-wrap a paragraph', words: 'none', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts);
      if (candidates.length === 0) return undefined;
      const i = candidates[pick % candidates.length]!;
      parts[i] = parts[i]!.replace(/ /g, (space, at: number) => (at % 23 < 4 ? '\n' : space));
      return join2(parts);
    },
  },
  {
    name: 'move every heading one level down', words: 'none', maxMoves: 0,
    apply: (text) => (/^#{1,5} /m.test(text) ? text.replace(/^(#{1,5}) /gm, '$1# ') : undefined),
  },
  {
    name: 'move a paragraph elsewhere', words: 'some', maxMoves: 1,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts);
      if (candidates.length < 2) return undefined;
      const from = candidates[pick % candidates.length]!;
      const to = candidates[(pick * 7 + 3) % candidates.length]!;
      if (from === to) return undefined;
      const [moved] = parts.splice(from, 1);
      parts.splice(to, 0, moved!);
      return join2(parts);
    },
  },
  {
    name: 'insert a sentence', words: 'some', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts);
      if (candidates.length === 0) return undefined;
      const i = candidates[pick % candidates.length]!;
      parts[i] = parts[i]!.replace('. ', '. We added this sentence on purpose. ');
      return join2(parts);
    },
  },
  {
    name: 'delete a sentence', words: 'some', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const candidates = plain(parts);
      if (candidates.length === 0) return undefined;
      const i = candidates[pick % candidates.length]!;
      const cut = parts[i]!.indexOf('. ');
      parts[i] = parts[i]!.slice(cut + 2);
      return join2(parts);
    },
  },
  {
    name: 'change a link target', words: 'some', maxMoves: 0,
    apply: (text, pick) => {
      const links = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)];
      if (links.length === 0) return undefined;
      const link = links[pick % links.length]!;
      return text.slice(0, link.index! + 2) + 'https://example.com/changed' + text.slice(link.index! + link[0].length - 1);
    },
  },
  {
    name: 'add a section with a heading seen before', words: 'some', maxMoves: 0,
    apply: (text, pick) => {
      const parts = chunks(text);
      const headings = parts.flatMap((part, i) => (/^#{2,4} [^{\n]+$/.test(part) ? [i] : []));
      if (headings.length === 0) return undefined;
      const i = headings[pick % headings.length]!;
      parts.splice(i, 0, parts[i]!, 'A new section that says something else entirely, under the same title.');
      return join2(parts);
    },
  },
];

describe('random mutations of real texts', () => {
  const texts: { name: string; text: string; format: 'md' | 'mdx' }[] = [
    { name: 'seed statement', text: seed, format: 'mdx' },
    ...corpus.filter((_, i) => i % 3 === 0).map((text, i) => ({ name: `GitHub terms ${i * 3}`, text, format: 'md' as const })),
  ];
  for (const { name, text, format } of texts) {
    it(`should keep every invariant under ${mutations.length} kinds of mutation, combined: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.record({ kind: fc.nat({ max: mutations.length - 1 }), pick: fc.nat() }), { minLength: 1, maxLength: 3 }), (plan) => {
          let mutated = text;
          let moves = 0;
          let wordsChange = false;
          const applied: string[] = [];
          for (const { kind, pick } of plan) {
            const mutation = mutations[kind]!;
            const next = mutation.apply(mutated, pick);
            if (next === undefined || next === mutated) continue;
            mutated = next;
            moves += mutation.maxMoves;
            wordsChange ||= mutation.words === 'some';
            applied.push(mutation.name);
          }
          fc.pre(applied.length > 0);
          const label = `${name}: ${applied.join(', ')}`;
          const diff = diffChecked(text, mutated, format, label);
          expect(diff.stats.blocksMoved, label).toBeLessThanOrEqual(moves);
          if (!wordsChange) expect(markedWords(diff), label).toBe(0);
        }),
        { seed: 12, numRuns: 60 },
      );
    });
  }
});
