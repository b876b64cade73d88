/**
 * Read the content folder from disk into the shape the pure content check takes. The site's
 * loaders (src/node/versions-loader.ts) read through the same function, so the check and the pages
 * see the same files, decoded the same way (src/lib/content/source-text.ts).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { ContentSources, SourceFile } from '../lib/check/content-check.ts';
import { decodeSource } from '../lib/content/source-text.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';

/** The files the top of the content folder holds; any other is reported by the check (`content-stray-file`). */
const TOP_FILES = new Set(['documents.yaml', 'links.yaml', 'versions.lock', 'README.md']);

/**
 * Read `documents.yaml`, `links.yaml` and `versions.lock` (when present) and every file in the subfolders of a content folder.
 *
 * Only regular files are read: a symbolic link (which could point at `/etc/passwd`), a device, a
 * FIFO or a socket anywhere in the folder is refused with a diagnostic, never followed. Each file
 * is decoded by `decodeSource` (UTF-8, LF); one that cannot be is refused at the bad byte.
 *
 * @param contentDir Absolute path, or relative to `cwd`.
 * @param cwd Project root, used to name the folder in messages (`content/...`).
 * @returns The sources; `refused` holds a diagnostic for each file that was not read.
 * @throws Error when the folder does not exist.
 */
export function readContent(contentDir: string, cwd: string = process.cwd()): ContentSources {
  const dir = isAbsolute(contentDir) ? contentDir : join(cwd, contentDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`The content folder ${dir} does not exist. Set LEGAL_CONTENT_DIR to a folder holding documents.yaml.`);
  }
  const shown = relative(cwd, dir).split('\\').join('/') || '.';
  const root = shown.startsWith('..') ? dir : shown;
  const refused: Diagnostic[] = [];
  const read = (path: string): SourceFile | undefined => {
    const absolute = join(dir, path);
    const stat = lstatSync(absolute);
    const file = `${root}/${path}`;
    if (!stat.isFile()) {
      const what = stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a folder' : 'not a regular file';
      refused.push({ file, line: 1, column: 1, ruleId: 'source-not-a-file', severity: 'error', message: `This is ${what}, which the content folder may not hold: content is read from regular files only. Replace it with the file itself.` });
      return undefined;
    }
    const decoded = decodeSource(readFileSync(absolute));
    if ('problem' in decoded) {
      const { line, column, ruleId, message } = decoded.problem;
      refused.push({ file, line, column, ruleId, severity: 'error', message });
      return undefined;
    }
    return { path, text: decoded.text };
  };
  const top = (name: string) => (existsSync(join(dir, name)) || isLink(join(dir, name)) ? read(name) : undefined);
  const registry = top('documents.yaml');
  const links = top('links.yaml');
  const lock = top('versions.lock');
  const folders: string[] = [];
  const strays: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isSymbolicLink()) read(entry.name);
    else if (!TOP_FILES.has(entry.name)) strays.push(entry.name);
  }
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const path of entriesUnder(dir, folder)) {
      const file = read(path);
      if (file) files.push(file);
    }
  }
  return { root, registry, files, folders, links, lock, refused, strays };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Paths (relative to `dir`, `/`-separated) of every entry below `folder` that is not a folder, skipping dot-names. */
function* entriesUnder(dir: string, folder: string): Generator<string> {
  for (const entry of readdirSync(join(dir, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) yield* entriesUnder(dir, path);
    else yield path;
  }
}

/**
 * Every file below a folder, at any depth, skipping names that start with a dot (`.DS_Store`, `.git`).
 *
 * @param dir Folder path.
 * @returns File paths (the folder joined with each name).
 */
export function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}
