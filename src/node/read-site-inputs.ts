/**
 * Read what the site model needs (registry entries and each version's frontmatter) without
 * parsing any version's text: for build steps that need dates and titles, not the content check.
 */
import { readRegistry } from '../lib/content/registry.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../lib/content/frontmatter.ts';
import { frontmatterSchema, type DocumentEntry } from '../lib/content/schemas.ts';
import type { VersionInput } from '../lib/site/site-model.ts';
import type { Settings } from '../settings.ts';
import { readContent } from './read-content.ts';

/**
 * Registry entries and version inputs of the content folder named by the settings. Files the
 * content check would refuse (bad names, bad frontmatter) are left out; the check reports them.
 *
 * @param settings The build's settings (content folder).
 * @param cwd Folder a relative content folder is resolved against.
 * @returns `documents` in registry order and `versions` (`document`, `effective` `YYYY-MM-DD`, `frontmatter`).
 * @throws Error when the content folder does not exist.
 */
export function readSiteInputs(settings: Settings, cwd: string = process.cwd()): { documents: DocumentEntry[]; versions: VersionInput[] } {
  const sources = readContent(settings.contentDir, cwd);
  const documents = sources.registry ? readRegistry('documents.yaml', sources.registry.text).documents : [];
  const versions: VersionInput[] = [];
  for (const file of sources.files) {
    const match = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.mdx?$/.exec(file.path);
    if (!match) continue;
    const raw = readFrontmatter(file.text);
    if (isFrontmatterSyntaxError(raw)) continue;
    const parsed = frontmatterSchema.safeParse(raw.data);
    if (parsed.success) versions.push({ document: match[1]!, effective: match[2]!, frontmatter: parsed.data });
  }
  return { documents, versions };
}
