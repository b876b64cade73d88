/**
 * Published versions are immutable: the text of every version in `content/versions.lock` must
 * still hash to the recorded value, unless a new correction explains the change and the lock was
 * updated for it (see src/lib/lock.ts for what is hashed).
 *
 * Rule ids:
 * - `lock-missing` (warning): there is no lock file at all, so nothing is protected.
 * - `lock-syntax`: the lock file cannot be read.
 * - `lock-unlocked`: a version that has taken effect (or was published for notice) is not locked.
 * - `lock-pending`: an upcoming, unpublished version is not locked yet. An error too: every version
 *   that reaches the site is locked, so the daily build never meets an unlocked version on its
 *   effective date; until it is published, `npm run lock` may lock its text again (see lock.ts).
 * - `lock-changed`: a locked, published version's text changed without a new correction (the advice
 *   differs for a version only announced for notice: see lock-messages.ts).
 * - `lock-stale`: the lock does not record the version as it is, and `npm run lock` may update it
 *   (a new correction, or a draft not yet published).
 * - `lock-correction-removed`: a version lists fewer corrections than when it was locked.
 * - `lock-version-removed`: a locked version's file is gone.
 */
import type { ContentRule } from '../content-check.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { LOCK_FILE, lockKey, LockSyntaxError, mustBeLocked, parseLock, versionHash, type Lock } from '../lock.ts';
import { changedVersionAdvice, lockedStatus } from '../lock-messages.ts';

/** Compare every version with the lock. */
export const lockRule: ContentRule = ({ sources, versions, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  const lockFile = display(LOCK_FILE);
  const push = (file: string, line: number, ruleId: string, message: string, severity: Severity = 'error') =>
    diagnostics.push({ file, line, column: 1, ruleId, severity, message });
  if (!sources.lock) {
    const published = versions.filter((v) => mustBeLocked(v.effective, v.frontmatter, asOf)).length;
    if (versions.length > 0) {
      push(lockFile, 1, 'lock-missing', `There is no ${lockFile}, so ${published} published version${published === 1 ? ' is' : 's are'} not protected against silent changes. Run \`npm run lock\` and commit ${lockFile}.`, 'warning');
    }
    return diagnostics;
  }
  let lock: Lock;
  try {
    lock = parseLock(sources.lock.text);
  } catch (error) {
    if (!(error instanceof LockSyntaxError)) throw error;
    push(lockFile, error.line, 'lock-syntax', `${error.message}. The lock is written by \`npm run lock\`: restore it from git (git checkout ${lockFile}) rather than editing it.`);
    return diagnostics;
  }

  const present = new Set<string>();
  for (const version of versions) {
    const key = lockKey(version.document, version.effective);
    present.add(key);
    const file = display(version.path);
    const published = mustBeLocked(version.effective, version.frontmatter, asOf);
    const entry = lock.get(key);
    const corrections = version.frontmatter.corrections?.length ?? 0;
    const correctionsLine = lineOfKey(version.text, 'corrections') ?? 1;
    if (!entry) {
      if (published) {
        push(file, 1, 'lock-unlocked', `This version ${version.effective <= asOf ? `took effect on ${version.effective}` : `was published for notice on ${version.frontmatter.published}`} but is not in ${lockFile}. Run \`npm run lock\` and commit ${lockFile}.`);
      } else {
        push(file, 1, 'lock-pending', `This upcoming version is not locked yet. Run \`npm run lock\` and commit ${lockFile} with it (until the version is published, running it again after an edit locks the new text).`);
      }
      continue;
    }
    const hash = versionHash(version.text);
    if (corrections < entry.corrections) {
      push(file, correctionsLine, 'lock-correction-removed', `This version was locked with ${entry.corrections} correction${entry.corrections === 1 ? '' : 's'} and now lists ${corrections}. Corrections are part of the record: restore the removed entries.`);
    } else if (hash === entry.sha256 && corrections === entry.corrections) {
      continue;
    } else if (!published) {
      push(file, 1, 'lock-stale', `This upcoming version changed since it was locked; it is not published yet, so run \`npm run lock\` to lock the new text.`);
    } else if (corrections > entry.corrections) {
      push(file, correctionsLine, 'lock-stale', `This version has a new correction that ${lockFile} does not record yet. Run \`npm run lock\` and commit ${lockFile}.`);
    } else {
      const status = lockedStatus(version, asOf);
      push(file, 1, 'lock-changed', `This version is ${status}, and its text no longer matches ${lockFile}${version.effective <= asOf ? ': a version in effect never changes' : ''}. ${changedVersionAdvice(version, asOf, lockFile)}`);
    }
  }
  for (const [key, entry] of lock) {
    if (!present.has(key) && !sources.files.some((f) => f.path.replace(/\.mdx?$/, '') === key)) {
      push(lockFile, entry.line, 'lock-version-removed', `The locked version ${key} no longer exists. Published versions are never deleted or renamed: restore ${display(`${key}.mdx`)} (or .md) from git.`);
    }
  }
  return diagnostics;
};

/** 1-based line of a top-level frontmatter key, or `undefined`. */
function lineOfKey(text: string, key: string): number | undefined {
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  const index = lines.slice(0, Math.max(end, 0)).findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
