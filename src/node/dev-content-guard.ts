/**
 * The content check for `astro dev`: the dev server renders each version on request, so a check at
 * start-up alone would let an edit made while it runs reach the page, and run any code it holds.
 * The dev server's watcher tells the guard when anything under the content folder changed
 * (src/integrations/content-check.ts); at the next page request the guard checks the content again,
 * reading only the files that changed. While the content has errors, pages are refused with the list
 * of problems instead of being rendered. Requests while nothing changed read nothing.
 *
 * Errors about the lock (`lock-*`) do not block a preview: the lock protects what is published, and
 * a preview publishes nothing; they are listed on the console like warnings.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CheckResult } from '../lib/check/content-check.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import type { Settings } from '../settings.ts';
import type { SourceCache } from './read-content.ts';
import { checkContentOnDisk } from './run-check.ts';

/** Whether a diagnostic stops a preview (errors other than the lock's). */
export function blocksPreview(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && !diagnostic.ruleId.startsWith('lock-');
}

/** Checks the content again when it changed, for the dev server. */
export class DevContentGuard {
  readonly #settings: Settings;
  readonly #report: (diagnostics: Diagnostic[]) => void;
  readonly #cache: SourceCache = new Map();
  #changed = true;
  #result: CheckResult | undefined;

  /**
   * @param settings The dev server's settings (content folder, as-of date).
   * @param report Told of every diagnostic of a check that found any (to print them on the console).
   */
  constructor(settings: Settings, report: (diagnostics: Diagnostic[]) => void = () => {}) {
    this.#settings = settings;
    this.#report = report;
  }

  /**
   * Say that something under the content folder changed (the watcher saw an event there): the next
   * `blocking()` checks again. Call it as soon as the event arrives, before the next request is served.
   */
  changed(): void {
    this.#changed = true;
  }

  /**
   * The diagnostics that stop a preview now, checking again first when the content changed since the
   * last check (only the files whose size, times or inode changed are read again).
   *
   * @returns The blocking diagnostics, sorted; empty when pages may be rendered.
   * @throws Error when the content folder does not exist.
   */
  blocking(): Diagnostic[] {
    if (this.#changed || !this.#result) {
      this.#changed = false;
      this.#result = checkContentOnDisk(this.#settings, process.cwd(), this.#cache);
      if (this.#result.diagnostics.length > 0) this.#report(sortDiagnostics(this.#result.diagnostics));
    }
    return sortDiagnostics(this.#result.diagnostics.filter(blocksPreview));
  }
}

/**
 * Whether a path the watcher reports is the content folder or under it.
 *
 * @param path Absolute path, or relative to the working folder.
 * @param contentDir The content folder.
 */
export function isUnderContent(path: string, contentDir: string): boolean {
  const rel = relative(resolve(contentDir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The page the dev server shows instead of a page while the content has errors.
 *
 * @param diagnostics The blocking diagnostics.
 * @returns A whole HTML document listing them, as `npm run check` prints them.
 */
export function contentErrorPage(diagnostics: readonly Diagnostic[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const items = diagnostics.map((d) => `<li><code>${escape(formatDiagnostic(d))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Content errors</title></head>
<body><main>
<h1>The content has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}</h1>
<p>Nothing is shown until they are fixed: a page is never rendered from content the check refuses. Fix them and reload; <code>npm run check</code> prints the same list.</p>
<ul>
${items}
</ul>
</main></body></html>
`;
}

/**
 * Whether a request to the dev server could name a file of the content folder, however it is
 * written: `/@fs/<absolute path>`, `/@id/…`, a path from the project root (`/content/…`), under the
 * base, with `..`, percent-encoded, with any query (`?raw`, `?import`, `?url`). Vite serves such a
 * file as it is (`?raw`) or compiles it with Astro's Markdown pipeline (`.md?import`), which would
 * make a version code and print its refused HTML: versions are data and are shown only as their
 * pages, so every such request is refused, whether or not the content has errors.
 *
 * It errs on the side of refusing: every tail of the path that starts at a `/` is tried, both as an
 * absolute path and from the project root; a path that cannot be decoded is refused too.
 *
 * @param url The request's URL (path and query, as sent).
 * @param root The project root (Vite's root), absolute.
 * @param contentDir The content folder, absolute or relative to the working folder.
 */
export function namesContentFile(url: string, root: string, contentDir: string): boolean {
  const folders = [resolve(contentDir)];
  try {
    folders.push(realpathSync(folders[0]!));
  } catch {
    // a content folder that does not exist holds no file to serve
  }
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/s, '')).replace(/\\/g, '/').replace(/__x00__/g, '');
  } catch {
    return true;
  }
  const inside = (candidate: string) => folders.some((folder) => {
    const rel = relative(folder, candidate);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
  for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) {
    const tail = path.slice(index);
    if (inside(resolve(tail)) || inside(resolve(root, `.${tail}`))) return true;
  }
  return false;
}
