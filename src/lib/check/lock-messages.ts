/**
 * What to tell an editor when a published version no longer matches `content/versions.lock`
 * (rules `lock-*`, and `npm run lock` when it refuses). For `lock-changed`, two situations need
 * different advice:
 *
 * - the version is in effect: its text is the record; only a correction or a new version may follow;
 * - the version is only announced (`published:` is on or before the as-of date, the effective date
 *   is later): while the version is still in its pull request, nobody has seen the announced text,
 *   so the editor may restore the lock from the main branch and lock the new text; once merged,
 *   the announced text is public and changes only with a correction.
 */
import type { CivilDate } from '../dates.ts';
import { count } from '../editor-messages.ts';
import type { LockProblem, LockRewrite } from './lock.ts';
import type { Frontmatter } from '../content/schemas.ts';

/** The version the advice is about. */
export interface ChangedVersion {
  document: string;
  effective: CivilDate;
  frontmatter: Pick<Frontmatter, 'published'>;
  /** `published:` as the lock recorded it, when the message compares the two. */
  lockedPublished?: CivilDate;
}

/** The branch pull requests are merged into, as git names it after a fetch. */
export const BASE_BRANCH = 'origin/main';

/**
 * How a locked version stands at the as-of date, in words.
 *
 * @returns e.g. `in effect (since 2022-03-31)`, or
 *   `not yet in effect (announced for notice on 2026-11-30, takes effect 2027-01-15)`.
 */
export function lockedStatus(version: ChangedVersion, asOf: CivilDate): string {
  const { published } = version.frontmatter;
  if (version.effective > asOf) return `not yet in effect (announced for notice on ${published ?? 'an earlier day'}, takes effect ${version.effective})`;
  return `in effect (since ${version.effective})`;
}

/**
 * What the editor can do about a locked version whose text changed without a new correction.
 *
 * @param version The changed version.
 * @param asOf `YYYY-MM-DD` of the check (the date a correction would carry).
 * @param lockFile Display path of the lock, e.g. `content/versions.lock` (used in the git command).
 * @returns Sentences ending in a full stop.
 */
export function changedVersionAdvice(version: ChangedVersion, asOf: CivilDate, lockFile: string): string {
  const correction = `to fix a mistake without changing the meaning, add a correction to the frontmatter that says what you changed (corrections: [{ date: ${asOf}, reason: ..., changed: [{ from: ..., to: ... }] }]) and run \`npm run lock\``;
  const newVersion = `for a new text, start a new version with \`npm run new-version -- ${version.document} --effective YYYY-MM-DD\``;
  if (version.effective > asOf) {
    return `If this version is still in its pull request (not merged yet, so its text is not public), you may still change it: take the lock from the main branch and lock again with \`git checkout ${BASE_BRANCH} -- ${lockFile} && npm run lock\`. If it is already merged and public, the announced text may not change silently: undo the change, or ${correction}; ${newVersion}.`;
  }
  return `Undo the change; ${newVersion}; ${correction}.`;
}

/**
 * What is wrong with a published version and how to fix it, for one problem judgeVersion found
 * (src/lib/check/lock.ts). Shared by `npm run check` (rules/lock.ts) and `npm run lock`.
 *
 * @param problem The problem.
 * @param version The version.
 * @param asOf `YYYY-MM-DD` of the check.
 * @param lockFile Display path of the lock, e.g. `content/versions.lock`.
 * @returns Sentences ending in a full stop.
 */
export function lockProblemMessage(problem: LockProblem, version: ChangedVersion, asOf: CivilDate, lockFile: string): string {
  const status = lockedStatus(version, asOf);
  const newVersion = `for a new text, start a new version with \`npm run new-version -- ${version.document} --effective YYYY-MM-DD\``;
  switch (problem.rule) {
    case 'lock-changed': {
      const published = problem.what.includes('published') ? ` Its \`published:\` date also differs from ${lockFile} (locked: ${version.lockedPublished ?? 'none'}, now: ${version.frontmatter.published ?? 'none'}): the day a version was published for notice is part of the record, so restore it.` : '';
      if (!problem.what.includes('text')) {
        return `This version is ${status}, and its \`published:\` date is ${version.frontmatter.published ?? 'gone'} where ${lockFile} recorded ${version.lockedPublished ?? 'none'}. The day a version was published for notice is part of the record: restore ${version.lockedPublished ? `\`published: ${version.lockedPublished}\`` : 'the frontmatter without `published:`'}; ${newVersion}.`;
      }
      return `This version is ${status}, and its text no longer matches ${lockFile}${version.effective <= asOf ? ': a version in effect never changes' : ''}. ${changedVersionAdvice(version, asOf, lockFile)}${published}`;
    }
    case 'lock-renamed':
      return `This version is ${status} and was locked as ${version.document}/${problem.locked}; it is now ${version.document}/${problem.now}. A published version keeps its file name: .md and .mdx read the same text differently (what an .mdx comment hides, an .md file publishes). Rename it back to ${problem.locked}; ${newVersion}.`;
    case 'lock-correction-removed':
      return `This version was locked with ${count(problem.locked, 'correction')} and now lists ${problem.now}. Corrections are part of the record: restore the removed entries as they were in ${lockFile}.`;
    case 'lock-correction-rewritten':
      if (problem.locked.date === problem.now.date && problem.locked.reason === problem.now.reason) {
        return problem.locked.before === undefined
          ? `Correction ${problem.index + 1} (${problem.locked.date}) was locked without its edits, and now lists \`changed:\`. Edits can only be recorded when the correction is made, against the text the lock held then: remove its \`changed:\` list.`
          : `Correction ${problem.index + 1} (${problem.locked.date}) no longer accounts for its change: undoing its \`changed:\` edits (and those of the corrections after it) no longer gives the text it replaced, whose hash ${lockFile} records. Restore its \`changed:\` list and the text as they were when it was locked; a recorded correction never changes.`;
      }
      return `Correction ${problem.index + 1} was locked as "${problem.locked.date}: ${problem.locked.reason}" and now reads "${problem.now.date}: ${problem.now.reason}". A recorded correction never changes: restore it as ${lockFile} has it; to record another fix, append a new correction at the end of the list, dated the day you make it (e.g. ${asOf}).`;
    case 'lock-correction-unrecorded':
      return `This new correction does not say what it changed. Every correction is published as a redline of exactly what it changed: list each edit as the source text before and after, e.g. \`changed: [{ from: "adress", to: "address" }]\` (each \`to\` must occur once in the text, so give enough words), then run \`npm run lock\`.`;
    case 'lock-correction-incomplete':
      return `The text changed more than this correction's \`changed:\` list says: undoing its edits does not give the text ${lockFile} locked. Add every edit you made to \`changed:\` (the source text before and after each), or undo the edits it does not list; a change of meaning needs a new version (\`npm run new-version -- ${version.document} --effective YYYY-MM-DD\`). \`npm run diff\` shows what changed.`;
    case 'lock-correction-order':
      return `This new correction is dated ${problem.date}, before the correction listed above it (${problem.previous}). Corrections are appended in the order they are made, so a new one cannot be dated in the past: date it the day you make the fix (on or after ${problem.previous}, not after ${asOf}).`;
    case 'lock-last-updated': {
      const fix = `The last-updated date of a published version follows its corrections: ${problem.locked === undefined ? 'remove `lastUpdated`' : `restore \`lastUpdated: ${problem.locked}\``}, or record the correction it stands for (corrections: [{ date: ${asOf}, reason: ..., changed: [{ from: ..., to: ... }] }]) and run \`npm run lock\`.`;
      if (problem.locked === undefined) return `\`lastUpdated: ${problem.now}\` was added after this version was locked. ${fix}`;
      if (problem.now === undefined) return `\`lastUpdated: ${problem.locked}\` was removed after this version was locked. ${fix}`;
      return `\`lastUpdated\` was ${problem.locked} when this version was locked and is now ${problem.now}. ${fix}`;
    }
  }
}

/**
 * The message for a lock file missing while versions are published (rule `lock-missing`).
 *
 * @param published How many versions are in effect or published for notice.
 * @param lockFile Display path of the lock.
 */
export function missingLockMessage(published: number, lockFile: string): string {
  return `There is no ${lockFile}, but ${count(published, 'version')} ${published === 1 ? 'is' : 'are'} in effect or published for notice, and every such version must be locked. If the lock was deleted, restore it from git (\`git checkout ${BASE_BRANCH} -- ${lockFile}\`): a lock written afresh does not record what was published, and the pull-request check compares the lock with the main branch. For new content, run \`npm run lock\` and commit ${lockFile}.`;
}

/**
 * The message for format-1 entries (rule `lock-format`).
 *
 * @param entries How many entries are in format 1.
 * @param lockFile Display path of the lock.
 */
export function oldFormatMessage(entries: number, lockFile: string): string {
  return `${lockFile} has ${count(entries, 'entry', 'entries')} in the old lock format (format 1), which records neither the file name nor the corrections, so a rename or a rewritten correction would go unnoticed. Run \`npm run lock\`: it checks each version against its hash, rewrites the lock in format 2, and refuses any version that no longer matches. Commit ${lockFile}.`;
}

/**
 * The message for an entry of the base branch's lock that a pull request removed or rewrote
 * (rules `lock-entry-removed`, `lock-entry-rewritten`; see compareLocks in lock.ts).
 *
 * @param rewrite The comparison's finding.
 * @param base How to name the base, e.g. `origin/main`.
 * @param lockFile Display path of the lock.
 */
export function lockRewriteMessage(rewrite: LockRewrite, base: string, lockFile: string): string {
  const restore = `Restore it: \`git checkout ${base} -- ${lockFile} && npm run lock\` keeps every entry of ${base} and adds yours`;
  if (rewrite.rule === 'lock-entry-backdated') {
    return `The entry ${rewrite.key} is new, and the version took effect on ${rewrite.key.slice(-10)}, before it was locked: it was never published before taking effect, so readers had no notice. Give it an effective date after today (rename the file; a material change also needs \`published:\` and the notice period), or, if you are importing the document's history, lock it with \`npm run lock -- --history\`, which records it as imported.`;
  }
  if (rewrite.rule === 'lock-entry-imported-late') {
    return `The entry ${rewrite.key} is locked as imported history, but it takes effect on ${rewrite.key.slice(-10)}, after the version ${base} already has in force: from that day it would replace a text readers were reading, without notice. History can only add versions from before the ones already published. Give it an effective date after today (a new version, with notice when material), or, if it really came before, correct the file's date.`;
  }
  if (rewrite.rule === 'lock-entry-removed') {
    return `The entry ${rewrite.key} (line ${rewrite.baseLine} of ${lockFile} on ${base}) was removed. A locked version stays locked forever. ${restore}.`;
  }
  return `The entry ${rewrite.key} (line ${rewrite.baseLine} on ${base}) was rewritten: ${rewrite.changes.join('; ')}. A published version's entry only ever gains corrections at the end of its list. ${restore}; then fix the version as \`npm run check\` says (a correction, or a new version).`;
}

/** The three ways to keep a deep-link key that must not disappear, as `key: target` lines. */
function keepKeyAdvice(key: string, target: string): string {
  const document = target.split('#')[0]!;
  const restore = `restore it (\`${key}: ${target}\`)`;
  return `${restore}, repoint it (\`${key}: document#anchor\`), or retire it to its document's top (\`${key}: ${document}\`)`;
}

/**
 * The message for a deep-link key the lock records and links.yaml no longer lists (rule
 * `lock-link-removed`; see judgeLinks in lock-links.ts).
 *
 * @param key The key, e.g. `privacy-rights`.
 * @param target Its last target in the lock, e.g. `privacy-statement#your-rights`.
 * @param linksFile Display path of links.yaml.
 * @param lockFile Display path of the lock.
 * @param gone Whether links.yaml itself is missing.
 */
export function removedLinkMessage(key: string, target: string, linksFile: string, lockFile: string, gone: boolean): string {
  const where = gone ? `${linksFile} is gone, and with it the deep link "${key}"` : `The deep link "${key}" is no longer in ${linksFile}`;
  return `${where}; ${lockFile} records it, last pointing to ${target}. Keys are a contract with the apps: without it, /go/${key}/ answers 404. A renamed key is a removed one, so keep the old key beside the new. ${gone ? `Restore ${linksFile} from git, or write it with the key: ` : 'Add it back: '}${keepKeyAdvice(key, target)}.`;
}

/**
 * The message for a deep link the lock does not record yet (rule `lock-link-unlocked`).
 *
 * @param key The key.
 * @param lockFile Display path of the lock.
 */
export function unlockedLinkMessage(key: string, lockFile: string): string {
  return `The deep link "${key}" is not recorded in ${lockFile} yet. Run \`npm run lock\` and commit ${lockFile}: once the lock records a key, removing or renaming it is an error (apps rely on /go/${key}/).`;
}

/**
 * The message for a deep link that points elsewhere than the lock recorded (rule `lock-link-stale`).
 * Repointing is allowed; the lock only has to record the new target.
 *
 * @param key The key.
 * @param from The target the lock records.
 * @param to The target links.yaml gives now.
 * @param lockFile Display path of the lock.
 */
export function repointedLinkMessage(key: string, from: string, to: string, lockFile: string): string {
  return `The deep link "${key}" now points to ${to}; ${lockFile} recorded ${from}. Repointing a key is fine: run \`npm run lock\` to record the new target, and commit ${lockFile}.`;
}

/**
 * The message for a deep-link key that a pull request dropped from the lock (rule
 * `lock-link-entry-removed`; see droppedLinks in lock-links.ts).
 *
 * @param dropped The comparison's finding.
 * @param base How to name the base, e.g. `origin/main`.
 * @param lockFile Display path of the lock.
 */
export function droppedLinkMessage(dropped: { key: string; target: string; baseLine: number }, base: string, lockFile: string): string {
  return `The deep-link key "${dropped.key}" (line ${dropped.baseLine} of ${lockFile} on ${base}, pointing to ${dropped.target}) was removed from the lock. A key the apps may use is never removed: restore the lock with \`git checkout ${base} -- ${lockFile} && npm run lock\`, and in links.yaml ${keepKeyAdvice(dropped.key, dropped.target)}.`;
}
