/**
 * The page types the quality checks cover, with an example page of each in the fixture site
 * (test/fixtures/corpus at 2025-06-01). A type is checked when its page exists in the built site;
 * the core types must always exist. To cover a new kind of page, add a row to `pageTypeTable`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the table: a kind of page and where to find an example of it. */
export interface PageTypeRow {
  /** Short name used in test titles and screenshot file names. */
  name: string;
  /** Site path to load (base excluded), e.g. `/privacy-statement/`. */
  path: string;
  /** File in the built site that proves the page exists, relative to the site folder. */
  file: string;
  /** Core types exist since the foundation: a missing one fails the checks instead of skipping it. */
  core: boolean;
  /**
   * For types whose example is not known in advance: find one in the built site.
   * @returns `{ path, file }` of an example page, or undefined when there is none.
   */
  discover?: (dir: string) => { path: string; file: string } | undefined;
}

/** A page type present in a built site, ready to load. */
export interface PageType {
  name: string;
  path: string;
  file: string;
}

/** Every page type the site has or will have, with its example in the fixture site. */
export const pageTypeTable: readonly PageTypeRow[] = [
  { name: 'home', path: '/', file: 'index.html', core: true },
  { name: 'current', path: '/privacy-statement/', file: 'privacy-statement/index.html', core: true },
  { name: 'archived', path: '/privacy-statement/2023-01-15/', file: 'privacy-statement/2023-01-15/index.html', core: true },
  { name: 'upcoming', path: '/privacy-statement/2025-09-01/', file: 'privacy-statement/2025-09-01/index.html', core: true },
  { name: 'history', path: '/privacy-statement/history/', file: 'privacy-statement/history/index.html', core: true },
  // Any unknown address gets the 404 page (with status 404) from the static server.
  { name: '404', path: '/no-such-page/', file: '404.html', core: true },
  {
    name: 'changes', path: '/privacy-statement/2024-03-01/changes/', file: 'privacy-statement/2024-03-01/changes/index.html', core: false,
    discover: (dir) => firstPage(dir, (parts) => parts.length === 3 && parts[2] === 'changes'),
  },
  {
    name: 'compare', path: '/privacy-statement/compare/', file: 'privacy-statement/compare/index.html', core: false,
    discover: (dir) => firstPage(dir, (parts) => parts.length === 2 && parts[1] === 'compare'),
  },
  {
    name: 'corrections', path: '/cookie-notice/2024-01-10/corrections/', file: 'cookie-notice/2024-01-10/corrections/index.html', core: false,
    discover: (dir) => firstPage(dir, (parts) => parts.length === 3 && parts[2] === 'corrections'),
  },
  { name: 'search', path: '/search/', file: 'search/index.html', core: false },
  {
    name: 'go', path: '/go/', file: 'go/index.html', core: false,
    discover: (dir) => firstPage(dir, (parts) => parts.length === 2 && parts[0] === 'go'),
  },
  // The old address of a renamed document's page (documents.yaml `formerIds`): the fixture's cookie notice was `cookie-policy`.
  {
    name: 'moved', path: '/cookie-policy/', file: 'cookie-policy/index.html', core: false,
    discover: (dir) => firstPage(dir, (parts) => parts.length === 1 && isMovedPage(join(dir, parts[0]!, 'index.html'))),
  },
];

/** Whether a built page is the old address of a renamed document's page (src/pages/[...moved].astro). */
function isMovedPage(file: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8').includes('data-moved-target');
}

/**
 * The page types present in a built site.
 *
 * @param dir The built site's folder.
 * @returns One entry per type whose example (or a discovered page of that type) exists, in table order.
 * @throws Error naming the missing core types and the files looked for.
 */
export function pageTypesIn(dir: string): PageType[] {
  const found: PageType[] = [];
  const missing: string[] = [];
  for (const row of pageTypeTable) {
    const example = existsSync(join(dir, row.file)) ? { path: row.path, file: row.file } : row.discover?.(dir);
    if (example) found.push({ name: row.name, ...example });
    else if (row.core) missing.push(`${row.name} (${row.file})`);
  }
  if (missing.length > 0) throw new Error(`Core page types missing from ${dir}: ${missing.join(', ')}`);
  return found;
}

/** The first `index.html` (in sorted order, up to three folders deep) whose folder parts satisfy `accept`. */
function firstPage(dir: string, accept: (parts: string[]) => boolean): { path: string; file: string } | undefined {
  const walk = (parts: string[]): { path: string; file: string } | undefined => {
    const folder = join(dir, ...parts);
    if (parts.length > 0 && accept(parts) && existsSync(join(folder, 'index.html'))) {
      return { path: `/${parts.join('/')}/`, file: `${parts.join('/')}/index.html` };
    }
    if (parts.length >= 3 || !existsSync(folder)) return undefined;
    for (const entry of readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      if (entry.startsWith('_') || entry === 'pagefind') continue;
      const hit = walk([...parts, entry]);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk([]);
}
