/**
 * Content rule: every section of every version has a stable, well-formed, unique anchor, and
 * declared former anchors are usable (issue 5, "Anchors and deep links").
 *
 * Rule ids: `anchor-missing` (an h2/h3 without `{#id}`), `anchor-malformed`, `anchor-duplicate`,
 * `anchor-reserved` (an id the page chrome uses), `anchor-former-target` (a former id pointing at
 * no section of the version), `anchor-former-collision` (a former id that is still a section's id).
 */
import { headingAnchors } from '../anchors.ts';
import type { ContentRule } from '../content-check.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { anchorIdPattern } from '../schemas.ts';

/** Ids the page around a version's text already uses (Base.astro, TableOfContents.astro). */
export const reservedAnchors: readonly string[] = ['main', 'toc-title'];

/** Heading levels whose anchors must be pinned: the sections apps and the table of contents link to. */
const PINNED_DEPTHS = new Set([2, 3]);

/**
 * Check the anchors of every version.
 *
 * @returns One diagnostic per problem, with the heading's line and a fix (the suggested id comes
 *   from github-slugger, the slug the processor would otherwise derive).
 */
export const anchorRule: ContentRule = ({ versions, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    const file = display(version.path);
    const report = (line: number, ruleId: string, message: string) =>
      diagnostics.push({ file, line, column: 1, ruleId, severity: 'error', message });
    const headings = headingAnchors(version.tree);
    const seen = new Map<string, number>();
    for (const heading of headings) {
      const hashes = '#'.repeat(heading.depth);
      if (!heading.pinned && PINNED_DEPTHS.has(heading.depth)) {
        report(heading.line, 'anchor-missing', `The heading "${heading.text}" has no pinned anchor. Pin one so that links survive a change of its text: \`${hashes} ${heading.text} {#${heading.suggested}}\`.`);
      } else if (heading.pinned && !anchorIdPattern.test(heading.id)) {
        report(heading.line, 'anchor-malformed', `The anchor "${heading.id}" is not kebab-case. Use lower-case letters, digits and single hyphens, e.g. {#${heading.suggested}}.`);
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

/** The 1-based line of `key:` inside the frontmatter (the first line that starts with it), or 1. */
function entryLine(text: string, key: string): number {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  const index = lines.findIndex((line, i) => i > 0 && i < end && new RegExp(`^\\s+['"]?${key.replace(/[-]/g, '\\-')}['"]?\\s*:`).test(line));
  return index === -1 ? 1 : index + 1;
}
