/**
 * `npm run lock`: record in `<content>/versions.lock` the hash of every version not locked yet.
 * An existing hash is rewritten only for a version that lists a new correction (or that is not yet
 * published); a published version whose text changed without one is refused (exit 1). Refuses to
 * run while the content has other errors, so a broken text is never locked.
 *
 * Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF (see src/settings.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { LOCK_FILE, parseLock, planLock, serializeLock, type Lock } from '../src/lib/lock.ts';
import { checkContentOnDisk } from '../src/node/run-check.ts';
import { resolveSettings } from '../src/settings.ts';

try {
  const settings = resolveSettings(process.env);
  const dir = isAbsolute(settings.contentDir) ? settings.contentDir : join(process.cwd(), settings.contentDir);
  const path = join(dir, LOCK_FILE);
  const shown = `${settings.contentDir.replace(/\/$/, '')}/${LOCK_FILE}`;
  const result = checkContentOnDisk(settings);
  const blocking = result.diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.startsWith('lock-'));
  if (blocking.length > 0) {
    for (const diagnostic of sortDiagnostics(blocking)) console.error(formatDiagnostic(diagnostic));
    console.error(`\n✖ Fix these ${blocking.length} error${blocking.length === 1 ? '' : 's'} first (npm run check): nothing was locked.`);
    process.exit(1);
  }
  const lock: Lock = existsSync(path) ? parseLock(readFileSync(path, 'utf8')) : new Map();
  const plan = planLock(result.versions, lock, settings.asOf);
  for (const key of plan.added) console.log(`  locked      ${key}`);
  for (const key of plan.corrected) console.log(`  corrected   ${key} (new correction recorded)`);
  for (const key of plan.updatedDrafts) console.log(`  re-locked   ${key} (not published yet)`);
  for (const key of plan.refused) {
    console.error(`  refused     ${key}: published, and its text changed without a new correction. Undo the change, or add a correction (see content/README.md).`);
  }
  const changed = plan.added.length + plan.corrected.length + plan.updatedDrafts.length > 0;
  if (changed) writeFileSync(path, serializeLock(plan.lock));
  console.log(changed ? `✔ ${shown} updated: commit it with your change.` : `✔ ${shown} is up to date (${plan.lock.size} versions locked).`);
  if (plan.refused.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
