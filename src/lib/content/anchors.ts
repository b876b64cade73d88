/**
 * Anchors: the stable ids of a version's sections, read from its parsed source, and the former ids
 * of renamed sections that old links may still use.
 *
 * Rule (issue 5): editors pin every h2/h3 id with `{#id}` so that an id survives a change of the
 * heading's text; a renamed id is declared in `formerAnchors: { old-id: new-id }` and stays valid
 * in that version and every later one.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { walkType } from './mdast-walk.ts';

/** One heading of a version with the anchor it gets. */
export interface HeadingAnchor {
  /** The anchor: the pinned `{#id}`, or the slug the processor would derive from the text. */
  id: string;
  /** Whether the id is pinned with `{#id}` in the source. */
  pinned: boolean;
  /** Heading level, 1-6. */
  depth: number;
  /** The heading's text, without the `{#id}` attribute. */
  text: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** The id github-slugger derives from the text (unique within the version), suggested for pinning. */
  suggested: string;
}

/**
 * List every heading of a parsed version with its anchor.
 *
 * @param tree mdast from `parseVersionSource` (pinned ids on `heading.data.anchor`).
 * @returns Headings in document order; unpinned ones get github-slugger's slug (the slug GitHub and
 *   Astro's processors derive: lower case, punctuation dropped, spaces to hyphens, `-1` on repeats).
 */
export function headingAnchors(tree: Root): HeadingAnchor[] {
  const slugger = new GithubSlugger();
  const anchors: HeadingAnchor[] = [];
  walkType(tree, 'heading', (node: Heading) => {
    const text = toString(node).trim();
    const suggested = slugger.slug(text);
    const pinned = node.data?.anchor;
    anchors.push({ id: pinned ?? suggested, pinned: pinned !== undefined, depth: node.depth, text, line: node.position?.start.line ?? 1, suggested });
  });
  return anchors;
}

/** Former ids of a version's sections: old id -> the id of the section it now names. */
export type FormerAnchors = Record<string, string>;

/**
 * The former anchors in force in a version: those it declares and those declared by earlier
 * versions, chained (`a -> b` then `b -> c` gives `a -> c` and `b -> c`).
 *
 * @param declarations `formerAnchors` of the document's versions up to and including this one,
 *   oldest first (`undefined` where a version declares none).
 * @param ids Every anchor of this version.
 * @returns Old id -> current id, sorted by old id; an old id that is again a real anchor of this
 *   version, or whose section no longer exists, is left out.
 */
export function formerAnchorsAt(declarations: readonly (FormerAnchors | undefined)[], ids: ReadonlySet<string>): FormerAnchors {
  const chained = new Map<string, string>();
  for (const declared of declarations) {
    for (const [old, now] of Object.entries(declared ?? {})) {
      for (const [key, value] of chained) if (value === old) chained.set(key, now);
      chained.set(old, now);
    }
  }
  const result: FormerAnchors = {};
  for (const [old, now] of [...chained].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (old !== now && !ids.has(old) && ids.has(now)) result[old] = now;
  }
  return result;
}

/**
 * Group former anchors by the section they land on, for rendering hidden targets next to headings.
 *
 * @param former Old id -> current id.
 * @returns Current id -> its old ids, each list sorted.
 */
export function formerAnchorsBySection(former: FormerAnchors): Record<string, string[]> {
  const bySection: Record<string, string[]> = {};
  for (const [old, now] of Object.entries(former)) (bySection[now] ??= []).push(old);
  for (const list of Object.values(bySection)) list.sort();
  return bySection;
}
