/**
 * `npm run pr-summary -- --base <git-ref>`: print a Markdown summary of every document changed in
 * the content folder since the merge base of <git-ref> and HEAD (working-tree changes and new,
 * untracked files included), with each new version's diff from `npm run diff`, the deep-link
 * keys added, repointed or removed and the anchors that current or upcoming versions lose, the lock
 * file changes and the check result. The pull-request workflow posts it as a comment.
 *
 * Exit codes: 0 when the summary was printed (whatever the check found), 2 on usage or git errors.
 * Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF (see src/settings.ts).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_USAGE, fail, readArgs } from './cli.ts';
import { diffFailure, movedVersionFiles, prSummary, type ChangedFile, type FileStatus } from '../src/lib/editor/pr-summary.ts';
import { checkContentOnDisk } from '../src/node/run-check.ts';
import { resolveSettings } from '../src/settings.ts';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'Usage: npm run pr-summary -- --base <git-ref>   (e.g. --base origin/main)';

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${(result.stderr || result.error?.message || '').trim()}`);
  return result.stdout;
}

/** `npm run diff -- <document> <from> <to> --format markdown`, or a note when the command is missing or fails. */
function versionDiff(document: string, from: string, to: string, contentDir: string): string {
  const scripts = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts.diff) return '_No diff: this project has no `npm run diff` command yet._';
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'diff', '--', document, from, to, '--format', 'markdown'], { cwd: project, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: contentDir } });
  // The note is built as a tree (diffFailure): what the command printed may quote content.
  if (result.status !== 0) return diffFailure(`npm run diff -- ${document} ${from} ${to} --format markdown`, (result.stderr || result.stdout).trim().split('\n').slice(0, 10).join('\n'));
  return result.stdout;
}

const help = `${usage}

Print a Markdown summary of the content changed since the merge base with <git-ref>, for the
pull-request comment: each new version with its summary and diff, each corrected or changed version,
every change to the lock and deep links, and the check's findings. Exit 0 printed, 2 usage or git error.`;

try {
  const { values } = readArgs({ options: { base: { type: 'string' } } }, help);
  if (!values.base) {
    console.error(`✖ ${usage}`);
    process.exit(EXIT_USAGE);
  }
  const settings = resolveSettings(process.env);
  const cwd = process.cwd();
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const contentDir = isAbsolute(settings.contentDir) ? settings.contentDir : join(cwd, settings.contentDir);
  const inRepo = relative(top, contentDir).split('\\').join('/');
  const baseCommit = git(['merge-base', values.base, 'HEAD'], top).trim();
  const changed: ChangedFile[] = [];
  // NUL-separated (-z): git quotes a name with a tab, a newline or a letter outside ASCII, which then named no file.
  const fields = git(['diff', '-z', '--name-status', '--no-renames', baseCommit, '--', inRepo], top).split('\0');
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) pairs.push([fields[index]!, fields[index + 1]!]);
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--', inRepo], top).split('\0').filter(Boolean);
  for (const [status, path] of [...pairs, ...untracked.map((p) => ['A', p] as [string, string])]) {
    const inContent = path.slice(inRepo.length + 1);
    // `T` (a file that became a symbolic link, or back) is a change of the file.
    const file: ChangedFile = { status: (status[0] === 'T' ? 'M' : status[0]) as FileStatus, path: inContent };
    if (file.status !== 'A') file.baseText = git(['show', `${baseCommit}:${path}`], top);
    if (file.status !== 'D') {
      // Read only a regular file, never through a link: a version replaced by a link to /proc/self/environ or
      // .git/config printed the job's environment or token in the comment. The check refuses the link itself.
      if (lstatSync(join(top, path)).isFile()) file.text = readFileSync(join(top, path), 'utf8');
      else file.notAFile = true;
    }
    changed.push(file);
  }
  const check = checkContentOnDisk(settings, cwd);
  // Each new version is compared with the version before it; corrections show their exact change instead.
  const diffs = new Map<string, string[]>();
  // A version that only moved with its renamed document is no new text: no diff.
  const moved = movedVersionFiles(changed, check.documents);
  for (const file of changed.filter((f) => f.status === 'A' && !moved.has(f.path) && /^[^/]+\/\d{4}-\d{2}-\d{2}\.mdx?$/.test(f.path))) {
    const [document, name] = file.path.split('/') as [string, string];
    const effective = name.slice(0, 10);
    const previous = check.versions.filter((v) => v.document === document && v.effective < effective).at(-1);
    if (!previous) continue;
    // Each section stays its own Markdown text: prSummary parses them one by one, so one cannot run into the next.
    diffs.set(document, [...(diffs.get(document) ?? []), versionDiff(document, previous.effective, effective, contentDir)]);
  }
  const root = relative(cwd, contentDir).split('\\').join('/') || '.';
  console.log(prSummary({ base: values.base, baseCommit, root, documents: check.documents, versions: check.versions, links: check.links, changed, diagnostics: check.diagnostics, diffs, asOf: settings.asOf }));
} catch (error) {
  fail(error, help);
}
