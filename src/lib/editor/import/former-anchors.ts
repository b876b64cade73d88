/**
 * Former anchors of an imported history: when a section of the previous version comes back in
 * this version under another anchor (its heading reworded, or re-lettered), old links to it should
 * still land, so the version declares `formerAnchors: { old-id: new-id }` (src/lib/content/schemas.ts).
 *
 * Sections are paired by what they say, never by their headings' words: a section whose heading
 * was reworded keeps its text, while two different sections may share heading words ("Payment",
 * "Payment terms").
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { MOVE_THRESHOLD } from '../../diff/align.ts';
import { bagSize, dice, wordBag } from '../../diff/similarity.ts';
import { anchorIdPattern } from '../../content/schemas.ts';

/** One section of a version: a heading's anchor and the text under it. */
export interface Section {
  /** The heading's anchor (pinned, or github-slugger's slug). */
  anchor: string;
  /** The heading's text, for messages. */
  heading: string;
  /** Heading level, 1-6. */
  depth: number;
  /** The text under the heading up to the next heading of the same or a higher level (subsections included), without the heading itself. */
  text: string;
}

/** Sections with fewer words than this are not paired: a short text (a heading over subsections) says too little. */
export const MIN_SECTION_WORDS = 8;

/**
 * The sections of a version.
 *
 * @param tree mdast of the version's body (headings with `data.anchor` where pinned).
 * @returns Every top-level heading's section, in document order.
 */
export function sectionsOf(tree: Root): Section[] {
  const slugger = new GithubSlugger();
  const blocks = tree.children;
  const sections: Section[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    const heading = toString(block, { includeHtml: false }).trim();
    const slug = slugger.slug(heading);
    const under: RootContent[] = [];
    for (const next of blocks.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= block.depth) break;
      if (next.type !== 'heading') under.push(next);
    }
    sections.push({ anchor: (block as Heading).data?.anchor ?? slug, heading, depth: block.depth, text: under.map((node) => toString(node as Nodes, { includeHtml: false })).join(' ') });
  });
  return sections;
}

/**
 * Pair the sections of the previous version whose anchor this version lacks with the sections of
 * this version whose anchor is new, by the words of their texts.
 *
 * @param previous Sections of the previous version, oldest version's order.
 * @param current Sections of this version.
 * @param threshold Least Dice coefficient of the two texts' words (src/lib/diff/similarity.ts) for a
 *   pair; default `MOVE_THRESHOLD` of the diff engine (src/lib/diff/align.ts), the similarity at which it
 *   calls a block moved with small edits.
 * @returns `old-id -> new-id`, each anchor used once, best pairs first (both kebab-case, the old one
 *   not an anchor of this version, so the check's `anchor-former-*` rules hold).
 */
export function inferFormerAnchors(previous: readonly Section[], current: readonly Section[], threshold = MOVE_THRESHOLD): Record<string, string> {
  const now = new Set(current.map((section) => section.anchor));
  const before = new Set(previous.map((section) => section.anchor));
  const gone = previous.filter((section) => !now.has(section.anchor) && anchorIdPattern.test(section.anchor));
  const added = current.filter((section) => !before.has(section.anchor) && anchorIdPattern.test(section.anchor));
  const bags = new Map([...gone, ...added].map((section) => [section, wordBag(section.text)]));
  const candidates: { old: Section; next: Section; score: number }[] = [];
  for (const old of gone) {
    const oldBag = bags.get(old)!;
    if (bagSize(oldBag) < MIN_SECTION_WORDS) continue;
    for (const next of added) {
      const nextBag = bags.get(next)!;
      if (bagSize(nextBag) < MIN_SECTION_WORDS) continue;
      const score = dice(oldBag, nextBag);
      if (score >= threshold) candidates.push({ old, next, score });
    }
  }
  const result: Record<string, string> = {};
  const used = new Set<string>();
  for (const { old, next } of candidates.sort((a, b) => b.score - a.score)) {
    if (old.anchor in result || used.has(next.anchor)) continue;
    result[old.anchor] = next.anchor;
    used.add(next.anchor);
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
}
