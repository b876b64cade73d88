/**
 * Run the content check on disk: the one entry point shared by `npm run check`, the build script
 * and the Astro integration, so all three apply exactly the same rules.
 */
import { checkContent, type CheckResult } from '../lib/check/content-check.ts';
import { ContentError } from '../lib/diagnostics.ts';
import type { Settings } from '../settings.ts';
import { readContent, type SourceCache } from './read-content.ts';

/**
 * Check the content folder named by the settings.
 *
 * @param cache Files read before, re-read only when they changed (src/node/read-content.ts).
 * @returns The check result (diagnostics may include errors).
 * @throws Error when the content folder does not exist.
 */
export function checkContentOnDisk(settings: Settings, cwd: string = process.cwd(), cache?: SourceCache): CheckResult {
  return checkContent(readContent(settings.contentDir, cwd, cache), settings.asOf);
}

/**
 * Check the content and stop on errors.
 *
 * @throws ContentError listing every diagnostic when any is an error.
 */
export function assertContentValid(settings: Settings, cwd: string = process.cwd()): CheckResult {
  const result = checkContentOnDisk(settings, cwd);
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new ContentError(result.diagnostics);
  return result;
}
