/**
 * The content check: every rule of the content model applied to the sources in `content/`, all
 * problems reported at once. Pure: the caller reads the files (see src/node/read-content.ts).
 */
import { mdxSyntaxAdvice, type SyntaxAdvice } from './syntax-advice.ts';
import { isCivilDate, type CivilDate } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { isLibraryMessage, mdxProblem, schemaProblem } from '../editor-messages.ts';
import { frontmatterLineOf, isFrontmatterSyntaxError, readFrontmatter } from '../content/frontmatter.ts';
import { readRegistry } from '../content/registry.ts';
import { frontmatterSchema, kebabAnchor, type DocumentEntry, type Frontmatter } from '../content/schemas.ts';
import { parseVersionSource, sourceFormatOf, type SourceFormat } from '../content/version-source.ts';
import { readDeepLinks, type DeepLink } from '../site/deep-links.ts';
import { contentRules } from './rules/index.ts';
import type { CheckedVersion, ContentSources, RuleContext, SourceFile } from './rule.ts';

export type { CheckedVersion, ContentRule, ContentSources, RuleContext, SourceFile } from './rule.ts';
import type { Root } from 'mdast';

/** The result of a check. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Registry entries in site order. */
  documents: DocumentEntry[];
  /** Versions that passed their per-file rules, oldest first per document. */
  versions: CheckedVersion[];
  /** The well-formed deep links of `links.yaml`, in file order; `undefined` when the content has no links.yaml. */
  links: DeepLink[] | undefined;
}

const REGISTRY = 'documents.yaml';
/** A neutral effective date for examples in messages (no real version is named after it). */
const EXAMPLE_DATE = '2030-01-31';

/**
 * Check the content against the content model (issue 2: registry, one file per version named by
 * its effective date, strict frontmatter, MDX syntax).
 *
 * @param sources The files, read by the caller.
 * @param asOf `YYYY-MM-DD` of the build; `lastUpdated` may not be later for a version in effect.
 * @returns Every diagnostic (errors and warnings) and what could be read.
 */
export function checkContent(sources: ContentSources, asOf: CivilDate): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const display = (path: string) => `${sources.root}/${path}`;
  const report = (path: string, line: number, ruleId: string, message: string, column = 1) =>
    diagnostics.push({ file: display(path), line, column, ruleId, severity: 'error', message });

  diagnostics.push(...(sources.refused ?? []));
  let documents: DocumentEntry[] = [];
  let idLines = new Map<string, number>();
  if (!sources.registry) {
    report(REGISTRY, 1, 'registry-missing', `The document registry is missing. Create ${display(REGISTRY)} listing each document (id, title, kind, description).`);
  } else {
    const registry = readRegistry(display(REGISTRY), sources.registry.text);
    diagnostics.push(...registry.diagnostics);
    documents = registry.documents;
    idLines = registry.idLines;
  }
  const registryLine = (id: string) => idLines.get(id) ?? 1;
  const registered = new Set(documents.map((d) => d.id));

  for (const name of sources.strays ?? []) {
    // A version written at the top (`content/2025-01-01.mdx`) would never be read: the site reads
    // versions from document folders only. Other files are harmless but ignored, which is said too.
    const version = /\.mdx?$/i.test(name);
    const date = name.replace(/\.mdx?$/i, '');
    const example = `${documents[0]?.id ?? 'privacy-statement'}/${isCivilDate(date) ? date : EXAMPLE_DATE}.mdx`;
    diagnostics.push({
      file: display(name), line: 1, column: 1, ruleId: 'content-stray-file', severity: version ? 'error' : 'warning',
      message: version
        ? `This file is at the top of the content folder, where no version is read: the site would never show it. A version lives in its document's folder, named by its effective date: move it to ${display(example)}${documents.length > 1 ? ` (or the folder of another document: ${documents.map((d) => d.id).join(', ')})` : ''}.`
        : `The site does not read this file: the top of the content folder holds only documents.yaml, links.yaml, versions.lock and README.md, and one folder per document. Move it out of ${sources.root}/, or delete it.`,
    });
  }

  for (const folder of sources.folders) {
    const renamed = registered.has(folder) ? undefined : documents.find((d) => d.formerIds?.includes(folder));
    if (renamed) {
      report(`${folder}/`, 1, 'document-unregistered', `The folder "${folder}" is named by a former id of "${renamed.id}" (its formerIds in ${display(REGISTRY)}). A renamed document's versions live under its new id: move them (git mv ${display(folder)} ${display(renamed.id)}).`);
    } else if (documents.length > 0 && !registered.has(folder)) {
      report(`${folder}/`, 1, 'document-unregistered', `The folder "${folder}" has no entry in ${display(REGISTRY)}. Add an entry with \`id: ${folder}\`, or rename the folder to a registered id (${[...registered].join(', ')}).`);
    }
  }

  const versions: CheckedVersion[] = [];
  /** Versions whose frontmatter is valid, even when their body is not: their place rules still apply. */
  const placed: Placed[] = [];
  const byDate = new Map<string, string>();
  const sorted = [...sources.files].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of sorted) {
    const [folder, name, ...rest] = file.path.split('/');
    const format = sourceFormatOf(file.path);
    const stem = name?.replace(/\.mdx?$/, '') ?? '';
    if (rest.length > 0 || !format || !name) {
      report(file.path, 1, 'version-filename', `Unexpected file. A document folder holds only version files named by their effective date, e.g. ${folder}/YYYY-MM-DD.mdx (such as ${folder}/${EXAMPLE_DATE}.mdx).`);
      continue;
    }
    if (!isCivilDate(stem)) {
      report(file.path, 1, 'version-filename', `"${name}" is not named by a real effective date. Rename it YYYY-MM-DD.mdx with the date the version takes effect, e.g. ${folder}/${EXAMPLE_DATE}.mdx.`);
      continue;
    }
    const key = `${folder}/${stem}`;
    const twin = byDate.get(key);
    if (twin) {
      report(file.path, 1, 'version-duplicate-date', `Two versions of "${folder}" take effect on ${stem}: ${display(twin)} and ${display(file.path)}. Keep one file per effective date; delete or rename the other.`);
      continue;
    }
    byDate.set(key, file.path);
    const checked = checkVersionFile(file, folder!, stem, format, report);
    if (checked.frontmatter) placed.push({ document: folder!, effective: stem, path: file.path, frontmatter: checked.frontmatter, lineOf: checked.lineOf! });
    if (checked.version) versions.push(checked.version);
  }

  for (const document of documents) {
    const own = placed.filter((v) => v.document === document.id);
    const hasFile = sources.files.some((f) => f.path.startsWith(`${document.id}/`));
    if (own.length === 0 && !hasFile) {
      report(REGISTRY, registryLine(document.id), 'document-no-versions', `The document "${document.id}" has no versions. Add ${display(`${document.id}/YYYY-MM-DD.mdx`)} named by its effective date, or remove the entry.`);
    }
    own.forEach((version, index) => checkPlace(version, index === 0, asOf, report));
  }
  const links = sources.links ? readDeepLinks(display(sources.links.path), sources.links.text) : undefined;
  const context: RuleContext = { sources, documents, versions, links, asOf, display, registryLine };
  for (const rule of contentRules) diagnostics.push(...rule(context));
  return { diagnostics, documents, versions, links: links?.links };
}

type Report = (path: string, line: number, ruleId: string, message: string, column?: number) => void;

/** A version with valid frontmatter, and the file line of each of its frontmatter keys. */
type Placed = Pick<CheckedVersion, 'document' | 'effective' | 'path' | 'frontmatter'> & { lineOf: (key: string) => number };

function checkVersionFile(file: SourceFile, folder: string, effective: CivilDate, format: SourceFormat, report: Report): { version?: CheckedVersion; frontmatter?: Frontmatter; lineOf?: (key: string) => number } {
  let tree: Root | undefined;
  try {
    tree = parseVersionSource(file.text, format);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    // `## Heading {#two words}` or `{ #id }`: an anchor written almost right, which MDX then reads as code.
    // Only on the refused line, and only for a line of heading length: the pattern backtracks on long runs of spaces.
    const refusedLine = file.text.split('\n')[(place.line ?? 1) - 1] ?? '';
    const heading = refusedLine.length <= 500 ? /^(\s{0,3}#{1,6}[ \t].*?)(\{\s*#[^{}]*\})\s*#*\s*$/.exec(refusedLine) : null;
    const meant = heading ? kebabAnchor(heading[2]!.slice(1, -1).replace('#', '')) : undefined;
    let advice: SyntaxAdvice | undefined;
    if (heading && meant) {
      report(file.path, place.line ?? 1, 'anchor-syntax', `The anchor \`${heading[2]}\` is not written as anchors are: \`{#id}\` at the end of the heading, the id in lower-case words joined by hyphens, no spaces inside the braces. Write {#${meant}}.`, heading[1]!.length + 1);
    } else if ((advice = mdxSyntaxAdvice(String(place.reason ?? place.message), refusedLine, place.column ?? 1))) {
      report(file.path, place.line ?? 1, advice.ruleId, advice.message, advice.column);
    } else {
      report(file.path, place.line ?? 1, 'mdx-syntax', `MDX syntax error: ${mdxProblem(String(place.reason ?? place.message))} MDX reads \`{\`, \`}\` and \`<\` as code: write them as \\{, \\} and \\<, or fix the tag.`, place.column ?? 1);
    }
  }
  const raw = readFrontmatter(file.text, tree);
  if (isFrontmatterSyntaxError(raw)) {
    report(file.path, raw.line, 'frontmatter-yaml', `Invalid frontmatter: ${raw.reason}.`, raw.column);
    return {};
  }
  let ok = tree !== undefined;
  const parsed = frontmatterSchema.safeParse(raw.data);
  if (!parsed.success) {
    ok = false;
    for (const issue of parsed.error.issues) {
      // Nested paths (`corrections[0].reason`) are reported at their own line (issue 6).
      const nested = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = nested.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      if (issue.code === 'unrecognized_keys' && nested.length > 0) {
        for (const key of issue.keys) {
          report(file.path, frontmatterLineOf(file.text, [...nested, key], tree) ?? 1, 'frontmatter-unknown-key', `Unknown key "${key}" in \`${where}\`. Check the spelling or remove it (see content/README.md).`);
        }
      } else if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(file.path, raw.keyLines.get(key) ?? 1, 'frontmatter-unknown-key', `Unknown frontmatter key "${key}". Allowed keys: ${Object.keys(frontmatterSchema.shape).join(', ')}. Check the spelling or remove it.`);
        }
      } else {
        const key = String(issue.path[0] ?? '');
        const line = nested.length > 1 ? frontmatterLineOf(file.text, nested, tree) : undefined;
        const found = nested.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], raw.data);
        const problem = schemaProblem(issue, nested.length > 1 ? where : key, found);
        report(file.path, line ?? raw.keyLines.get(key) ?? 1, 'frontmatter-schema', `${isLibraryMessage(issue) ? '' : 'Frontmatter '}${problem}.`);
      }
    }
  }
  if (!parsed.success) return {};
  // A missing key is reported at the end of the frontmatter, where it would be added.
  const lineOf = (key: string) => raw.keyLines.get(key) ?? Math.max(raw.endLine, 1);
  if (!ok || !tree) return { frontmatter: parsed.data, lineOf };
  return { frontmatter: parsed.data, lineOf, version: { document: folder, effective, path: file.path, format, frontmatter: parsed.data, text: file.text, tree } };
}

function checkPlace(version: Placed, first: boolean, asOf: CivilDate, report: Report): void {
  const { lineOf } = version;
  const { summary, material, lastUpdated } = version.frontmatter;
  if (!first && summary === undefined) {
    report(version.path, lineOf('summary'), 'frontmatter-summary-required', `This version follows an earlier one, so it needs a \`summary:\` saying what changed, e.g. summary: Adds a section on data retention.`);
  }
  if (!first && material === undefined) {
    report(version.path, lineOf('material'), 'frontmatter-material-required', `This version follows an earlier one, so it must say whether the change is material: add \`material: true\` or \`material: false\`.`);
  }
  if (lastUpdated !== undefined && lastUpdated < version.effective) {
    report(version.path, lineOf('lastUpdated'), 'frontmatter-last-updated-before-effective', `\`lastUpdated: ${lastUpdated}\` is before the effective date ${version.effective} (the filename). A correction can only come after the version takes effect: fix the date or remove the key.`);
  } else if (lastUpdated !== undefined && version.effective <= asOf && lastUpdated > asOf) {
    report(version.path, lineOf('lastUpdated'), 'frontmatter-last-updated-future', `\`lastUpdated: ${lastUpdated}\` is after the as-of date ${asOf}. Use the date the correction was actually made.`);
  }
}
