/**
 * Content rule: every section of every version has a stable, well-formed, unique anchor, and
 * declared former anchors are usable (issue 5, "Anchors and deep links").
 *
 * Rule ids: `anchor-missing` (an h2/h3 without `{#id}`), `anchor-malformed`, `anchor-duplicate`,
 * `anchor-reserved` (an id the page chrome uses), `anchor-former-target` (a former id pointing at
 * no section of the version), `anchor-former-collision` (a former id that is still a section's id).
 */
import { headingAnchors, type HeadingAnchor } from '../../content/anchors.ts';
import type { ContentRule } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { anchorIdPattern, kebabAnchor } from '../../content/schemas.ts';

/** Ids the page around a version's text already uses (Base.astro, TableOfContents.astro). */
export const reservedAnchors: readonly string[] = ['main', 'toc-title'];

/** Heading levels whose anchors must be pinned: the sections apps and the table of contents link to. */
const PINNED_DEPTHS = new Set([2, 3]);

/**
 * Check the anchors of every version.
 *
 * @returns One diagnostic per problem, with the heading's line and a fix (for a heading without an
 *   anchor: the anchor the previous version of the document pinned on a heading with the same or
 *   similar text, so links keep working; otherwise github-slugger's slug, the one the processor
 *   would derive).
 */
export const anchorRule: ContentRule = ({ versions, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    const file = display(version.path);
    const report = (line: number, ruleId: string, message: string) =>
      diagnostics.push({ file, line, column: 1, ruleId, severity: 'error', message });
    const headings = headingAnchors(version.tree);
    const previous = versions.filter((v) => v.document === version.document && v.effective < version.effective).at(-1);
    const earlier = previous ? headingAnchors(previous.tree).filter((h) => h.pinned && PINNED_DEPTHS.has(h.depth)) : [];
    const seen = new Map<string, number>();
    for (const heading of headings) {
      const hashes = '#'.repeat(heading.depth);
      const kept = !heading.pinned && PINNED_DEPTHS.has(heading.depth) ? formerAnchorFor(heading, earlier, headings) : undefined;
      if (kept) {
        report(heading.line, 'anchor-missing', `The heading "${heading.text}" has no pinned anchor. The previous version (${previous!.effective}) used {#${kept}} for "${earlier.find((h) => h.id === kept)!.text}"; keep it so links keep working: \`${hashes} ${heading.text} {#${kept}}\`.`);
      } else if (!heading.pinned && PINNED_DEPTHS.has(heading.depth)) {
        report(heading.line, 'anchor-missing', `The heading "${heading.text}" has no pinned anchor. Pin one so that links survive a change of its text: \`${hashes} ${heading.text} {#${heading.suggested}}\`.`);
      } else if (heading.pinned && !anchorIdPattern.test(heading.id)) {
        report(heading.line, 'anchor-malformed', `The anchor "${heading.id}" is not kebab-case. Use lower-case letters, digits and single hyphens, e.g. {#${kebabAnchor(heading.id) ?? heading.suggested}}.`);
      }
      if (reservedAnchors.includes(heading.id)) {
        report(heading.line, 'anchor-reserved', `The anchor "${heading.id}" is used by the page itself (reserved: ${reservedAnchors.join(', ')}). Pin another id, e.g. {#${heading.suggested}-section}.`);
      }
      const first = seen.get(heading.id);
      if (first !== undefined) {
        report(heading.line, 'anchor-duplicate', `The anchor "${heading.id}" is already used by the heading on line ${first}. Anchors must be unique in a version: pin another id, e.g. {#${heading.suggested === heading.id ? `${heading.id}-2` : heading.suggested}}.`);
      } else {
        seen.set(heading.id, heading.line);
      }
    }
    const former = version.frontmatter.formerAnchors ?? {};
    for (const [old, now] of Object.entries(former)) {
      const line = entryLine(version.text, old);
      if (seen.has(old)) {
        report(line, 'anchor-former-collision', `The former anchor "${old}" is still the anchor of the heading on line ${seen.get(old)}, so links to #${old} would land there, not on "${now}". Remove "${old}" from formerAnchors or pin another id on that heading.`);
      } else if (!seen.has(now)) {
        report(line, 'anchor-former-target', `The former anchor "${old}" points to "${now}", which no heading of this version has. Use one of this version's anchors: ${[...seen.keys()].join(', ') || '(none)'}.`);
      }
    }
  }
  return diagnostics;
};

/** Words that say nothing about a section ("Your rights" and "Your choices" are different sections). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'by', 'do', 'for', 'how', 'in', 'is', 'of', 'on', 'or', 'our', 'the', 'this', 'to', 'us', 'we', 'what', 'when', 'who', 'with', 'you', 'your']);

/**
 * The anchor a heading without one should keep: the id the previous version pinned on a heading
 * with the same text (ignoring case and punctuation), else on the most similar heading (at least
 * half the words shared, not counting words such as "your" or "how"), provided no heading of this
 * version pins that id already.
 */
function formerAnchorFor(heading: HeadingAnchor, earlier: readonly HeadingAnchor[], headings: readonly HeadingAnchor[]): string | undefined {
  const words = (text: string) => new Set(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w && !STOP_WORDS.has(w)));
  const mine = words(heading.text);
  const taken = new Set(headings.filter((h) => h.pinned).map((h) => h.id));
  let best: { id: string; score: number } | undefined;
  for (const candidate of earlier) {
    if (taken.has(candidate.id)) continue;
    const theirs = words(candidate.text);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const score = shared / Math.max(mine.size, theirs.size, 1);
    if (shared > 0 && score >= 0.5 && (!best || score > best.score)) best = { id: candidate.id, score };
  }
  return best?.id;
}

/** The 1-based line of `key:` inside the frontmatter (the first line that starts with it), or 1. */
function entryLine(text: string, key: string): number {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  const index = lines.findIndex((line, i) => i > 0 && i < end && new RegExp(`^\\s+['"]?${key.replace(/[-]/g, '\\-')}['"]?\\s*:`).test(line));
  return index === -1 ? 1 : index + 1;
}
