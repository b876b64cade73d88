/**
 * Read and validate the document registry, `content/documents.yaml`.
 */
import { isNode } from 'yaml';
import { parseYamlFile } from './yaml-file.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { describeValue, schemaProblem } from '../editor-messages.ts';
import { documentEntrySchema, noticeSchema, registrySchema, type DocumentEntry } from './schemas.ts';

/**
 * Document ids that would collide with the site's own routes (`/go/<key>/`, `/api/documents.json`):
 * refused as ids (rule `document-id-reserved`, src/lib/check/rules/deep-links.ts) and as former ids
 * (`registry-former-id`).
 */
// Every top-level name the site writes itself (src/pages, public/, Pagefind's bundle; test/lib/content/red-team.test.ts
// keeps the list whole): a document named so lost its page to the site's (`search`) or shared its folder (`pagefind`).
export const reservedDocumentIds: readonly string[] = ['api', 'go', 'documents', 'search', '404', 'pagefind'];

/**
 * Parse the registry and report every problem in it with its line.
 *
 * Rules: YAML syntax (`registry-yaml`), the schema (`registry-schema`, including unknown keys),
 * unique ids (`registry-duplicate-id`), a parent for each supplemental notice and only for one,
 * that exists, is not the notice itself and does not lead back to it (`registry-parent`), former
 * ids that are no current id, no other document's former id and not reserved (`registry-former-id`).
 *
 * @param file Display path of the registry, e.g. `content/documents.yaml`.
 * @param text Its text.
 * @returns The documents in site order (empty when the registry is unusable), the diagnostics, and
 *   the line of each document's `id:` (by id; the first when an id is used twice).
 */
export function readRegistry(file: string, text: string): { documents: DocumentEntry[]; diagnostics: Diagnostic[]; idLines: Map<string, number> } {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, ruleId: string, message: string, column = 1) =>
    diagnostics.push({ file, line, column, ruleId, severity: 'error', message });
  const { yaml, lineCounter, diagnostics: syntax } = parseYamlFile(file, text, 'registry-yaml');
  if (syntax.length > 0) return { documents: [], diagnostics: syntax, idLines: new Map() };
  const lineOf = (path: (string | number)[]): number => {
    for (let end = path.length; end >= 0; end--) {
      const node = yaml.getIn(path.slice(0, end), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const data = yaml.toJS() as unknown;
  const parsed = registrySchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const found = path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], data);
      const entry = entryName(data, path, lineOf);
      const inner = path.slice(entry ? 2 : 0).join('.');
      const where = entry ? `${entry}${inner ? `, under \`${inner}\`` : ''}` : path.length > 0 ? `\`${path.join('.')}\`` : 'the registry';
      const needs = 'Each entry needs id (kebab-case), title, kind (statement, terms or supplemental-notice) and description.';
      const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && found === undefined;
      const message =
        keys.length > 0
          ? `Unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in ${where}. Allowed: ${allowedKeys(path)}.`
          : entry && inner
            ? `${capitalise(entry)}: ${schemaProblem(issue, inner, found)}.${missing ? ` ${needs}` : ''}`
            : entry
              ? `${capitalise(entry)} must be a set of \`key: value\` lines starting with \`- id: ...\` (found ${describeValue(found)}). ${needs}`
              : path.length === 0
                ? `The registry must start with \`documents:\`, followed by one entry per document (found ${describeValue(found)}). ${needs}`
                : `${schemaProblem(issue, path.join('.'), found)}. ${needs}`;
      report(lineOf(keys.length > 0 ? [...path, keys[0]!] : path), 'registry-schema', message);
    }
    return { documents: [], diagnostics, idLines: new Map() };
  }
  const documents = parsed.data.documents;
  const idLines = new Map<string, number>();
  documents.forEach((entry, index) => {
    if (!idLines.has(entry.id)) idLines.set(entry.id, lineOf(['documents', index, 'id']));
  });
  const ids = new Set<string>();
  documents.forEach((entry, index) => {
    if (ids.has(entry.id)) {
      report(lineOf(['documents', index, 'id']), 'registry-duplicate-id', `The document id "${entry.id}" is used twice. Give each document its own id.`);
    }
    ids.add(entry.id);
  });
  documents.forEach((entry, index) => {
    const line = lineOf(['documents', index, 'parent']);
    if (entry.kind === 'supplemental-notice' && entry.parent === undefined) {
      report(line, 'registry-parent', `The supplemental notice "${entry.id}" has no parent. Add \`parent:\` with the id of the document it supplements.`);
    } else if (entry.kind !== 'supplemental-notice' && entry.parent !== undefined) {
      report(line, 'registry-parent', `"${entry.id}" is a ${entry.kind}, which cannot have a parent. Remove \`parent:\` or set \`kind: supplemental-notice\`.`);
    } else if (entry.parent !== undefined && (!ids.has(entry.parent) || entry.parent === entry.id)) {
      report(line, 'registry-parent', `The parent "${entry.parent}" of "${entry.id}" is not another document in the registry. Use one of: ${[...ids].filter((id) => id !== entry.id).join(', ')}.`);
    }
  });
  // Parents that lead back to where they started: each notice would supplement the other and
  // neither a statement nor terms. Reported once per cycle, at its first entry in the file.
  const parentOf = new Map(documents.map((entry) => [entry.id, entry.parent]));
  const reported = new Set<string>();
  documents.forEach((entry, index) => {
    const path = [entry.id];
    for (let next = entry.parent; next !== undefined && parentOf.has(next) && path.length <= documents.length; next = parentOf.get(next)) {
      if (next === entry.id) {
        if (path.length > 1 && !path.some((id) => reported.has(id))) {
          path.forEach((id) => reported.add(id));
          const roots = documents.filter((d) => d.kind !== 'supplemental-notice').map((d) => d.id);
          report(lineOf(['documents', index, 'parent']), 'registry-parent', `The parents of ${path.map((id) => `"${id}"`).join(' and ')} go round in a circle (${[...path, entry.id].join(' → ')}), so none of them supplements a statement or terms. Point \`parent:\` of "${entry.id}" at the document it supplements${roots.length > 0 ? `, e.g. ${roots.join(', ')}` : ''}.`);
        }
        break;
      }
      if (path.includes(next)) break;
      path.push(next);
    }
  });
  checkFormerIds(documents, (index, position) => lineOf(['documents', index, 'formerIds', position]), report);
  return { documents, diagnostics, idLines };
}

/**
 * Rule `registry-former-id`: a former id is an address the document no longer has, so it must not be
 * a current id (that document's pages would answer at it), another former id (two documents would
 * redirect the same URL), or a reserved id (the site's own pages answer there).
 */
function checkFormerIds(documents: readonly DocumentEntry[], lineOf: (index: number, position: number) => number, report: (line: number, ruleId: string, message: string) => void): void {
  const current = new Map(documents.map((entry, index) => [entry.id, index]));
  const claimed = new Map<string, { id: string; line: number }>();
  documents.forEach((entry, index) => {
    (entry.formerIds ?? []).forEach((former, position) => {
      const line = lineOf(index, position);
      const fail = (problem: string) => report(line, 'registry-former-id', `The former id "${former}" of "${entry.id}" ${problem}`);
      const owner = current.get(former);
      const earlier = claimed.get(former);
      if (former === entry.id) fail('is its own id. List only ids the document had before it was renamed, or remove it.');
      else if (owner !== undefined) fail(`is the id of another document in the registry, "${documents[owner]!.id}", whose pages answer at /${former}/. A former id is an address no document has any more: remove it from formerIds.`);
      else if (earlier) fail(earlier.id === entry.id ? `is listed twice. Remove one.` : `is already a former id of "${earlier.id}" (line ${earlier.line}): its old addresses can redirect to one document only. Remove it from one of the two.`);
      else if (reservedDocumentIds.includes(former)) fail(`is reserved for the site's own pages (${reservedDocumentIds.join(', ')}): no document ever had it. Remove it from formerIds.`);
      if (!earlier) claimed.set(former, { id: entry.id, line });
    });
  });
}

/**
 * How to name the registry entry a path points into: `the entry for "privacy-statement" (line 2)`,
 * or `entry 3 (line 10)` when it has no usable id; `undefined` for paths outside `documents[n]`.
 */
function entryName(data: unknown, path: readonly (string | number)[], lineOf: (path: (string | number)[]) => number): string | undefined {
  if (path[0] !== 'documents' || typeof path[1] !== 'number') return undefined;
  const id = ((data as { documents?: { id?: unknown }[] } | null)?.documents?.[path[1]] as { id?: unknown } | undefined)?.id;
  const line = lineOf(['documents', path[1]]);
  return typeof id === 'string' && id.trim() !== '' ? `the entry for "${id}" (line ${line})` : `entry ${path[1] + 1} (line ${line})`;
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The keys allowed where an unknown key was found: at the top, in an entry, or in an entry's `notice`. */
function allowedKeys(path: readonly (string | number)[]): string {
  if (path.length === 0) return Object.keys(registrySchema.shape).join(', ');
  if (path[2] === 'notice') return Object.keys(noticeSchema.shape).join(', ');
  return Object.keys(documentEntrySchema.shape).join(', ');
}
