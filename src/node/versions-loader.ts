/**
 * The content layer's loaders for the legal content: versions are data, never code (issue 11,
 * docs/decisions/0010-versions-are-data.md). Each version file is read once by
 * src/node/read-content.ts (regular files only, decoded by src/lib/content/source-text.ts), parsed
 * once by Sätteri into mdast, checked by the allow-list of src/lib/content/version-content.ts and
 * rendered to HTML from that same tree; the HTML is stored in the content layer (`rendered`), and
 * pages print it. No version is ever compiled to JavaScript, imported or evaluated.
 *
 * The loader fails closed on its own, whether or not `npm run check` ran: any file it cannot read,
 * parse or allow stops `astro build` and `astro dev` with `file:line:column: message [rule-id]`.
 */
import type { Loader } from 'astro/loaders';
import { formerAnchorsAt, formerAnchorsBySection, headingAnchors } from '../lib/content/anchors.ts';
import { versionContent } from '../lib/content/version-content.ts';
import { renderVersionHtml } from '../lib/content/version-html.ts';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { deepLinkEntries } from '../lib/site/deep-links.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../lib/content/frontmatter.ts';
import { frontmatterSchema, type Frontmatter } from '../lib/content/schemas.ts';
import { parseVersionSource, sourceFormatOf, type SourceFormat } from '../lib/content/version-source.ts';
import { readContent, type SourceCache } from './read-content.ts';
import { isUnderContent } from './dev-content-guard.ts';
import type { SourceFile } from '../lib/check/content-check.ts';
import { isCivilDate } from '../lib/dates.ts';
import { parse } from 'yaml';
import { resolve } from 'node:path';
import type { Root } from 'mdast';

/** Thrown when the content cannot be built: every problem, one per line. */
export class ContentRefusedError extends Error {
  /** Every problem found, errors only. */
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`The content was refused (nothing is built from it):\n${diagnostics.map(formatDiagnostic).join('\n')}\nRun \`npm run check\` for the whole report.`);
    this.name = 'ContentRefusedError';
    this.diagnostics = diagnostics;
  }
}

/** A version read for the loader. */
interface ReadVersion {
  id: string;
  document: string;
  effective: string;
  path: string;
  format: SourceFormat;
  text: string;
  tree: Root;
  frontmatter: Frontmatter;
}

/**
 * The loader of the `versions` collection.
 *
 * @param contentDir The content folder (absolute, or relative to the working folder).
 * @param base The site's base path (`/` or `/legal/`): site links in the text are rebased under it.
 * @returns An Astro loader; each entry has id `<document>/<YYYY-MM-DD>`, the frontmatter as data,
 *   the file text as `body`, and `rendered.html` / `rendered.metadata.headings`.
 * @throws ContentRefusedError (from `load`) when any file is refused.
 */
export function versionsLoader(contentDir: string, base: string): Loader {
  // What earlier loads read, parsed and rendered: in `astro dev` a change re-reads and re-parses only the
  // files that changed, and re-renders only the documents they belong to.
  const cache: VersionCache = { sources: new Map(), parsed: new Map() };
  const shownBefore = new Map<string, readonly ReadVersion[]>();
  return {
    name: 'legal-versions',
    async load({ store, parseData, generateDigest, watcher, logger }) {
      const run = async () => {
        const versions = readVersions(contentDir, cache);
        const byDocument = new Map<string, ReadVersion[]>();
        for (const version of versions) byDocument.set(version.document, [...(byDocument.get(version.document) ?? []), version]);
        const ids = new Set(versions.map((version) => version.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        for (const document of [...shownBefore.keys()]) if (!byDocument.has(document)) shownBefore.delete(document);
        for (const [document, own] of byDocument) {
          own.sort((a, b) => (a.effective < b.effective ? -1 : 1));
          // Unchanged files keep their ReadVersion object: the same objects in the same order are the same text.
          const before = shownBefore.get(document);
          if (before && before.length === own.length && before.every((version, index) => version === own[index]) && own.every((v) => store.has(v.id))) continue;
          shownBefore.set(document, own);
          for (const [index, version] of own.entries()) {
            const anchors = headingAnchors(version.tree);
            const former = formerAnchorsAt(own.slice(0, index + 1).map((v) => v.frontmatter.formerAnchors), new Set(anchors.map((a) => a.id)));
            const formerBySection = formerAnchorsBySection(former);
            const content = versionContent(version.tree, version.text, version.format);
            const rendered = renderVersionHtml(content.hast, anchors, { base, formerBySection });
            const data = await parseData({ id: version.id, data: version.frontmatter as Record<string, unknown>, filePath: version.path });
            store.set({
              id: version.id,
              data,
              body: version.text,
              filePath: version.path,
              digest: generateDigest({ text: version.text, base, formerBySection }),
              rendered: { html: rendered.html, metadata: { headings: rendered.headings, frontmatter: data } },
            });
          }
        }
      };
      await run();
      // `astro dev`: load again on every change under the content folder (Astro's watcher, the loader context's
      // `watcher`), reading only the files that changed. A refused change throws before the store is touched,
      // so the preview keeps the last allowed text and the error is logged (the content guard lists it).
      if (watcher) {
        const folder = resolve(contentDir);
        watcher.add(folder);
        let queue = Promise.resolve();
        watcher.on('all', (_event, path) => {
          if (!isUnderContent(path, folder)) return;
          queue = queue.then(run).catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
        });
      }
    },
  };
}

/** What the versions loader keeps between loads: the files read, and each version file's parse. */
interface VersionCache {
  sources: SourceCache;
  /** Path (relative to the content folder) to the file read and what reading it as a version gave. */
  parsed: Map<string, { file: SourceFile; outcome: ReadVersion | Diagnostic[] }>;
}

/**
 * Every version of the content folder, read, parsed and allowed.
 *
 * @throws ContentRefusedError listing every file that was refused.
 */
function readVersions(contentDir: string, cache?: VersionCache): ReadVersion[] {
  const sources = readContent(contentDir, process.cwd(), cache?.sources);
  const refused: Diagnostic[] = [...(sources.refused ?? [])];
  const versions: ReadVersion[] = [];
  for (const file of sources.files) {
    const known = cache?.parsed.get(file.path);
    // The source cache hands back the same SourceFile object while the file is unchanged.
    const outcome = known?.file === file ? known.outcome : readVersion(sources.root, file);
    cache?.parsed.set(file.path, { file, outcome });
    if (Array.isArray(outcome)) {
      refused.push(...outcome);
      continue;
    }
    const twin = versions.find((v) => v.id === outcome.id);
    if (twin) {
      refused.push({ file: `${sources.root}/${file.path}`, line: 1, column: 1, ruleId: 'version-duplicate-date', severity: 'error', message: `Two versions of "${outcome.document}" take effect on ${outcome.effective}: ${sources.root}/${twin.path} and ${sources.root}/${file.path}. Keep one file per effective date.` });
      continue;
    }
    versions.push(outcome);
  }
  if (cache) for (const path of [...cache.parsed.keys()]) if (!sources.files.some((f) => f.path === path)) cache.parsed.delete(path);
  if (refused.length > 0) throw new ContentRefusedError(refused);
  return versions;
}

/**
 * Read one version file: parse it, read and check its frontmatter, allow its tree, check its name.
 *
 * @param root The content folder as messages name it.
 * @returns The version, or the diagnostics refusing it.
 */
function readVersion(root: string, file: SourceFile): ReadVersion | Diagnostic[] {
  const refused: Diagnostic[] = [];
  const refuse = (path: string, line: number, column: number, ruleId: string, message: string) => {
    refused.push({ file: `${root}/${path}`, line, column, ruleId, severity: 'error', message });
    return refused;
  };
  const [document, name, ...rest] = file.path.split('/');
  const format = sourceFormatOf(file.path);
  if (!document || !name || rest.length > 0 || !format) {
    return refuse(file.path, 1, 1, 'version-filename', 'Unexpected file: a document folder holds only version files named YYYY-MM-DD.mdx or .md.');
  }
  let tree: Root;
  try {
    tree = parseVersionSource(file.text, format);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return refuse(file.path, place.line ?? 1, place.column ?? 1, 'mdx-syntax', `Syntax error: ${place.reason ?? place.message}`);
  }
  const raw = readFrontmatter(file.text, tree);
  if (isFrontmatterSyntaxError(raw)) {
    return refuse(file.path, raw.line, raw.column, 'frontmatter-yaml', `Invalid frontmatter: ${raw.reason}.`);
  }
  const frontmatter = frontmatterSchema.safeParse(raw.data);
  if (!frontmatter.success) {
    return refuse(file.path, 1, 1, 'frontmatter-schema', `Invalid frontmatter: ${frontmatter.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`);
  }
  const content = versionContent(tree, file.text, format);
  for (const problem of content.problems) refuse(file.path, problem.line, problem.column, problem.ruleId, problem.message);
  if (content.problems.length > 0) return refused;
  const effective = name.replace(/\.mdx?$/, '');
  // Named as the check names versions (src/lib/check/content-check.ts), so the site never builds a version the check does not know.
  if (!isCivilDate(effective)) {
    return refuse(file.path, 1, 1, 'version-filename', `"${name}" is not named by a real effective date: a version file is named YYYY-MM-DD.mdx or .md.`);
  }
  return { id: `${document}/${effective}`, document, effective, path: file.path, format, text: file.text, tree, frontmatter: frontmatter.data };
}

/**
 * The loader of a YAML file at the top of the content folder (`documents.yaml`, `links.yaml`),
 * read through the same reader as the versions (a symbolic link is refused, never followed).
 *
 * @param contentDir The content folder.
 * @param name `documents.yaml` or `links.yaml`.
 * @param entries Turns the file's text into entries with an `id` (none when the file is absent).
 * @throws ContentRefusedError (from `load`) when the file is refused.
 */
export function yamlFileLoader(contentDir: string, name: 'documents.yaml' | 'links.yaml', entries: (text: string) => { id: string }[]): Loader {
  return {
    name: `legal-${name}`,
    async load({ store, parseData }) {
      const sources = readContent(contentDir);
      const refused = (sources.refused ?? []).filter((d) => d.file.endsWith(`/${name}`));
      if (refused.length > 0) throw new ContentRefusedError(refused);
      const file = name === 'documents.yaml' ? sources.registry : sources.links;
      store.clear();
      for (const entry of file ? entries(file.text) : []) {
        store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry as Record<string, unknown> }) });
      }
    },
  };
}

/** `documents.yaml` as entries: the registry's list order is the site's order, so it is recorded as `order`. */
export function registryEntries(text: string): { id: string }[] {
  return (parse(text) as { documents: { id: string }[] }).documents.map((entry, order) => ({ ...entry, order }));
}

/** `links.yaml` as entries (src/lib/site/deep-links.ts). */
export const linkEntries = deepLinkEntries;
