/**
 * The pull-request summary: what a change to the content does, in Markdown for reviewers (posted as
 * a pull-request comment by .github/workflows/pull-request.yml). Pure: scripts/pr-summary.ts reads
 * git and runs the check and the diffs.
 *
 * Escaping by construction (issue 11): the summary is an mdast tree serialised by
 * `mdast-util-to-markdown` (with GFM). Content text (a version's summary, a correction's reason, a
 * document's title, file names, lock keys) only ever becomes a text node, or an inline-code or code
 * node for file names and diffs, so the serialiser escapes what Markdown would read as syntax
 * (`<!--` becomes `\<!--`). Line endings in content text are written as spaces, so a summary cannot
 * start a line of the comment's structure; and `@` before a name gets a zero-width joiner (U+200D)
 * after it, so `@name` and `@org/team` in content mention nobody on GitHub (code spans and blocks
 * need none: GitHub does not mention from code). The only raw HTML is the summary's own: the
 * marker comment and `<details>` around diffs.
 */
import type { BlockContent, Code, Heading, Html, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Join } from 'mdast-util-to-markdown';
import { createTwoFilesPatch } from 'diff';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { formatDate, type CivilDate } from '../dates.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../content/frontmatter.ts';
import { LOCK_FILE, parseLockFile, type LockFile } from '../check/lock.ts';
import { formerIdMap, underCurrentIds } from '../check/lock-renames.ts';
import type { DocumentEntry, Frontmatter } from '../content/schemas.ts';
import type { FormerAnchors } from '../content/anchors.ts';
import { parseVersionSource, sourceFormatOf } from '../content/version-source.ts';
import { readDeepLinks, type DeepLink } from '../site/deep-links.ts';
import { deepLinkChanges, type AnchoredVersion, type DeepLinkSide } from './deep-link-changes.ts';

/** The deep-link registry, relative to the content folder. */
const LINKS_FILE = 'links.yaml';

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
  /** The file's text now (added and modified files that are regular files). */
  text?: string;
  /** Set when the file is now a symbolic link or another non-file: its text is never read (the check refuses it). */
  notAFile?: boolean;
}

/** A version as the summary describes it. */
export interface SummaryVersion {
  document: string;
  effective: CivilDate;
  frontmatter: Frontmatter;
  /** Its parsed text, as the check read it (its anchors are compared with the base's); without it, its anchors are not compared. */
  tree?: Root;
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
  /** The deep links of links.yaml now, as the check read them (`undefined` without links.yaml). */
  links?: readonly DeepLink[];
  /**
   * Markdown diff per document id (from `npm run diff`, or diffFailure's note why there is none):
   * one Markdown text, or several, each parsed on its own. Parsed with GFM and embedded as a tree;
   * raw HTML in it other than the redline's `<ins>`/`</ins>` is shown as text.
   */
  diffs: Map<string, string | readonly string[]>;
  /** As-of date the check ran at. */
  asOf: CivilDate;
}

/** A version file of a changed document: `<id>/<YYYY-MM-DD>.md` or `.mdx`. */
const VERSION_FILE = /^[^/]+\/\d{4}-\d{2}-\d{2}\.mdx?$/;

/**
 * The version files of a renamed document that only moved: each deleted `old/<date>.<ext>` whose
 * `old` is a former id (documents.yaml `formerIds`) of a document with an added `new/<date>.<ext>`
 * of exactly the same text. They are one version (the lock reads the entry under the new id, old
 * addresses redirect), so the summary names a rename instead of a deleted and a new version, and
 * no diff is made for them.
 *
 * @param changed The changed files of the content folder.
 * @param documents The registry now.
 * @returns Added path -> deleted path, for each moved version file.
 */
export function movedVersionFiles(changed: readonly ChangedFile[], documents: readonly Pick<DocumentEntry, 'id' | 'formerIds'>[]): Map<string, string> {
  const renamedTo = formerIdMap(documents);
  const moved = new Map<string, string>();
  for (const gone of changed) {
    if (gone.status !== 'D' || !VERSION_FILE.test(gone.path)) continue;
    const [former = '', name = ''] = gone.path.split('/');
    const id = renamedTo.get(former);
    const added = id === undefined ? undefined : changed.find((f) => f.status === 'A' && f.path === `${id}/${name}`);
    if (added && !added.notAFile && added.text === gone.baseText) moved.set(added.path, gone.path);
  }
  return moved;
}

/**
 * Write the pull-request summary.
 *
 * @param input What changed, the check's findings and the diffs.
 * @returns Markdown (GFM) starting with SUMMARY_MARKER on its own line: one section per changed
 *   document (new, changed, corrected and deleted versions, with the diff), the deep links (each
 *   key of links.yaml added, repointed or removed, and each anchor a current or upcoming version
 *   loses, keys pointing at one first; see deep-link-changes.ts), the other changed content files
 *   (a changed lock file is spelt out entry by entry and deep-link key by key, because it protects
 *   published text; an entry locked as imported history is flagged, as the check and
 *   `lock --compare` accept it), and the check result. A new upcoming version whose `published:`
 *   is already past is flagged: it is not public before the merge.
 */
export function prSummary(input: SummaryInput): string {
  const tree: Root = { type: 'root', children: [{ type: 'html', value: SUMMARY_MARKER }, heading(2, [words('Legal content changes')])] };
  tree.children.push(paragraph([words('Compared with '), code(input.base), words(` (${input.baseCommit.slice(0, 12)}); checked as of ${formatDate(input.asOf)}.`)]));
  const moved = movedVersionFiles(input.changed, input.documents);
  const movedAway = new Set(moved.values());
  const versionFiles = input.changed.filter((f) => VERSION_FILE.test(f.path));
  const others = input.changed.filter((f) => !versionFiles.includes(f) && f.path !== LINKS_FILE);
  const shownFiles = versionFiles.filter((f) => !movedAway.has(f.path));
  const ids = [...new Set(shownFiles.map((f) => f.path.split('/')[0]!))];
  if (input.changed.length === 0) tree.children.push(paragraph([words('No content changed.')]));
  for (const id of ids) tree.children.push(...documentSection(id, shownFiles.filter((f) => f.path.startsWith(`${id}/`)), input, moved));
  tree.children.push(...deepLinkSection(versionFiles, input));
  if (others.length > 0) tree.children.push(heading(3, [words('Other content files')]), list(others.map((file) => otherFile(file, input))));
  tree.children.push(...checkSection(input.diagnostics));
  return serialise(tree);
}

/**
 * Write the note that stands in for a diff when `npm run diff` failed.
 *
 * @param command The command that was run, e.g. `npm run diff -- privacy-statement 2024-03-01 2025-09-01 --format markdown`.
 * @param output What it printed (its first lines), shown as a code block.
 * @returns Markdown for SummaryInput.diffs.
 */
export function diffFailure(command: string, output: string): string {
  const note = paragraph([{ type: 'emphasis', children: [words('No diff: '), code(command), words(' failed:')] }]);
  return serialise({ type: 'root', children: [note, { type: 'code', value: output }] });
}

/** The `<details>` markers of a collapsed part: the summary's own HTML, never content. */
const detailsEnd = '</details>';
const details = (label: string): Html => ({ type: 'html', value: `<details><summary>${label}</summary>` });

function documentSection(id: string, files: ChangedFile[], input: SummaryInput, moved: ReadonlyMap<string, string>): RootContent[] {
  const title = input.documents.find((d) => d.id === id)?.title ?? id;
  const items: ListItem[] = [];
  for (const file of files) {
    if (file.notAFile) {
      items.push(item([notAFile(file, input)]));
      continue;
    }
    const effective = file.path.slice(id.length + 1, id.length + 11);
    const version = input.versions.find((v) => v.document === id && v.effective === effective);
    const when = `effective ${formatDate(effective)}${effective > input.asOf ? ' (upcoming)' : ''}`;
    const fm = version?.frontmatter;
    const from = moved.get(file.path);
    if (from !== undefined) {
      items.push(item([paragraph([strong('Renamed'), words(' version '), words(`${when}, from `), code(`${input.root}/${from}`), words(' (a former id of this document): the same text; its old addresses redirect here.')])]));
    } else if (file.status === 'D') {
      items.push(item([paragraph([words('⚠ '), strong('Deleted version'), words(` ${when}. Published versions are never deleted.`)])]));
    } else if (file.status === 'A') {
      const line: PhrasingContent[] = [strong('New version'), words(` ${when}`)];
      if (fm?.material) line.push(words(', '), strong('material change'));
      else if (fm?.material === false) line.push(words(', not material'));
      line.push(words(`${fm?.published ? `, published for notice ${formatDate(fm.published)}` : ''}.`));
      // New in this pull request, so not public yet: a `published:` already past would count notice readers never had.
      if (fm?.published && fm.published < input.asOf && effective > input.asOf) line.push(words(' ⚠ '), strong('Not published yet'), words(`: this version is new in this pull request, so readers have not seen it, and the notice period counts from ${formatDate(fm.published)}. Set `), code('published:'), words(' to the day you merge.'));
      if (fm?.summary?.trim()) line.push(words('\nSummary: '), content(fm.summary));
      items.push(item([paragraph(line)]));
    } else {
      const added = (fm?.corrections ?? []).slice(correctionsIn(file.baseText));
      const head = added.length > 0
        ? paragraph([strong('Corrected version'), words(` ${when}:`)])
        : paragraph([strong('Changed version'), words(` ${when}${effective <= input.asOf ? ' ⚠ published: the check refuses changes without a correction' : ''}.`)]);
      const corrections = added.map((correction) => item([paragraph([words(`Corrected on ${formatDate(correction.date)}: `), content(correction.reason)])]));
      const exact: BlockContent[] = [details('Exact change to the file'), { type: 'code', lang: 'diff', value: patch(file).join('\n') }, { type: 'html', value: detailsEnd }];
      items.push(item([head, ...(corrections.length > 0 ? [list(corrections)] : []), ...exact]));
    }
  }
  const section: RootContent[] = [heading(3, [content(title), words(' ('), code(id), words(')')]), list(items)];
  const diff = input.diffs.get(id);
  const diffTrees = (typeof diff === 'string' ? [diff] : diff ?? []).filter((markdown) => markdown.trim() !== '').flatMap(embeddedMarkdown);
  if (diffTrees.length > 0) section.push(details('Changes between versions'), ...diffTrees, { type: 'html', value: detailsEnd });
  return section;
}

/** A file that is now a symbolic link (or a folder, a device …): named, never read. */
function notAFile(file: ChangedFile, input: SummaryInput): Paragraph {
  return paragraph([words('⚠ '), code(`${input.root}/${file.path}`), words(' is a symbolic link or another non-file, which the content folder may not hold: the check refuses it, and what it points to is not shown.')]);
}

function otherFile(file: ChangedFile, input: SummaryInput): ListItem {
  if (file.notAFile) return item([notAFile(file, input)]);
  const verb = { A: 'added', M: 'changed', D: 'deleted' }[file.status];
  const shown = code(`${input.root}/${file.path}`);
  if (file.path !== LOCK_FILE) return item([paragraph([shown, words(` ${verb}.`)])]);
  if (file.status === 'D') return item([paragraph([words('⚠ '), shown, words(' '), strong('deleted'), words(': published versions are no longer protected.')])]);
  const baseFile = safeLock(file.baseText);
  const nowFile = safeLock(file.text);
  if (!nowFile) return item([paragraph([words('⚠ '), shown, words(` ${verb}, and cannot be read.`)])]);
  // Entries of a renamed document are read under its new id, as the check and `lock --compare` read them.
  const renamed = baseFile ? underCurrentIds(baseFile.versions, input.documents) : undefined;
  const base = renamed?.lock;
  const now = underCurrentIds(nowFile.versions, input.documents).lock;
  const entries: ListItem[] = [];
  for (const { from, to } of renamed?.moved ?? []) {
    if (now.get(to)?.sha256 === baseFile!.versions.get(from)!.sha256) entries.push(item([paragraph([words('renamed '), content(from), words(' → '), content(to), words(` (a former id of ${to.split('/')[0]!}), same fingerprint`)])]));
  }
  for (const [key, entry] of now) {
    const old = base?.get(key);
    // Locked as history (`npm run lock -- --history`): in effect before anyone could read it, so reviewers must see it.
    if (!old && entry.imported) {
      const effective = key.slice(-10);
      entries.push(item([paragraph([words('⚠ '), { type: 'strong', children: [words('locked '), content(key), words(' as imported history')] }, words(' ('), code('npm run lock -- --history'), words(`): in effect since ${formatDate(effective)}, with no notice to readers. Only a version readers really had before, imported from elsewhere, may be locked so; a new text needs a later effective date.`)])]));
    } else if (!old) entries.push(item([paragraph([words('locked '), content(key)])]));
    else if (old.sha256 !== entry.sha256 || old.corrections !== entry.corrections) {
      entries.push(item([paragraph(entry.corrections > old.corrections
        ? [words('re-locked '), content(key), words(' after a correction')]
        : [words('⚠ '), { type: 'strong', children: [words('hash of '), content(key), words(' rewritten without a new correction')] }])]));
    }
  }
  for (const key of base?.keys() ?? []) if (!now.has(key)) entries.push(item([paragraph([words('⚠ '), { type: 'strong', children: [content(key), words(' removed from the lock')] }])]));
  const baseLinks = baseFile?.links ?? new Map();
  const nowLinks = nowFile.links ?? new Map();
  for (const [key, { target }] of nowLinks) {
    const old = baseLinks.get(key);
    if (!old) entries.push(item([paragraph([words('recorded deep link '), code(key), words(' → '), code(target)])]));
    else if (old.target !== target) entries.push(item([paragraph([words('recorded deep link '), code(key), words(': '), code(old.target), words(' → '), code(target)])]));
  }
  for (const [key, { target }] of baseLinks) {
    if (!nowLinks.has(key)) entries.push(item([paragraph([words('⚠ '), { type: 'strong', children: [words('deep link '), code(key), words(' removed from the lock')] }, words(' (it pointed to '), code(target), words('): '), code('npm run lock -- --compare'), words(' refuses this.')])]));
  }
  if (entries.length === 0) entries.push(item([paragraph([words('no entry and no deep-link key changed (only comments or layout)')])]));
  return item([paragraph([shown, words(` ${verb}:`)]), ...(entries.length > 0 ? [list(entries)] : [])]);
}

/**
 * The deep links section: keys at an anchor that disappears first, then each key removed,
 * repointed or added, then each anchor that a current or upcoming version loses (deep-link-changes.ts).
 * Left out when links.yaml did not change and no anchor disappears.
 */
function deepLinkSection(versionFiles: readonly ChangedFile[], input: SummaryInput): RootContent[] {
  const file = input.changed.find((f) => f.path === LINKS_FILE);
  const shown = code(`${input.root}/${LINKS_FILE}`);
  const now = input.links ?? [];
  const unchanged: DeepLinkSide['links'] = now;
  const side = (text: string | undefined): Pick<DeepLinkSide, 'links' | 'keys'> => {
    if (text === undefined) return { links: [], keys: [] };
    const read = readDeepLinks(LINKS_FILE, text);
    return { links: read.links, keys: read.keys };
  };
  const baseLinks = file ? side(file.baseText) : { links: unchanged, keys: unchanged.map((l) => l.key) };
  const headLinks = !file ? { links: unchanged, keys: unchanged.map((l) => l.key) } : file.notAFile ? { links: [], keys: undefined } : side(file.text);
  const changed = new Set(versionFiles.filter((f) => f.status !== 'D').map((f) => f.path.replace(/\.mdx?$/, '')));
  const headVersions: AnchoredVersion[] = input.versions.flatMap((v) => (v.tree ? [{ document: v.document, effective: v.effective, tree: v.tree, formerAnchors: v.frontmatter.formerAnchors }] : []));
  const touched = new Set(versionFiles.map((f) => f.path.replace(/\.mdx?$/, '')));
  const baseVersions = [...headVersions.filter((v) => !touched.has(`${v.document}/${v.effective}`)), ...versionFiles.flatMap((f) => baseVersion(f))];
  const changes = deepLinkChanges({ ...baseLinks, versions: baseVersions }, { ...headLinks, versions: headVersions }, changed, input.asOf);
  if (!file && changes.vanished.length === 0) return [];
  const title = (id: string) => input.documents.find((d) => d.id === id)?.title ?? id;
  const where = (v: { document: string; effective: CivilDate; status: string }) => [words(` the ${v.status} version of `), content(title(v.document)), words(` effective ${formatDate(v.effective)}`)];
  const items: ListItem[] = [];
  if (file?.notAFile) items.push(item([notAFile(file, input)]));
  else if (file?.status === 'D') items.push(item([paragraph([words('⚠ '), shown, words(' '), strong('deleted'), words(': every key below is removed.')])]));
  else if (file && headLinks.keys === undefined) items.push(item([paragraph([words('⚠ '), shown, words(' cannot be read (see the check below): its keys are not compared.')])]));
  for (const anchor of changes.vanished) {
    for (const key of anchor.keys) {
      items.push(item([paragraph([words('⚠ '), { type: 'strong', children: [code(key), words(' points at an anchor that disappears')] }, words(': '), code(`${anchor.document}#${anchor.anchor}`), words(' is not in'), ...where(anchor), words('.')])]));
    }
  }
  for (const { key, target } of changes.removed) {
    items.push(item([paragraph([words('⚠ '), { type: 'strong', children: [words('Removed '), code(key)] }, words(' (it pointed to '), code(target), words('): apps that open '), code(`/go/${key}/`), words(' get a 404.')])]));
  }
  for (const { key, from, to } of changes.repointed) items.push(item([paragraph([words('Repointed '), code(key), words(': '), code(from), words(' → '), code(to)])]));
  for (const { key, target } of changes.added) items.push(item([paragraph([words('Added '), code(key), words(' → '), code(target)])]));
  for (const anchor of changes.vanished) {
    const used: PhrasingContent[] = anchor.keys.length === 0 ? [words('; no deep link uses it.')] : [words('; used by '), ...anchor.keys.flatMap((key, index) => [...(index > 0 ? [words(', ')] : []), code(key)]), words('.')];
    items.push(item([paragraph([words('Anchor '), code(`#${anchor.anchor}`), words(' disappears from'), ...where(anchor), words(' ('), code(anchor.document), words(')'), ...used])]));
  }
  if (items.length === 0) items.push(item([paragraph([shown, words(' changed: no key added, repointed or removed.')])]));
  return [heading(3, [words('Deep links')]), list(items)];
}

/** A version as it was on the base (a changed or deleted version file), parsed once; nothing when its base text cannot be parsed. */
function baseVersion(file: ChangedFile): AnchoredVersion[] {
  const format = sourceFormatOf(file.path);
  if (file.status === 'A' || file.baseText === undefined || !format) return [];
  const [document, name] = file.path.split('/') as [string, string];
  try {
    const tree = parseVersionSource(file.baseText, format);
    const raw = readFrontmatter(file.baseText, tree);
    const declared = isFrontmatterSyntaxError(raw) ? undefined : raw.data.formerAnchors;
    const pairs = declared && typeof declared === 'object' && !Array.isArray(declared) ? Object.entries(declared).filter((pair): pair is [string, string] => typeof pair[1] === 'string') : [];
    const formerAnchors: FormerAnchors | undefined = pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
    return [{ document, effective: name.slice(0, 10), tree, formerAnchors }];
  } catch {
    return [];
  }
}

function checkSection(diagnostics: readonly Diagnostic[]): RootContent[] {
  const title = heading(3, [words('Check')]);
  const command = code('npm run check');
  if (diagnostics.length === 0) return [title, paragraph([words('✔ '), command, words(' found no problems.')])];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const head = errors > 0 ? paragraph([words('✖ '), command, words(` found ${plural(errors, 'error')} and ${plural(warnings, 'warning')}:`)]) : paragraph([words(`✔ No errors; ${plural(warnings, 'warning')}:`)]);
  const shown = sortDiagnostics(diagnostics).slice(0, 30).map(formatDiagnostic);
  if (diagnostics.length > 30) shown.push(`… and ${diagnostics.length - 30} more`);
  return [title, head, { type: 'code', value: shown.join('\n') } satisfies Code];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text the summary itself writes (its own words and structure, never content). */
function words(value: string): PhrasingContent {
  return { type: 'text', value };
}

/** Content text as one line, trimmed: each run of line endings (CommonMark's: LF, CR LF, CR) with the blanks around it becomes one space. */
function content(value: string): PhrasingContent {
  return { type: 'text', value: value.trim().replace(/[\t ]*(?:(?:\r\n?|\n)[\t ]*)+/g, ' ') };
}

function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [words(value)] };
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function heading(depth: 2 | 3, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

function item(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

function list(children: ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children };
}

/** Markdown from another tool (the diff) as mdast, parsed with GFM; raw HTML other than `<ins>`/`</ins>` becomes text. */
function embeddedMarkdown(markdown: string): RootContent[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  allowHtml(tree);
  return tree.children;
}

/** Node types whose children are phrasing: raw HTML in them becomes a text node, elsewhere a paragraph of text. */
const phrasingParents = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

function allowHtml(parent: Parent): void {
  const phrasing = phrasingParents.has(parent.type);
  parent.children = parent.children.map((node) => {
    if (node.type !== 'html') {
      if ('children' in node) allowHtml(node);
      return node;
    }
    if (phrasing && (node.value === '<ins>' || node.value === '</ins>')) return node;
    const text = content(node.value);
    return phrasing ? text : paragraph([text]);
  }) as Parent['children'];
}

/** `@` before a letter, digit or `_` starts a GitHub mention. */
const mention = /@(?=[\p{L}\p{N}_])/gu;

/** Put a zero-width joiner after each `@` that would start a mention, in every text node (not in code, where GitHub mentions nobody). */
function neutraliseMentions(node: Nodes): void {
  if (node.type === 'text') node.value = node.value.replace(mention, '@\u200D');
  else if ('children' in node) for (const child of node.children) neutraliseMentions(child);
}

/** The marker is followed directly by the heading (the workflow finds the comment by its first line); raw HTML gets blank lines around it, so a `<details>` block ends before what it holds. */
const joins: Join[] = [
  (left, right) => {
    if (left.type === 'html' && left.value === SUMMARY_MARKER) return 0;
    if (left.type === 'html' || right.type === 'html') return 1;
    return undefined;
  },
];

function serialise(tree: Root): string {
  neutraliseMentions(tree);
  return toMarkdown(tree, { bullet: '-', listItemIndent: 'one', fences: true, join: joins, extensions: [gfmToMarkdown()] });
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

function safeLock(text: string | undefined): LockFile | undefined {
  if (text === undefined) return { versions: new Map(), links: undefined };
  try {
    return parseLockFile(text);
  } catch {
    return undefined;
  }
}
