/**
 * Read the content folder from disk into the shape the pure content check takes.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import type { ContentSources, SourceFile } from '../lib/content-check.ts';

/**
 * Read `documents.yaml`, `links.yaml` and `versions.lock` (when present) and every file in the subfolders of a content folder.
 *
 * @param contentDir Absolute path, or relative to `cwd`.
 * @param cwd Project root, used to name the folder in messages (`content/...`).
 * @throws Error when the folder does not exist.
 */
export function readContent(contentDir: string, cwd: string = process.cwd()): ContentSources {
  const dir = isAbsolute(contentDir) ? contentDir : join(cwd, contentDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`The content folder ${dir} does not exist. Set LEGAL_CONTENT_DIR to a folder holding documents.yaml.`);
  }
  const registryPath = join(dir, 'documents.yaml');
  const registry = existsSync(registryPath) ? { path: 'documents.yaml', text: readFileSync(registryPath, 'utf8') } : undefined;
  const linksPath = join(dir, 'links.yaml');
  const links = existsSync(linksPath) ? { path: 'links.yaml', text: readFileSync(linksPath, 'utf8') } : undefined;
  const lockPath = join(dir, 'versions.lock');
  const lock = existsSync(lockPath) ? { path: 'versions.lock', text: readFileSync(lockPath, 'utf8') } : undefined;
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const path of filesUnder(join(dir, folder))) {
      files.push({ path: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  }
  const root = relative(cwd, dir).split('\\').join('/') || '.';
  return { root: root.startsWith('..') ? dir : root, registry, files, folders, links, lock };
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
