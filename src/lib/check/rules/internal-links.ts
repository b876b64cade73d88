/**
 * Internal links: every link from a version (Markdown links, and `<a href>` in the raw HTML of a
 * `.md` version) to a section of the same version (`#contact-us`) or to another page of the site (`/privacy-statement/`, `/privacy-statement/2022-03-31/#contact-us`,
 * `/privacy-statement/history/`, `/go/<key>/`) leads somewhere that exists at the as-of date. A link
 * under a former id of a document (`formerIds`) is checked as a link to the document under its id.
 *
 * Anchors of a version are those of its headings (the pinned `{#id}`, else github-slugger's slug,
 * see src/lib/content/anchors.ts), the ids raw HTML sets in a `.md` version (`<a name>`, `id=`), plus its
 * former anchors (issue 5), since a link to a former anchor still lands.
 *
 * Rule ids: `link-missing-anchor`, `link-unknown-document`, `link-unknown-version`,
 * `link-unknown-page`, `link-relative` (a relative path, whose target depends on the page it is
 * read on, since a version is shown at two addresses).
 */
import type { Nodes as HastNodes } from 'hast';
import { parse } from 'yaml';
import { formerAnchorsAt, headingAnchors } from '../../content/anchors.ts';
import type { CheckedVersion, ContentRule, RuleContext } from '../rule.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { choicesMessage } from '../../editor-messages.ts';
import { versionContent } from '../../content/version-content.ts';
import { placeVersions } from '../../site/timeline.ts';

/** First path segments of site pages that are not documents (`/search/`). `/go/` is checked against links.yaml. */
export const otherSitePages: readonly string[] = ['search'];

/** Check every `#anchor` and site-path link of every version. */
export const internalLinksRule: ContentRule = (context) => {
  const anchors = anchorIndex(context.versions);
  const deepLinkKeys = readDeepLinkKeys(context.sources.links?.text);
  const diagnostics: Diagnostic[] = [];
  for (const version of context.versions) {
    const report = (place: { line: number; column: number } | undefined, ruleId: string, message: string) =>
      diagnostics.push({ file: context.display(version.path), line: place?.line ?? 1, column: place?.column ?? 1, ruleId, severity: 'error', message });
    // Every `a href` of the page as it is printed: Markdown links and raw HTML alike (one tree, src/lib/content/version-content.ts).
    for (const link of versionContent(version.tree, version.text, version.format).links) {
      if (link.element !== 'a') continue;
      const problem = checkTarget(link.url, version, context, anchors, deepLinkKeys);
      if (problem) report(link, problem.ruleId, problem.message);
    }
  }
  return diagnostics;
};

type Problem = { ruleId: string; message: string };

/** `document/effective` -> the anchors that land in that version. */
function anchorIndex(versions: readonly CheckedVersion[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const byDocument = new Map<string, CheckedVersion[]>();
  for (const version of versions) byDocument.set(version.document, [...(byDocument.get(version.document) ?? []), version]);
  for (const own of byDocument.values()) {
    const sorted = [...own].sort((a, b) => (a.effective < b.effective ? -1 : 1));
    sorted.forEach((version, position) => {
      const ids = new Set([...headingAnchors(version.tree).map((heading) => heading.id), ...htmlAnchors(version)]);
      const former = formerAnchorsAt(sorted.slice(0, position + 1).map((v) => v.frontmatter.formerAnchors), ids);
      index.set(`${version.document}/${version.effective}`, new Set([...ids, ...Object.keys(former)]));
    });
  }
  return index;
}

/** Ids set by raw HTML in a `.md` version: `<a name="x">` and `id="x"` on any element, read from the page's tree. */
function htmlAnchors(version: CheckedVersion): string[] {
  const ids: string[] = [];
  const stack: HastNodes[] = [versionContent(version.tree, version.text, version.format).hast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      const { id, name } = node.properties;
      if (typeof id === 'string') ids.push(id);
      if (node.tagName === 'a' && typeof name === 'string') ids.push(name);
    }
    if (node.type === 'root' || node.type === 'element') stack.push(...node.children);
  }
  return ids;
}

/** `decodeURIComponent` that never throws: `#100%` stays as written. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function checkTarget(url: string, from: CheckedVersion, context: RuleContext, anchors: Map<string, Set<string>>, deepLinkKeys: Set<string> | undefined): Problem | undefined {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) || url.startsWith('//') || url === '') return undefined;
  const [path = '', fragment] = splitFragment(url);
  const anchor = fragment === undefined ? undefined : decodeFragment(fragment);
  if (path === '') {
    const own = anchors.get(`${from.document}/${from.effective}`) ?? new Set();
    if (anchor === undefined || anchor === '' || own.has(anchor)) return undefined;
    return { ruleId: 'link-missing-anchor', message: `The link \`${url}\` points to no section of this version. ${choicesMessage(anchor, own, 'Anchors here')}` };
  }
  if (!path.startsWith('/')) {
    return { ruleId: 'link-relative', message: `The link \`${url}\` is a relative path, which leads to different pages from /${from.document}/ and /${from.document}/${from.effective}/. Write it from the site root, e.g. /${from.document}/.` };
  }
  const segments = path.split('/').filter(Boolean);
  const [written, second, third] = segments;
  if (written === undefined || /\.[a-z0-9]+$/i.test(path)) return undefined;
  const documentIds = context.documents.map((d) => d.id);
  // A former id (documents.yaml `formerIds`) still leads to the document: its pages redirect. Locked
  // versions keep such links, so they are checked against the document as it is now, silently.
  const first = context.documents.find((d) => d.formerIds?.includes(written))?.id ?? written;
  if (first === 'go') {
    if (deepLinkKeys && second !== undefined && !deepLinkKeys.has(second)) {
      return { ruleId: 'link-unknown-page', message: `The link \`${url}\` uses the deep link "${second}", which content/links.yaml does not define. ${choicesMessage(second, deepLinkKeys, 'Keys', (key) => key)}` };
    }
    return undefined;
  }
  if (!documentIds.includes(first)) {
    if (otherSitePages.includes(first)) return undefined;
    return { ruleId: 'link-unknown-document', message: `The link \`${url}\` points to "/${first}/", which is no document of the site. ${choicesMessage(first, documentIds, 'Documents', (id) => `/${id}/`)}` };
  }
  const own = context.versions.filter((v) => v.document === first);
  let target: CheckedVersion | undefined;
  if (second === undefined) {
    target = shownVersion(own, context.asOf);
  } else if (second === 'history' && third === undefined) {
    return anchor ? { ruleId: 'link-missing-anchor', message: `The link \`${url}\` points to a section of the history page, which has none. Remove \`#${anchor}\`.` } : undefined;
  } else {
    target = own.find((v) => v.effective === second);
    if (!target || (third !== undefined && third !== 'changes') || segments.length > 3) {
      return { ruleId: 'link-unknown-version', message: `The link \`${url}\` points to no version of "${first}". Versions: ${own.map((v) => `/${first}/${v.effective}/`).join(', ')}.` };
    }
    if (third === 'changes') return undefined;
  }
  if (!target || anchor === undefined || anchor === '') return undefined;
  const ids = anchors.get(`${target.document}/${target.effective}`) ?? new Set();
  if (ids.has(anchor)) return undefined;
  return { ruleId: 'link-missing-anchor', message: `The link \`${url}\` points to no section of ${target.document} effective ${target.effective}. ${choicesMessage(anchor, ids, 'Anchors there')}` };
}

/** The version `/<document>/` shows at the as-of date: the current one, else the first upcoming one. */
function shownVersion(versions: readonly CheckedVersion[], asOf: string): CheckedVersion | undefined {
  const placed = placeVersions(versions.map((v) => ({ ...v })), asOf);
  const shown = placed.find((v) => v.status === 'current') ?? placed.find((v) => v.status === 'upcoming');
  return shown && versions.find((v) => v.effective === shown.effective);
}

function splitFragment(url: string): [string, string | undefined] {
  const hash = url.indexOf('#');
  const withoutQuery = (part: string) => part.replace(/\?.*$/, '');
  return hash === -1 ? [withoutQuery(url), undefined] : [withoutQuery(url.slice(0, hash)), url.slice(hash + 1)];
}

function readDeepLinkKeys(text: string | undefined): Set<string> | undefined {
  if (text === undefined) return undefined;
  try {
    const data = parse(text) as unknown;
    return data && typeof data === 'object' ? new Set(Object.keys(data)) : undefined;
  } catch {
    return undefined;
  }
}
