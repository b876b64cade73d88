/**
 * In-memory content for the editors' checks (issue 6): a small valid base with a lock, changed per
 * test case and checked with the pure content check.
 */
import { checkContent, type ContentSources } from '../../src/lib/check/content-check.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { planLock, serializeLock } from '../../src/lib/check/lock.ts';
import { planLinks } from '../../src/lib/check/lock-links.ts';

/** As-of date of the base content: both versions of the privacy statement are in effect. */
export const asOf = '2025-06-01';

/** A version file: frontmatter lines, then the body. */
export function version(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body.trim()}\n`;
}

/** The valid base content, without its lock. */
export const base: Readonly<Record<string, string>> = {
  'documents.yaml': `documents:
  - id: privacy-statement
    title: Privacy Statement
    kind: statement
    description: How we handle personal data.
  - id: terms-of-use
    title: Terms of Use
    kind: terms
    description: The rules.
`,
  'privacy-statement/2022-03-31.mdx': version('material: false', '## What we collect {#what-we-collect}\n\nNames.\n\n## Contact us {#contact-us}\n\nWrite to us.'),
  'privacy-statement/2024-01-01.mdx': version('summary: Adds retention.\nmaterial: false', '## What we collect {#what-we-collect}\n\nNames.\n\n## Data retention {#data-retention}\n\nA year.\n\n## Contact us {#contact-us}\n\nWrite to us.'),
  'terms-of-use/2023-06-01.md': version('material: false', '## Acceptable use {#acceptable-use}\n\nBe kind.'),
};

/** Turn a map of paths to texts into the sources the check reads (`versions.lock` included when present). */
export function sourcesOf(files: Record<string, string>): ContentSources {
  const entries = Object.entries(files).filter(([path]) => path.includes('/'));
  const top = (name: string) => (files[name] === undefined ? undefined : { path: name, text: files[name]! });
  return {
    root: 'content',
    registry: top('documents.yaml'),
    links: top('links.yaml'),
    lock: top('versions.lock'),
    files: entries.map(([path, text]) => ({ path, text })),
    folders: [...new Set(entries.map(([path]) => path.split('/')[0]!))].sort(),
  };
}

/** The lock `npm run lock` would write for some content (its versions and the keys of its links.yaml). */
export function lockFor(files: Record<string, string>, at = asOf): string {
  const { versions, links } = checkContent(sourcesOf(files), at);
  return serializeLock(planLock(versions, new Map(), at).lock, planLinks(links, undefined).links);
}

/** The base content with its lock. */
export const locked: Readonly<Record<string, string>> = { ...base, 'versions.lock': lockFor(base) };

/**
 * Check the locked base content with some files changed (`undefined` deletes a file).
 *
 * @returns Every diagnostic.
 */
export function checkChanged(changes: Record<string, string | undefined>, at = asOf): Diagnostic[] {
  const files: Record<string, string> = { ...locked };
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  return checkContent(sourcesOf(files), at).diagnostics;
}

/** `file:line rule-id` of each diagnostic, the way the tests compare them. */
export function places(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`);
}
