/**
 * Hand a version's former anchors from VersionArticle.astro to the heading components it renders
 * through MDX (which only pass `id` on): both read and write `Astro.locals`, which Astro creates
 * afresh for each page it renders.
 */

/** The part of `Astro.locals` this feature uses. */
interface FormerAnchorLocals {
  /** Current anchor -> former anchors that must still land on it. */
  formerAnchorsBySection?: Record<string, string[]>;
}

/**
 * Record the former anchors of the version the page renders.
 *
 * @param locals `Astro.locals` of the page.
 * @param bySection Current anchor -> its former anchors (see formerAnchorsBySection in src/lib/anchors.ts).
 */
export function setFormerAnchors(locals: object, bySection: Record<string, string[]>): void {
  (locals as FormerAnchorLocals).formerAnchorsBySection = bySection;
}

/**
 * The former anchors that land on a heading.
 *
 * @param locals `Astro.locals` of the page.
 * @param id The heading's anchor.
 * @returns Old ids, sorted; empty when there are none or the page set none.
 */
export function formerAnchorsOf(locals: object, id: string | undefined): string[] {
  return (id && (locals as FormerAnchorLocals).formerAnchorsBySection?.[id]) || [];
}
