/**
 * Turn an existing policy written in (GitHub-flavoured) Markdown into a version file of the
 * content model: frontmatter cut down to the keys the schema allows, and, for `.mdx`, the syntax
 * MDX reads differently from Markdown (HTML comments, braces, void HTML tags) rewritten.
 * Used by `npm run import-markdown` (scripts/import-markdown.ts).
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { parse, stringify } from 'yaml';
import { headingAnchors } from '../content/anchors.ts';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { find, html } from 'property-information';
import { contentSchema } from '../security/content-schema.ts';
import { kebabAnchor } from '../content/schemas.ts';
import { parseVersionSource, type SourceFormat } from '../content/version-source.ts';

/** How to import one file. */
export interface ImportOptions {
  /** Format of the version file to write: `md` keeps the Markdown as it is (HTML allowed); `mdx` rewrites it. */
  format: SourceFormat;
  /** Whether this is the document's first version (which needs no `summary`/`material`). */
  first: boolean;
  /** Name of the source file, for the default summary. */
  sourceName: string;
  /** `material` for versions that do not say; default false. */
  material?: boolean;
  /** Origin of the site the policy came from (`https://docs.github.com`): links from its root (`/site-policy`) are made absolute. */
  site?: string;
  /** Called with a message for each dead link that was turned into plain text. */
  warn?: (message: string) => void;
}

/** Frontmatter keys an imported file keeps (the rest of the schema's keys are the registry's business). */
const KEPT_KEYS = ['summary', 'material', 'lastUpdated'] as const;

/**
 * Convert a Markdown file's text into a version file's text.
 *
 * @param text The source file, with or without YAML frontmatter.
 * @param options Target format, whether it is the first version, the source name.
 * @returns The version file's text: frontmatter with `summary`/`material`/`lastUpdated` only (a
 *   later version gets `summary: Imported from <name>.` and `material` when it had none), then
 *   the body, with every ATX heading's anchor pinned (`{#slug}`, the slug it already had, so old
 *   links keep working), links to a section the version does not have turned into plain text (the
 *   content check refuses dead links; a raw-HTML `<a>` loses its `href`), and root-relative links
 *   (Markdown or `<a href>`) made absolute when `site` is given.
 * @throws Error naming the source when its frontmatter is not valid YAML.
 */
export function importMarkdown(text: string, options: ImportOptions): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  let data: Record<string, unknown> = {};
  if (match) {
    try {
      data = (parse(match[1]!) as Record<string, unknown>) ?? {};
    } catch (error) {
      throw new Error(`${options.sourceName}: the frontmatter is not valid YAML (${(error as Error).message}). Fix it or remove it, then import again.`, { cause: error });
    }
  }
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_KEYS) if (data[key] !== undefined) kept[key] = data[key];
  if (!options.first) {
    kept.summary ??= `Imported from ${options.sourceName}.`;
    kept.material ??= options.material ?? false;
  }
  const body = fixLinksAndAnchors((match ? text.slice(match[0].length) : text).replace(/^\s*\n/, ''), options);
  const frontmatter = Object.keys(kept).length > 0 ? `---\n${stringify(kept)}---\n\n` : '';
  return frontmatter + (options.format === 'mdx' ? markdownToMdx(body) : body);
}

/**
 * Rewrite Markdown so MDX reads it the same: `<!-- x -->` becomes `{/* x *\/}`, `{` and `}` are
 * escaped, void HTML tags are closed (`<br>` → `<br />`) and a `<` that starts no tag is escaped.
 * Code spans and fenced code are left alone. Source: MDX's differences from Markdown,
 * https://mdxjs.com/docs/what-is-mdx/#markdown.
 *
 * @param markdown The body of a Markdown file.
 * @returns MDX text.
 */
export function markdownToMdx(markdown: string): string {
  const parts = markdown.split(/(^```[\s\S]*?^```[^\n]*$|`[^`\n]+`|<!--[\s\S]*?-->)/m);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) {
        if (part.startsWith('<!--')) return `{/*${part.slice(4, -3).replace(/\*\//g, '* /')}*/}`;
        return part;
      }
      return part
        .replace(/[{}]/g, (c) => `\\${c}`)
        .replace(/<(br|hr|img|input|wbr)\b([^>]*?)\/?>/gi, (_, tag: string, attributes: string) => `<${tag.toLowerCase()}${attributes} />`)
        .replace(/<(?![A-Za-z/])/g, '\\<');
    })
    .join('');
}

/**
 * Pin heading anchors and repair links the content check would refuse (see `importMarkdown`).
 *
 * @param body Markdown body (no frontmatter).
 * @param options `site` for root-relative links, `warn` for dead links, `sourceName` for messages.
 * @returns The body with the edits applied.
 */
function fixLinksAndAnchors(body: string, options: ImportOptions): string {
  const tree = parseVersionSource(body, 'md');
  const headings = headingAnchors(tree);
  const ids = new Set(headings.map((h) => h.id));
  // An anchor must be kebab-case (rules/anchors.ts); a slug that is not (`j--td`, `ü`) is tidied, and links follow it.
  const renamed = new Map<string, string>();
  for (const heading of headings) {
    if (heading.pinned || KEBAB.test(heading.id)) continue;
    const base = kebabAnchor(heading.id) ?? 'section';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    renamed.set(heading.id, id);
  }
  visit(tree, 'html', (node) => {
    for (const attribute of htmlAttributes(node.value)) if (attribute.name === 'id' || (attribute.name === 'name' && attribute.element === 'a')) ids.add(attribute.value);
  });
  const lines = body.split('\n');
  const lineStart: number[] = [];
  lines.reduce((offset, line) => (lineStart.push(offset), offset + line.length + 1), 0);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const heading of headings) {
    const line = lines[heading.line - 1]!;
    if (heading.pinned || !/^\s{0,3}#{1,6}(\s|$)/.test(line)) continue;
    const content = line.replace(/\s+#+\s*$/, '').replace(/\s+$/, '');
    edits.push({ start: lineStart[heading.line - 1]! + content.length, end: lineStart[heading.line - 1]! + line.length, text: ` {#${renamed.get(heading.id) ?? heading.id}}` });
  }
  visit(tree, 'link', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const fragment = node.url.startsWith('#') ? safeDecode(node.url.slice(1)) : undefined;
    if (fragment !== undefined && renamed.has(fragment)) {
      const source = body.slice(start, end);
      const at = source.lastIndexOf(`](${node.url}`);
      if (at >= 0) edits.push({ start: start + at + 2, end: start + at + 2 + node.url.length, text: `#${renamed.get(fragment)}` });
    } else if (fragment !== undefined && !ids.has(fragment)) {
      const first = (node.children[0] as Nodes | undefined)?.position?.start.offset;
      const last = (node.children.at(-1) as Nodes | undefined)?.position?.end.offset;
      edits.push({ start, end, text: first !== undefined && last !== undefined ? body.slice(first, last) : '' });
      options.warn?.(`${options.sourceName}: the link to "${node.url}" leads to no section of this version; kept its text, dropped the link.`);
    } else if (options.site && node.url.startsWith('/') && !node.url.startsWith('//')) {
      const source = body.slice(start, end);
      const at = source.lastIndexOf(`](${node.url}`);
      if (at >= 0) edits.push({ start: start + at + 2, end: start + at + 2 + node.url.length, text: options.site.replace(/\/+$/, '') + node.url });
    }
  });
  // The same repairs for `<a href>` in raw HTML: a dead section link loses its href (the text stays).
  visit(tree, 'html', (node) => {
    const base = node.position?.start.offset;
    if (base === undefined) return;
    for (const attribute of htmlAttributes(node.value)) {
      if (attribute.element !== 'a' || attribute.name !== 'href') continue;
      const place = { start: base + attribute.start, end: base + attribute.end };
      const url = attribute.value.replace(/[\t\n\r]/g, '').trim();
      const fragment = url.startsWith('#') ? safeDecode(url.slice(1)) : undefined;
      if (fragment !== undefined && renamed.has(fragment)) {
        edits.push({ ...place, text: `href="#${escapeAttribute(renamed.get(fragment)!)}"` });
      } else if (fragment !== undefined && !ids.has(fragment)) {
        const start = place.start - (/\s/.test(node.value[attribute.start - 1] ?? '') ? 1 : 0);
        edits.push({ start, end: place.end, text: '' });
        options.warn?.(`${options.sourceName}: the link to "${url}" leads to no section of this version; kept its text, dropped the link.`);
      } else if (options.site && url.startsWith('/') && !url.startsWith('//')) {
        edits.push({ ...place, text: `href="${escapeAttribute(options.site.replace(/\/+$/, '') + url)}"` });
      }
    }
  });
  // Attributes the site's allow-list refuses (`v-align`, `open` on <summary>, `style` ...) are dropped, with a warning:
  // an imported history then passes the check, and what was dropped is said.
  visit(tree, 'html', (node) => {
    const base = node.position?.start.offset;
    if (base === undefined) return;
    for (const attribute of htmlAttributes(node.value)) {
      if (isAllowedAttribute(attribute.element, attribute.name)) continue;
      const start = base + attribute.start - (/\s/.test(node.value[attribute.start - 1] ?? '') ? 1 : 0);
      if (edits.some((edit) => edit.start < base + attribute.end && start < edit.end)) continue;
      edits.push({ start, end: base + attribute.end, text: '' });
      options.warn?.(`${options.sourceName}: dropped the attribute \`${attribute.name}\` of <${attribute.element}>, which the site does not allow.`);
    }
  });
  let out = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An attribute of a start tag in raw HTML, with its whole span (`name="value"`) in that HTML. */
interface HtmlAttribute {
  element: string;
  name: string;
  /** The value as the HTML parser decoded it. */
  value: string;
  start: number;
  end: number;
}

/** Every attribute of every element of a piece of raw HTML, read by parse5 (the WHATWG HTML parser) with source locations. */
function htmlAttributes(html: string): HtmlAttribute[] {
  const found: HtmlAttribute[] = [];
  const stack: DefaultTreeAdapterMap['parentNode'][] = [parseFragment(html, { sourceCodeLocationInfo: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const locations = child.sourceCodeLocation?.attrs ?? {};
      for (const attribute of child.attrs) {
        const location = locations[attribute.name];
        if (location) found.push({ element: child.tagName, name: attribute.name, value: attribute.value, start: location.startOffset, end: location.endOffset });
      }
      stack.push(child);
    }
  }
  return found;
}

/** Whether the content schema (src/lib/security/content-schema.ts) allows an attribute on an element; unknown elements are left to the check. */
function isAllowedAttribute(element: string, attribute: string): boolean {
  if (!contentSchema.tagNames?.includes(element)) return true;
  const property = find(html, attribute).property;
  const allowed = [...(contentSchema.attributes?.[element] ?? []), ...(contentSchema.attributes?.['*'] ?? [])];
  return allowed.some((definition) => (typeof definition === 'string' ? definition : definition[0]) === property);
}

/** Escape a value for a double-quoted HTML attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
