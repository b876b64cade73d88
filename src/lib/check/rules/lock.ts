/**
 * Published versions are immutable: every version in effect or published for notice is in
 * `content/versions.lock`, and still matches its entry (hash, file name, `published`,
 * `lastUpdated`, corrections), unless corrections were appended and the lock was updated for them
 * (see judgeVersion in src/lib/check/lock.ts). Every finding is an error but one: `lock-missing` when no
 * version is published yet.
 *
 * Rule ids:
 * - `lock-missing`: there is no lock file, while versions are in effect or published (a warning
 *   while every version is still a draft: nothing is published, so nothing is lost).
 * - `lock-syntax`: the lock file cannot be read.
 * - `lock-format`: the lock has entries in format 1, which `npm run lock` rewrites in format 2.
 * - `lock-unlocked`: a version that has taken effect (or was published for notice) is not locked.
 * - `lock-pending`: an upcoming, unpublished version is not locked yet. An error too: every version
 *   that reaches the site is locked, so the daily build never meets an unlocked version on its
 *   effective date; until it is published, `npm run lock` may lock its text again (see lock.ts).
 * - `lock-changed`: a published version's text or `published:` changed without a new correction
 *   (the advice differs for a version only announced for notice: see lock-messages.ts).
 * - `lock-renamed`: a published version's file name changed (`.mdx` to `.md` or back).
 * - `lock-correction-removed`: a version lists fewer corrections than when it was locked.
 * - `lock-correction-rewritten`: a locked correction's date, reason or edits changed (its edits no
 *   longer give the text before it, whose hash the lock records).
 * - `lock-correction-order`: a new correction is dated before the one listed above it.
 * - `lock-correction-unrecorded`: a new correction does not list its edits (`changed:`).
 * - `lock-correction-incomplete`: undoing a new correction's edits does not give the locked text:
 *   the text changed more than the correction says.
 * - `lock-last-updated`: `lastUpdated` was added, changed or removed without a new correction.
 * - `lock-stale`: the lock does not record the version as it is, and `npm run lock` may update it
 *   (corrections appended in order, or a draft not yet published when it was locked).
 * - `lock-version-removed`: a locked version's file is gone.
 * - `lock-link-unlocked`: a deep-link key of links.yaml is not recorded in the lock yet.
 * - `lock-link-stale`: a deep link points elsewhere than the lock recorded (repointing is allowed:
 *   `npm run lock` records the new target).
 * - `lock-link-removed`: a key the lock records is no longer in links.yaml (reported at links.yaml,
 *   or at the lock when links.yaml is gone): keys are a contract with the apps (see lock-links.ts).
 * - `lock-former-id`: entries are locked under a former id of a renamed document (a warning: they
 *   are read as the same versions under the new id, see lock-renames.ts; `npm run lock` moves them).
 *
 * A document renamed without `formerIds` finds its versions unlocked and its old entries removed;
 * both messages then say to add `formerIds: [old-id]`.
 */
import type { CheckedVersion, ContentRule, RuleContext } from '../rule.ts';
import type { Diagnostic, Severity } from '../../diagnostics.ts';
import { frontmatterLineOf, isFrontmatterSyntaxError, readFrontmatter } from '../../content/frontmatter.ts';
import { isFormat1, judgeVersion, LOCK_FILE, lockKey, LockSyntaxError, mustBeLocked, parseLockFile, type LockedLinks, type LockFile, type LockProblem } from '../lock.ts';
import { judgeLinks, targetOf } from '../lock-links.ts';
import { lockProblemMessage, missingLockMessage, oldFormatMessage, removedLinkMessage, repointedLinkMessage, unlockedLinkMessage } from '../lock-messages.ts';
import { lockedUnderOtherId, renameAdvice, underCurrentIds } from '../lock-renames.ts';

/** Compare every version with the lock. */
export const lockRule: ContentRule = ({ sources, documents, versions, links, asOf, display }) => {
  const diagnostics: Diagnostic[] = [];
  const lockFile = display(LOCK_FILE);
  const push = (file: string, line: number, ruleId: string, message: string, severity: Severity = 'error') =>
    diagnostics.push({ file, line, column: 1, ruleId, severity, message });
  if (!sources.lock) {
    const published = versions.filter((v) => mustBeLocked(v.effective, v.frontmatter, asOf)).length;
    if (published > 0) push(lockFile, 1, 'lock-missing', missingLockMessage(published, lockFile));
    else if (versions.length > 0) push(lockFile, 1, 'lock-missing', `There is no ${lockFile}. No version is in effect or published yet; before one is, run \`npm run lock\` and commit ${lockFile}.`, 'warning');
    return diagnostics;
  }
  let read: LockFile;
  try {
    read = parseLockFile(sources.lock.text);
  } catch (error) {
    if (!(error instanceof LockSyntaxError)) throw error;
    push(lockFile, error.line, 'lock-syntax', `${error.message}. The lock is written by \`npm run lock\`: restore it from git (git checkout ${lockFile}) rather than editing it.`);
    return diagnostics;
  }
  const { lock, moved } = underCurrentIds(read.versions, documents);
  if (moved.length > 0) {
    const first = moved[0]!;
    push(lockFile, read.versions.get(first.from)!.line, 'lock-former-id', `${lockFile} records ${moved.length === 1 ? 'a version' : `${moved.length} versions`} under a former id (${moved.map((m) => `${m.from} -> ${m.to}`).join(', ')}). They are read as the same versions under the new id; run \`npm run lock\` to write them so, and commit ${lockFile}.`, 'warning');
  }
  const registered = new Set(documents.map((d) => d.id));
  const registry = display('documents.yaml');
  const old = [...lock.values()].filter(isFormat1);
  if (old.length > 0) push(lockFile, old[0]!.line, 'lock-format', oldFormatMessage(old.length, lockFile));

  const present = new Set<string>();
  for (const version of versions) {
    const key = lockKey(version.document, version.effective);
    present.add(key);
    const file = display(version.path);
    const entry = lock.get(key);
    if (!entry) {
      const renamed = lockedUnderOtherId(lock, version, registered);
      if (renamed !== undefined) {
        push(file, 1, 'lock-unlocked', `This version is not in ${lockFile} as ${key}, but ${lockFile} has the same text as ${renamed}. ${renameAdvice(renamed.split('/')[0]!, version.document, registry)}`);
      } else if (mustBeLocked(version.effective, version.frontmatter, asOf)) {
        const advice = version.effective <= asOf
          ? `A new version must take effect after it is published: rename the file to a date after ${asOf} (\`npm run new-version\` prints the earliest date the notice period allows). If you are importing the document's past versions, run \`npm run lock -- --history\` and commit ${lockFile}.`
          : `Run \`npm run lock\` and commit ${lockFile}.`;
        push(file, 1, 'lock-unlocked', `This version ${version.effective <= asOf ? `took effect on ${version.effective}` : `was published for notice on ${version.frontmatter.published}`} but is not in ${lockFile}. ${advice}`);
      } else {
        push(file, 1, 'lock-pending', `This upcoming version is not locked yet. Run \`npm run lock\` and commit ${lockFile} with it (until the version is published, running it again after an edit locks the new text).`);
      }
      continue;
    }
    const verdict = judgeVersion(version, entry, asOf);
    const correctionsLine = lineOf(version, ['corrections']);
    if (verdict.status === 'draft') {
      push(file, 1, 'lock-stale', `This upcoming version changed since it was locked; it was not yet published then, so run \`npm run lock\` to lock the new text.`);
    } else if (verdict.status === 'corrected') {
      push(file, correctionsLine, 'lock-stale', `This version has a new correction that ${lockFile} does not record yet. Run \`npm run lock\` and commit ${lockFile}.`);
    } else if (verdict.status === 'refused') {
      const subject = { ...version, lockedPublished: entry.published };
      for (const problem of verdict.problems) push(file, problemLine(problem, version), problem.rule, lockProblemMessage(problem, subject, asOf, lockFile));
    }
  }
  for (const [key, entry] of lock) {
    if (!present.has(key) && !sources.files.some((f) => f.path.replace(/\.mdx?$/, '') === key)) {
      const name = entry.file ? display(`${key.split('/')[0]}/${entry.file}`) : `${display(`${key}.mdx`)} (or .md)`;
      const renamedTo = versions.find((v) => lockedUnderOtherId(new Map([[key, entry]]), v, registered) === key);
      const rename = renamedTo ? ` ${renameAdvice(key.split('/')[0]!, renamedTo.document, registry)}` : '';
      push(lockFile, entry.line, 'lock-version-removed', `The locked version ${key} no longer exists. Published versions are never deleted or renamed: restore ${name} from git.${rename}`);
    }
  }
  diagnostics.push(...linkDiagnostics(read.links ?? new Map(), links, sources.links?.path, lockFile, display));
  return diagnostics;
};

/** The deep-link keys of links.yaml against the lock's (nothing while links.yaml cannot be read as a map of keys). */
function linkDiagnostics(locked: LockedLinks, links: RuleContext['links'], linksPath: string | undefined, lockFile: string, display: (path: string) => string): Diagnostic[] {
  const linksFile = display(linksPath ?? 'links.yaml');
  const error = (file: string, line: number, ruleId: string, message: string): Diagnostic => ({ file, line, column: 1, ruleId, severity: 'error', message });
  if (!links) return [...locked].map(([key, entry]) => error(lockFile, entry.line, 'lock-link-removed', removedLinkMessage(key, entry.target, linksFile, lockFile, true)));
  if (links.keys === undefined) return [];
  const verdict = judgeLinks(links.links, links.keys, locked);
  return [
    ...verdict.unlocked.map((link) => error(linksFile, link.line, 'lock-link-unlocked', unlockedLinkMessage(link.key, lockFile))),
    ...verdict.repointed.map(({ link, locked: entry }) => error(linksFile, link.line, 'lock-link-stale', repointedLinkMessage(link.key, entry.target, targetOf(link), lockFile))),
    ...verdict.removed.map(({ key, locked: entry }) => error(linksFile, 1, 'lock-link-removed', removedLinkMessage(key, entry.target, linksFile, lockFile, false))),
  ];
}

/** The line a problem is reported at: the correction, `lastUpdated` or `published` concerned, else line 1. */
function problemLine(problem: LockProblem, version: CheckedVersion): number {
  switch (problem.rule) {
    case 'lock-correction-rewritten':
    case 'lock-correction-order':
    case 'lock-correction-unrecorded':
    case 'lock-correction-incomplete':
      return lineOf(version, ['corrections', problem.index]);
    case 'lock-correction-removed':
      return lineOf(version, ['corrections']);
    case 'lock-last-updated':
      return lineOf(version, ['lastUpdated']);
    case 'lock-changed':
      return problem.what.includes('text') ? 1 : lineOf(version, ['published']);
    default:
      return 1;
  }
}

/** 1-based line of a top-level frontmatter key, or of a list item below one (`['corrections', 2]`); 1 when the version does not have it. */
function lineOf(version: CheckedVersion, path: [string, number?]): number {
  if (path.length > 1) return frontmatterLineOf(version.text, path as (string | number)[], version.tree) ?? 1;
  const raw = readFrontmatter(version.text, version.tree);
  return (isFrontmatterSyntaxError(raw) ? undefined : raw.keyLines.get(path[0])) ?? 1;
}
