/**
 * `npm run lock`: record in `<content>/versions.lock` every version not locked yet. An existing
 * entry is rewritten only for a version with corrections appended in order, a draft not yet
 * published when it was locked, or a format-1 entry the version still matches (rewritten in
 * format 2); a published version changed otherwise is refused (exit 1, with a ✖ summary and the
 * way out, see src/lib/check/lock-messages.ts). Refuses to run while the content has other errors, so a
 * broken text is never locked.
 *
 * `npm run lock -- --compare <git-ref>` (the pull-request workflow runs it): compare the lock with
 * the one at the merge base of <git-ref> and HEAD (<git-ref> itself for a pull request's merge
 * commit), print each entry removed or rewritten as `file:line:column: error: message [rule-id]`,
 * and each deep-link key the base lock records that the new one dropped (`lock-link-entry-removed`),
 * and exit 1 if there is any (see compareLocks in src/lib/check/lock.ts, droppedLinks in
 * src/lib/check/lock-links.ts). Writes nothing.
 *
 * The lock also records every deep-link key of links.yaml with its target (planLinks): a key the
 * lock records and links.yaml dropped is refused (exit 1) and kept in the lock.
 *
 * Exit codes: 0 fine; 1 content refused (or a lock that cannot be read); 2 usage, git or internal error.
 * Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF (see src/settings.ts).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fail, readArgs } from './cli.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../src/lib/diagnostics.ts';
import { count } from '../src/lib/editor-messages.ts';
import { changedVersionAdvice, droppedLinkMessage, lockedStatus, lockProblemMessage, lockRewriteMessage, removedLinkMessage } from '../src/lib/check/lock-messages.ts';
import { compareLocks, LOCK_FILE, lockKey, LockSyntaxError, parseLockFile, planLock, serializeLock, type LockFile } from '../src/lib/check/lock.ts';
import { droppedLinks, planLinks } from '../src/lib/check/lock-links.ts';
import { lockedUnderOtherId, renameAdvice, twinUnderOtherId, underCurrentIds } from '../src/lib/check/lock-renames.ts';
import { readRegistry } from '../src/lib/content/registry.ts';
import { readContent } from '../src/node/read-content.ts';
import { checkContentOnDisk } from '../src/node/run-check.ts';
import { resolveSettings, type Settings } from '../src/settings.ts';

const help = `Usage: npm run lock [-- --history | --compare <git-ref>]

Record in the content folder's versions.lock every version not locked yet (a published version only
gains corrections; see content/README.md, "Published versions are locked"). A new version already in
effect (a backdated one, which readers never saw before it applied) is refused unless --history says
that the document's history is being imported; the lock records such versions as imported. With --compare, write
nothing: compare the lock with the one at the merge base of <git-ref> and HEAD, and fail on any entry
removed or rewritten, or any deep-link key dropped (the pull-request check). Deep-link keys of
links.yaml are recorded too; one that the lock records and links.yaml dropped is refused. Exit 0 fine, 1 content refused, 2 usage or internal error.
Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF.`;

/** The lock file itself is wrong (its syntax, or a link in its place): a content error, exit 1. */
class LockUnreadable extends Error {}

try {
  const { values } = readArgs({ options: { compare: { type: 'string' }, history: { type: 'boolean', default: false } } }, help);
  const settings = resolveSettings(process.env);
  const dir = isAbsolute(settings.contentDir) ? settings.contentDir : join(process.cwd(), settings.contentDir);
  const shown = `${settings.contentDir.replace(/\/$/, '')}/${LOCK_FILE}`;
  if (values.compare !== undefined) compare(values.compare, join(dir, LOCK_FILE), shown, settings);
  else lock(settings, join(dir, LOCK_FILE), shown, values.history);
} catch (error) {
  // The lock cannot be read: exit 1 (the content is wrong); git or the call failed: exit 2.
  fail(error, help, (e) => e instanceof LockUnreadable);
}

function lock(settings: Settings, path: string, shown: string, history: boolean) {
  const result = checkContentOnDisk(settings);
  const blocking = result.diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.startsWith('lock-'));
  if (blocking.length > 0) {
    for (const diagnostic of sortDiagnostics(blocking)) console.error(formatDiagnostic(diagnostic));
    console.error(`\n✖ Fix ${blocking.length === 1 ? 'this error' : `these ${blocking.length} errors`} first (npm run check): nothing was locked.`);
    process.exit(1);
  }
  const text = lockText(path, shown);
  const existed = text !== undefined;
  const currentFile: LockFile = existed ? readLock(text, shown) : { versions: new Map(), links: undefined };
  // Entries locked under a former id of a renamed document are its versions: written under the new id.
  const { lock: current, moved } = underCurrentIds(currentFile.versions, result.documents);
  const plan = planLock(result.versions, current, settings.asOf);
  const links = planLinks(result.links, currentFile.links);
  const registered = new Set(result.documents.map((d) => d.id));
  const registry = `${settings.contentDir.replace(/\/$/, '')}/documents.yaml`;
  // A version added to an existing lock on or after its effective date took effect without ever
  // being published for notice: refused, unless the editor says this is history being imported.
  // (A lock written for the first time records the history there is, and says so above.)
  const backdated = existed && !history ? plan.added.filter((key) => key.slice(-10) <= settings.asOf) : [];
  for (const key of backdated) {
    plan.lock.delete(key);
    plan.added.splice(plan.added.indexOf(key), 1);
    const version = result.versions.find((v) => lockKey(v.document, v.effective) === key)!;
    const renamed = lockedUnderOtherId(current, version, registered);
    if (renamed !== undefined) {
      console.error(`  refused     ${key}: ${shown} has the same text locked as ${renamed}. ${renameAdvice(renamed.split('/')[0]!, version.document, registry)} [lock-backdated]`);
      continue;
    }
    console.error(`  refused     ${key}: it takes effect on ${key.slice(-10)}, not after the as-of date ${settings.asOf}, so it would be in effect the moment it is published, with no notice. Rename the file to an effective date after ${settings.asOf} (a material change also needs \`published:\` and the notice period: see \`npm run new-version\`), or, if you are importing the document's history, run \`npm run lock -- --history\`. [lock-backdated]`);
  }
  if (history) for (const key of plan.added) if (key.slice(-10) <= settings.asOf) plan.lock.set(key, { ...plan.lock.get(key)!, imported: true });
  if (!existed && plan.added.length > 0) console.log(`  (no ${shown} yet: starting one. If it was deleted, restore it from git instead: the pull-request check compares it with the main branch.)`);
  for (const { from, to } of moved) console.log(`  renamed     ${from} -> ${to} (a former id of ${to.split('/')[0]})`);
  for (const key of plan.added) console.log(`  locked      ${key}`);
  for (const key of plan.corrected) console.log(`  corrected   ${key} (new correction recorded)`);
  for (const key of plan.updatedDrafts) console.log(`  re-locked   ${key} (not published yet)`);
  for (const key of plan.migrated) console.log(`  migrated    ${key} (rewritten in lock format 2: file name, dates and corrections)`);
  for (const key of links.added) console.log(`  recorded    deep link ${key} -> ${links.links.get(key)!.target}`);
  for (const { key, from, to } of links.repointed) console.log(`  repointed   deep link ${key}: ${from} -> ${to}`);
  const linksFile = `${settings.contentDir.replace(/\/$/, '')}/links.yaml`;
  for (const { key, target } of links.removed) console.error(`  refused     deep link ${key}: ${removedLinkMessage(key, target, linksFile, shown, result.links === undefined)} [lock-link-removed]`);
  for (const key of plan.refused) {
    const version = result.versions.find((v) => `${v.document}/${v.effective}` === key)!;
    const problems = plan.problems.get(key) ?? [];
    const textOnly = problems.length === 1 && problems[0]!.rule === 'lock-changed' && problems[0]!.what.join() === 'text';
    if (textOnly) {
      console.error(`  refused     ${key}: ${lockedStatus(version, settings.asOf)}, and its text changed without a new correction.`);
      console.error(`              ${changedVersionAdvice(version, settings.asOf, shown)} (See content/README.md, "Published versions are locked".)`);
      continue;
    }
    console.error(`  refused     ${key}: ${lockedStatus(version, settings.asOf)}, and it changed in a way the lock does not allow:`);
    const subject = { ...version, lockedPublished: current.get(key)?.published };
    for (const problem of problems) console.error(`              - ${lockProblemMessage(problem, subject, settings.asOf, shown)} [${problem.rule}]`);
  }
  const changed = moved.length + plan.added.length + plan.corrected.length + plan.updatedDrafts.length + plan.migrated.length + links.added.length + links.repointed.length > 0;
  if (changed) writeFileSync(path, serializeLock(plan.lock, links.links));
  if (backdated.length > 0 && plan.refused.length === 0) {
    if (changed) console.error(`  ${shown} was updated for the other versions listed above; commit it with your change.`);
    console.error(`\n✖ Refused to lock ${count(backdated.length, 'version')} already in effect: ${backdated.join(', ')}.`);
    process.exitCode = 1;
  } else if (plan.refused.length > 0) {
    // No tick after a refusal: the editor must act before the lock is right.
    if (changed) console.error(`  ${shown} was updated for the other versions listed above; commit it with your change.`);
    console.error(`\n✖ Refused to lock ${count(plan.refused.length, 'version')} whose text changed after ${plan.refused.length === 1 ? 'it was' : 'they were'} published: ${plan.refused.join(', ')}. ${shown} still records ${plan.refused.length === 1 ? 'its' : 'their'} earlier text, so \`npm run check\` fails until you follow the advice above.`);
    process.exitCode = 1;
  } else if (links.removed.length > 0) {
    if (changed) console.error(`  ${shown} was updated for the other changes listed above; commit it with your change.`);
    console.error(`\n✖ Refused: ${count(links.removed.length, 'deep-link key')} that ${shown} records ${links.removed.length === 1 ? 'is' : 'are'} missing from ${linksFile}: ${links.removed.map((l) => l.key).join(', ')}. ${shown} keeps ${links.removed.length === 1 ? 'it' : 'them'}; put ${links.removed.length === 1 ? 'it' : 'them'} back in ${linksFile} as the advice above says.`);
    process.exitCode = 1;
  } else {
    console.log(changed ? `✔ ${shown} updated: commit it with your change.` : `✔ ${shown} is up to date (${count(plan.lock.size, 'version')} locked${links.links.size > 0 ? `; ${count(links.links.size, 'deep-link key')} recorded` : ''}).`);
  }
}

function compare(ref: string, path: string, shown: string, settings: Settings) {
  const top = git(['rev-parse', '--show-toplevel'], process.cwd()).trim();
  const inRepo = relative(top, path).split('\\').join('/');
  if (inRepo.startsWith('..')) throw new Error(`${shown} is not inside the git repository at ${top}.`);
  const baseCommit = git(['merge-base', ref, 'HEAD'], top).trim();
  const inBase = spawnSync('git', ['cat-file', '-e', `${baseCommit}:${inRepo}`], { cwd: top }).status === 0;
  if (!inBase) {
    console.log(`✔ ${ref} has no ${shown}: nothing to compare.`);
    return;
  }
  // Both locks are read under the working copy's ids: an entry of a renamed document (a former id in
  // documents.yaml) is the same entry under its new id, whichever id each lock has it under.
  const registryFile = readContent(settings.contentDir).registry;
  const documents = registryFile ? readRegistry('documents.yaml', registryFile.text).documents : [];
  const base = readLock(git(['show', `${baseCommit}:${inRepo}`], top), `${shown} on ${ref}`);
  const text = lockText(path, shown);
  const next: LockFile = text !== undefined ? readLock(text, shown) : { versions: new Map(), links: undefined };
  const baseVersions = underCurrentIds(base.versions, documents).lock;
  const nextVersions = underCurrentIds(next.versions, documents).lock;
  const registered = new Set(documents.map((d) => d.id));
  const registry = `${settings.contentDir.replace(/\/$/, '')}/documents.yaml`;
  const diagnostics: Diagnostic[] = compareLocks(baseVersions, nextVersions, settings.asOf).map((rewrite) => {
    const twin = rewrite.rule === 'lock-entry-removed' ? twinUnderOtherId(nextVersions, rewrite.key, baseVersions.get(rewrite.key)!, registered) : undefined;
    const rename = twin === undefined ? '' : ` ${renameAdvice(rewrite.key.split('/')[0]!, twin.split('/')[0]!, registry)}`;
    return { file: shown, line: rewrite.line || 1, column: 1, ruleId: rewrite.rule, severity: 'error', message: `${lockRewriteMessage(rewrite, ref, shown)}${rename}` };
  });
  const dropped = droppedLinks(base.links, next.links);
  for (const link of dropped) diagnostics.push({ file: shown, line: 1, column: 1, ruleId: link.rule, severity: 'error', message: droppedLinkMessage(link, ref, shown) });
  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
  const baseKeys = base.links?.size ?? 0;
  if (diagnostics.length > 0) {
    const entries = diagnostics.length - dropped.length;
    if (entries > 0) console.log(`\n✖ ${count(entries, 'entry', 'entries')} of ${shown} on ${ref} removed or rewritten.`);
    if (dropped.length > 0) console.log(`${entries > 0 ? '' : '\n'}✖ ${count(dropped.length, 'deep-link key')} of ${shown} on ${ref} dropped: ${dropped.map((d) => d.key).join(', ')}.`);
    process.exitCode = 1;
  } else {
    console.log(`✔ ${shown} keeps every entry of ${ref} (${count(base.versions.size, 'entry', 'entries')}), with corrections only appended${baseKeys > 0 ? `, and every deep-link key (${baseKeys})` : ''}.`);
  }
}

function readLock(text: string, name: string): LockFile {
  try {
    return parseLockFile(text);
  } catch (error) {
    if (error instanceof LockSyntaxError) throw new LockUnreadable(`${name}:${error.line}: ${error.message}. [lock-syntax]`, { cause: error });
    throw error;
  }
}

/**
 * The lock's text, read from a regular file only: never through a symbolic link (a lock linked to
 * .git/config had YAML errors quote its lines into the log; `npm run lock` would have written through it).
 *
 * @returns The text, or `undefined` when there is no lock.
 * @throws Error when the lock is a link or another non-file.
 */
function lockText(path: string, shown: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) throw new LockUnreadable(`${shown} is a symbolic link or another non-file: the lock is read from a regular file only. Restore it from git (git checkout origin/main -- ${shown}).`);
  return readFileSync(path, 'utf8');
}

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${(result.stderr || result.error?.message || '').trim()}`);
  return result.stdout;
}
