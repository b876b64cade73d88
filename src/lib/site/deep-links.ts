/**
 * Deep links: named keys that apps use (`about-box`, `privacy-rights`), each resolved to a document
 * and, optionally, an anchor of its current version. Source: `content/links.yaml`, one line per key:
 * `key: document` or `key: document#anchor`.
 */
import { isMap, isScalar } from 'yaml';
import { commentsOnValueLines, parseYamlFile, type ValueLineComment } from '../content/yaml-file.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { deepLinkKeyPattern, deepLinkTargetPattern } from '../content/schemas.ts';
import type { FormerAnchors } from '../content/anchors.ts';

/** One deep link. */
export interface DeepLink {
  /** The key, e.g. `privacy-rights`. */
  key: string;
  /** Document id, e.g. `privacy-statement`. */
  document: string;
  /** Anchor in the document's current version; `undefined` links to the top of the document. */
  anchor: string | undefined;
  /** 1-based line of the key in links.yaml (1 when unknown). */
  line: number;
}

/**
 * Split a target `document#anchor` into its parts.
 *
 * @param target `privacy-statement` or `privacy-statement#your-rights`.
 * @returns The parts, or `undefined` when the target is malformed.
 */
export function parseDeepLinkTarget(target: string): { document: string; anchor: string | undefined } | undefined {
  const match = deepLinkTargetPattern.exec(target);
  return match ? { document: match[1]!, anchor: match[2] } : undefined;
}

/** What readDeepLinks read from `links.yaml`. */
export interface DeepLinkFile {
  /** The well-formed links, in file order. */
  links: DeepLink[];
  /**
   * Every key the file lists, well-formed or not, in file order; `undefined` when the file cannot
   * be read as a map of keys (a YAML error): then nobody can tell which keys it meant to keep.
   */
  keys: string[] | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Read `links.yaml` and report syntax and format problems with their lines.
 *
 * Rules: `deep-link-yaml` (YAML syntax, or not a map of keys), `deep-link-schema` (a key that is
 * not kebab-case, a target that is not `document` or `document#anchor`), `deep-link-comment` (a
 * `#` comment after a key or a value: YAML reads `privacy-statement #your-rights` as the value
 * `privacy-statement` and a comment, so the link would land at the top of the page; whole-line
 * comments are fine). A link with such a comment on its line is left out of `links` (its key stays
 * in `keys`).
 *
 * @param file Display path, e.g. `content/links.yaml`.
 * @param text The file's text.
 * @returns The well-formed links in file order, every key, and the diagnostics.
 */
export function readDeepLinks(file: string, text: string): DeepLinkFile {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, ruleId: string, message: string, column = 1) =>
    diagnostics.push({ file, line, column, ruleId, severity: 'error', message });
  const { yaml, lineCounter, diagnostics: syntax } = parseYamlFile(file, text, 'deep-link-yaml');
  if (syntax.length > 0) return { links: [], keys: undefined, diagnostics: syntax };
  if (yaml.contents === null) return { links: [], keys: [], diagnostics };
  if (!isMap(yaml.contents)) {
    report(1, 'deep-link-yaml', 'links.yaml must be a list of `key: document#anchor` lines, e.g. `privacy-rights: privacy-statement#your-rights`.');
    return { links: [], keys: undefined, diagnostics };
  }
  const comments = commentsOnValueLines(yaml, lineCounter);
  const links: DeepLink[] = [];
  const keys: string[] = [];
  for (const pair of yaml.contents.items) {
    const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    keys.push(key);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const target = typeof value === 'string' ? parseDeepLinkTarget(value) : undefined;
    const last = pair.value && 'range' in pair.value && pair.value.range ? lineCounter.linePos(pair.value.range[1]).line : line;
    const own = comments.filter((c) => c.line >= line && c.line <= last);
    for (const comment of own) {
      comments.splice(comments.indexOf(comment), 1);
      report(comment.line, 'deep-link-comment', commentMessage(comment, key, target), comment.column);
    }
    if (!deepLinkKeyPattern.test(key)) {
      report(line, 'deep-link-schema', `The deep-link key "${key}" is not kebab-case. Use lower-case letters, digits and single hyphens, e.g. privacy-rights.`);
    } else if (own.length > 0) {
      continue;
    } else if (!target) {
      const said = value === null || value === undefined || value === '' ? 'has no target after its colon' : `points to ${JSON.stringify(value)}`;
      report(line, 'deep-link-schema', `The deep link "${key}" ${said}. Write \`${key}: document\` or \`${key}: document#anchor\`, e.g. \`${key}: privacy-statement#your-rights\`.`);
    } else {
      links.push({ key, ...target, line });
    }
  }
  for (const comment of comments) report(comment.line, 'deep-link-comment', commentMessage(comment, undefined, undefined), comment.column);
  return { links, keys, diagnostics };
}

/**
 * The message for a comment after a key or a value in links.yaml (`deep-link-comment`).
 *
 * @param comment The comment, and what precedes it on its line.
 * @param key The key on that line, when the comment belongs to one.
 * @param target What the parser read as the key's target (without the comment).
 */
function commentMessage(comment: ValueLineComment, key: string | undefined, target: { document: string; anchor: string | undefined } | undefined): string {
  const anchor = comment.source.slice(1);
  // `key: document #anchor`: the editor meant `document#anchor`.
  const meant = key !== undefined && target && target.anchor === undefined && deepLinkKeyPattern.test(anchor) ? `${key}: ${target.document}#${anchor}` : undefined;
  const said = `\`${comment.before} ${comment.source}\`: YAML reads \`${comment.source}\` as a comment, not as part of the value`;
  const note = 'for a note, put it on a line of its own above the key, starting with `#`';
  // `key: document#anchor # a note`: the target is whole; only the note must move.
  if (!meant && target?.anchor !== undefined) return `${said}. Comments are not allowed on the line of a deep link (a space before \`#\` in a target would silently drop its anchor): ${note}.`;
  const fix = meant
    ? `If you meant the section, write \`${meant}\` without a space, or quote it`
    : 'Write the target without a space before `#` (`document#anchor`), or quote it';
  return `${said}, so this deep link would silently ${target ? `point to ${target.document} (the top of the page)` : 'be read without it'}. Comments are not allowed on the line of a deep link. ${fix}; ${note}.`;
}

/**
 * The anchor a deep link lands on in a version.
 *
 * @param anchor The link's anchor (`undefined` for the top of the document).
 * @param ids Every anchor of the version.
 * @param former The version's former anchors (old id -> current id).
 * @returns The anchor itself when the version has it, the section it was renamed to when it is a
 *   former anchor, `undefined` for the top of the document; `null` when the version lacks it.
 */
export function landingAnchor(anchor: string | undefined, ids: ReadonlySet<string>, former: FormerAnchors): string | undefined | null {
  if (anchor === undefined) return undefined;
  if (ids.has(anchor)) return anchor;
  return former[anchor] ?? null;
}

/**
 * Turn the text of `links.yaml` into entries for Astro's `file()` loader (the content check has
 * already reported anything malformed, which is left out here).
 *
 * @returns `[{ id: key, document, anchor? }]` in file order.
 */
export function deepLinkEntries(text: string): { id: string; document: string; anchor?: string }[] {
  return readDeepLinks('links.yaml', text).links.map(({ key, document, anchor }) => (anchor === undefined ? { id: key, document } : { id: key, document, anchor }));
}

/** A deep link resolved against the version a document's URL shows at the as-of date. */
export interface ResolvedDeepLink {
  key: string;
  /** Document id and title. */
  document: string;
  documentTitle: string;
  /** The anchor the link lands on (after following former anchors); `undefined` for the top. */
  anchor: string | undefined;
  /** Where the link goes: the document's URL (always its current version) plus `#anchor`, with base. */
  url: string;
  /** The text of the section's heading, or the document's title for the top. */
  label: string;
}

/**
 * Resolve a deep link for `/go/<key>/`.
 *
 * @param link The key and its target.
 * @param document The document's id, title and URL (with base).
 * @param sections The anchors and heading texts of the version `/<document>/` shows.
 * @param former That version's former anchors.
 * @throws Error naming the key when the version lacks the anchor (the `deep-link-anchor` rule
 *   stops such content before a build, so this means the check was bypassed).
 */
export function resolveDeepLink(
  link: Pick<DeepLink, 'key' | 'anchor'>,
  document: { id: string; title: string; url: string },
  sections: readonly { id: string; text: string }[],
  former: FormerAnchors,
): ResolvedDeepLink {
  const anchor = landingAnchor(link.anchor, new Set(sections.map((s) => s.id)), former);
  if (anchor === null) throw new Error(`The deep link "${link.key}" points to ${document.id}#${link.anchor}, which the version in effect lacks. Run npm run check.`);
  const label = anchor === undefined ? document.title : (sections.find((s) => s.id === anchor)?.text ?? document.title);
  return { key: link.key, document: document.id, documentTitle: document.title, anchor, url: anchor === undefined ? document.url : `${document.url}#${anchor}`, label };
}
