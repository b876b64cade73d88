/**
 * In-memory content for the unit tests of the anchor, deep-link and notice rules: a registry and
 * versions written as text, checked with the pure content check (no disk, no build).
 */
import { checkContent, type ContentSources } from '../../src/lib/check/content-check.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';

/** A registry with a privacy statement (optionally with a notice setting) and a cookie notice. */
export function registry(notice = ''): string {
  return `documents:
  - id: privacy-statement
    title: Privacy Statement
    kind: statement
    description: How we handle personal data.
${notice}  - id: cookie-notice
    title: Cookie Notice
    kind: supplemental-notice
    parent: privacy-statement
    description: Cookies.
`;
}

/** A version file: frontmatter lines, then the body. */
export function version(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body.trim()}\n`;
}

/** The first version of the privacy statement, with every heading pinned. */
export const firstVersion = version('material: false', '## What we collect {#information-we-collect}\n\nNames.\n\n## Contact us {#contact-us}\n\nWrite to us.');
/** The cookie notice's only version. */
export const cookieVersion = version('material: false', '## Cookies {#cookies}\n\nOne cookie.');

/**
 * Check content given as a map of paths (relative to the content folder) to texts.
 *
 * @param files `documents.yaml`, `links.yaml` and version files.
 * @param asOf The as-of date, `YYYY-MM-DD`.
 * @returns Every diagnostic of the check.
 */
export function checkFiles(files: Record<string, string>, asOf = '2025-06-01'): Diagnostic[] {
  const entries = Object.entries(files);
  const sources: ContentSources = {
    root: 'content',
    registry: files['documents.yaml'] === undefined ? undefined : { path: 'documents.yaml', text: files['documents.yaml'] },
    links: files['links.yaml'] === undefined ? undefined : { path: 'links.yaml', text: files['links.yaml'] },
    files: entries.filter(([path]) => path.includes('/')).map(([path, text]) => ({ path, text })),
    folders: [...new Set(entries.filter(([path]) => path.includes('/')).map(([path]) => path.split('/')[0]!))].sort(),
  };
  return checkContent(sources, asOf).diagnostics;
}

/** Diagnostics of one rule family, e.g. `anchor-` or `notice-`. */
export function only(diagnostics: Diagnostic[], prefix: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId.startsWith(prefix));
}
