/**
 * The pull-request summary: what a change to the content does, in Markdown for reviewers (posted as
 * a pull-request comment by .github/workflows/pull-request.yml). Pure: scripts/pr-summary.ts reads
 * git and runs the check and the diffs.
 */
import { createTwoFilesPatch } from 'diff';
import { formatDate, type CivilDate } from './dates.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from './frontmatter.ts';
import { LOCK_FILE, parseLock, type Lock } from './lock.ts';
import type { DocumentEntry, Frontmatter } from './schemas.ts';

/** Marks the comment so the workflow can update it instead of adding a new one. */
export const SUMMARY_MARKER = '<!-- legal-pr-summary -->';

/** How a file changed against the base, as `git diff --name-status` says: added, modified, deleted. */
export type FileStatus = 'A' | 'M' | 'D';

/** One changed file of the content folder. */
export interface ChangedFile {
  status: FileStatus;
  /** Path relative to the content folder, e.g. `privacy-statement/2026-01-01.mdx`. */
  path: string;
  /** The file's text at the base (modified and deleted files). */
  baseText?: string;
  /** The file's text now (added and modified files). */
  text?: string;
}

/** A version as the summary describes it. */
export interface SummaryVersion {
  document: string;
  effective: CivilDate;
  frontmatter: Frontmatter;
}

/** Everything the summary reports. */
export interface SummaryInput {
  /** The base ref as given, e.g. `origin/main`, and the merge-base commit. */
  base: string;
  baseCommit: string;
  /** How the content folder is named in messages, e.g. `content`. */
  root: string;
  documents: DocumentEntry[];
  /** Versions as the check read them now. */
  versions: SummaryVersion[];
  changed: ChangedFile[];
  /** The check's findings now. */
  diagnostics: Diagnostic[];
  /** Markdown diff per document id (from `npm run diff`), or a note why there is none. */
  diffs: Map<string, string>;
  /** As-of date the check ran at. */
  asOf: CivilDate;
}

/**
 * Write the pull-request summary.
 *
 * @returns Markdown starting with SUMMARY_MARKER: one section per changed document (new, changed,
 *   corrected and deleted versions, with the diff), the other changed content files (a changed
 *   lock file is spelt out entry by entry, because it protects published text), and the check result.
 */
export function prSummary(input: SummaryInput): string {
  const out: string[] = [SUMMARY_MARKER, '## Legal content changes', ''];
  out.push(`Compared with \`${input.base}\` (${input.baseCommit.slice(0, 12)}); checked as of ${formatDate(input.asOf)}.`, '');
  const versionFiles = input.changed.filter((f) => /^[^/]+\/\d{4}-\d{2}-\d{2}\.mdx?$/.test(f.path));
  const others = input.changed.filter((f) => !versionFiles.includes(f));
  const ids = [...new Set(versionFiles.map((f) => f.path.split('/')[0]!))];
  if (ids.length === 0 && others.length === 0) out.push('No content changed.', '');
  for (const id of ids) out.push(...documentSection(id, versionFiles.filter((f) => f.path.startsWith(`${id}/`)), input));
  if (others.length > 0) {
    out.push('### Other content files', '');
    for (const file of others) out.push(...otherFile(file, input));
    out.push('');
  }
  out.push(...checkSection(input.diagnostics));
  return out.join('\n');
}

function documentSection(id: string, files: ChangedFile[], input: SummaryInput): string[] {
  const title = input.documents.find((d) => d.id === id)?.title ?? id;
  const out = [`### ${title} (\`${id}\`)`, ''];
  for (const file of files) {
    const effective = file.path.slice(id.length + 1, id.length + 11);
    const version = input.versions.find((v) => v.document === id && v.effective === effective);
    const when = `effective ${formatDate(effective)}${effective > input.asOf ? ' (upcoming)' : ''}`;
    const fm = version?.frontmatter;
    if (file.status === 'D') {
      out.push(`- ⚠ **Deleted version** ${when}. Published versions are never deleted.`);
    } else if (file.status === 'A') {
      out.push(`- **New version** ${when}${fm?.material ? ', **material change**' : fm?.material === false ? ', not material' : ''}${fm?.published ? `, published for notice ${formatDate(fm.published)}` : ''}.`);
      if (fm?.summary) out.push(`  Summary: ${fm.summary}`);
    } else {
      const corrections = fm?.corrections ?? [];
      const before = correctionsIn(file.baseText);
      const added = corrections.slice(before);
      out.push(added.length > 0 ? `- **Corrected version** ${when}:` : `- **Changed version** ${when}${effective <= input.asOf ? ' ⚠ published: the check refuses changes without a correction' : ''}.`);
      for (const correction of added) out.push(`  - Corrected on ${formatDate(correction.date)}: ${correction.reason}`);
      out.push('', '  <details><summary>Exact change to the file</summary>', '', '  ```diff', ...patch(file).map((l) => `  ${l}`), '  ```', '  </details>');
    }
  }
  const diff = input.diffs.get(id);
  if (diff) out.push('', '<details><summary>Changes between versions</summary>', '', diff.trim(), '', '</details>');
  out.push('');
  return out;
}

function otherFile(file: ChangedFile, input: SummaryInput): string[] {
  const verb = { A: 'added', M: 'changed', D: 'deleted' }[file.status];
  const shown = `\`${input.root}/${file.path}\``;
  if (file.path !== LOCK_FILE) return [`- ${shown} ${verb}.`];
  if (file.status === 'D') return [`- ⚠ ${shown} **deleted**: published versions are no longer protected.`];
  const base = safeLock(file.baseText);
  const now = safeLock(file.text);
  if (!now) return [`- ⚠ ${shown} ${verb}, and cannot be read.`];
  const lines = [`- ${shown} ${verb}:`];
  for (const [key, entry] of now) {
    const old = base?.get(key);
    if (!old) lines.push(`  - locked ${key}`);
    else if (old.sha256 !== entry.sha256 || old.corrections !== entry.corrections) {
      lines.push(entry.corrections > old.corrections ? `  - re-locked ${key} after a correction` : `  - ⚠ **hash of ${key} rewritten without a new correction**`);
    }
  }
  for (const key of base?.keys() ?? []) if (!now.has(key)) lines.push(`  - ⚠ **${key} removed from the lock**`);
  return lines;
}

function checkSection(diagnostics: readonly Diagnostic[]): string[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  if (diagnostics.length === 0) return ['### Check', '', '✔ `npm run check` found no problems.', ''];
  const head = errors.length > 0 ? `✖ \`npm run check\` found ${errors.length} error${errors.length === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}:` : `✔ No errors; ${warnings} warning${warnings === 1 ? '' : 's'}:`;
  const shown = sortDiagnostics(diagnostics).slice(0, 30).map(formatDiagnostic);
  return ['### Check', '', head, '', '```', ...shown, ...(diagnostics.length > 30 ? [`… and ${diagnostics.length - 30} more`] : []), '```', ''];
}

function patch(file: ChangedFile): string[] {
  const text = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.baseText ?? '', file.text ?? '', '', '', { context: 1 });
  return text.split('\n').slice(2).filter((line, index, all) => index < all.length - 1 || line !== '');
}

/** How many corrections a version's text lists in its frontmatter. */
function correctionsIn(text: string | undefined): number {
  const raw = text === undefined ? undefined : readFrontmatter(text);
  if (!raw || isFrontmatterSyntaxError(raw)) return 0;
  return Array.isArray(raw.data.corrections) ? raw.data.corrections.length : 0;
}

function safeLock(text: string | undefined): Lock | undefined {
  if (text === undefined) return new Map();
  try {
    return parseLock(text);
  } catch {
    return undefined;
  }
}

