/**
 * `npm run lock`: record in `<content>/versions.lock` the hash of every version not locked yet.
 * An existing hash is rewritten only for a version that lists a new correction (or that is not yet
 * published); a published version whose text changed without one is refused (exit 1, with a ✖
 * summary and the way out, see src/lib/lock-messages.ts). Refuses to
 * run while the content has other errors, so a broken text is never locked.
 *
 * Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF (see src/settings.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { count } from '../src/lib/editor-messages.ts';
import { changedVersionAdvice, lockedStatus } from '../src/lib/lock-messages.ts';
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
    const version = result.versions.find((v) => `${v.document}/${v.effective}` === key)!;
    console.error(`  refused     ${key}: ${lockedStatus(version, settings.asOf)}, and its text changed without a new correction.`);
    console.error(`              ${changedVersionAdvice(version, settings.asOf, shown)} (See content/README.md, "Published versions are locked".)`);
  }
  const changed = plan.added.length + plan.corrected.length + plan.updatedDrafts.length > 0;
  if (changed) writeFileSync(path, serializeLock(plan.lock));
  if (plan.refused.length > 0) {
    // No tick after a refusal: the editor must act before the lock is right.
    if (changed) console.error(`  ${shown} was updated for the other versions listed above; commit it with your change.`);
    console.error(`\n✖ Refused to lock ${count(plan.refused.length, 'version')} whose text changed after ${plan.refused.length === 1 ? 'it was' : 'they were'} published: ${plan.refused.join(', ')}. ${shown} still records ${plan.refused.length === 1 ? 'its' : 'their'} earlier text, so \`npm run check\` fails until you follow the advice above.`);
    process.exitCode = 1;
  } else {
    console.log(changed ? `✔ ${shown} updated: commit it with your change.` : `✔ ${shown} is up to date (${count(plan.lock.size, 'version')} locked).`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
