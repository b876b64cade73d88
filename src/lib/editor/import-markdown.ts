/**
 * Turn an existing policy written in (GitHub-flavoured) Markdown into a version file of the
 * content model (`npm run import-markdown`, scripts/import-markdown.ts).
 *
 * The source is parsed once by remark (remark-parse, remark-gfm, remark-frontmatter) into mdast;
 * every repair is made on that tree, and the tree is written out by mdast-util-to-markdown (with
 * mdast-util-gfm, and for `.mdx` mdast-util-mdx, which escapes what MDX would read as code). Code
 * is written as it was; headings get their anchors pinned (`## Title {#id}`).
 */
import type { Heading, Link, LinkReference, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, defaultHandlers, type Handlers, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { parse, stringify } from 'yaml';
import type { CivilDate } from '../dates.ts';
import { kebabAnchor, anchorIdPattern } from '../content/schemas.ts';
import { parseWithRemark, type SourceFormat } from '../content/version-source.ts';
import { walk } from '../content/mdast-walk.ts';
import { takeAttributeLists, type AttributedBlock } from './import/attribute-lists.ts';
import { liftOpening } from './import/opening.ts';
import { linkTarget, type LinkContext } from './import/link-targets.ts';
import { rawHtmlIds, repairRawHtml } from './import/raw-html.ts';
import { htmlToMdx } from './import/html-to-mdx.ts';
import { inferFormerAnchors, sectionsOf, type Section } from './import/former-anchors.ts';

export { sectionsOf, type Section } from './import/former-anchors.ts';

/** How to import one file. */
export interface ImportOptions {
  /** Format of the version file to write: `md` keeps raw HTML (repaired); `mdx` rewrites it as Markdown. */
  format: SourceFormat;
  /** Whether this is the document's first version (which needs no `summary`/`material`). */
  first: boolean;
  /** Name of the source file, for messages and the default summary. */
  sourceName: string;
  /** The version's effective date, `YYYY-MM-DD` (the source's file name): an "Effective …" line is checked against it. */
  effective?: CivilDate;
  /** The document's title in the registry: a version whose own title differs keeps it as `title:`. */
  documentTitle?: string;
  /** `material` for versions that do not say; default false. */
  material?: boolean;
  /** Origin of the site the policy came from (`https://docs.github.com`): links from its root (`/site-policy`) are made absolute. */
  site?: string;
  /** The source site's URL of this document: absolute links to it become links to the version's own sections. */
  sourceUrl?: string;
  /** Sections of the previous version of the document (from `sectionsOf`), to infer `formerAnchors`. */
  previous?: readonly Section[];
  /** Called with a message (`<source>: line N: …`) for everything changed or that will render badly. */
  warn?: (message: string) => void;
}

/** What an import made. */
export interface ImportedVersion {
  /** The version file's text. */
  text: string;
  /** The version's own title (source frontmatter `title`, else its leading `# Title`), written as `title:` only when it differs from `documentTitle`. */
  title?: string;
  /** Former anchors inferred against `previous`, `old-id -> new-id` (also in the frontmatter). */
  formerAnchors: Record<string, string>;
  /** This version's sections, to pass as `previous` to the next version's import. */
  sections: Section[];
}

/** Frontmatter keys of the source that the version keeps (the rest belong to the source site's tooling). */
const KEPT_KEYS = ['summary', 'material', 'lastUpdated', 'published'] as const;

/**
 * A link text that is one upper-case word standing for the target's title or address, which the
 * source site's tooling fills in when it renders (GitHub Docs' `[AUTOTITLE](/x)`; `[TITLE]`,
 * `[LINK]`, `[URL]` in other tools). Other upper-case words are acronyms (`[GDPR](…)`) and stay.
 */
const PLACEHOLDER = /^(?:[A-Z_]*(?:TITLE|LINK)[A-Z_]*|URL|HREF|TEXT|PLACEHOLDER|TBD|TODO)$/;

/**
 * Convert a Markdown file's text into a version file's text.
 *
 * @param text The source file, with or without YAML frontmatter.
 * @param options Target format, place in the history, the source site; see `ImportOptions`.
 * @returns The version file (frontmatter: `summary`/`material`/`lastUpdated`/`published` kept, a
 *   later version given `summary: Imported from <name>.` and `material` when it had none, `title`
 *   when the version's differs from the document's, `formerAnchors` when inferred), its title and sections.
 * @throws Error naming the source when its frontmatter is not valid YAML, or when its text cannot be parsed.
 */
export function importMarkdown(text: string, options: ImportOptions): ImportedVersion {
  const messages: string[] = [];
  const warn = (message: string) => {
    messages.push(message);
    options.warn?.(`${options.sourceName}: ${message}`);
  };
  const tree = parseWithRemark(text, 'md');
  const data = takeFrontmatter(tree, options.sourceName);

  const attributed = takeAttributeLists(tree);
  const datetimes = new Map<Nodes, string>();
  for (const { node, list } of attributed) if (node.type === 'paragraph' && list.attributes.datetime) datetimes.set(node, list.attributes.datetime);
  const opening = options.effective ? liftOpening(tree, options.effective, (node: Paragraph) => datetimes.get(node), warn) : {};
  const sourceTitle = typeof data.title === 'string' && data.title.trim() !== '' ? data.title.trim() : undefined;
  if (sourceTitle && opening.title && opening.title !== sourceTitle) warn(`the text opens with "# ${opening.title}" but its frontmatter title is "${sourceTitle}"; kept the frontmatter's as the version's title and dropped the heading.`);
  const title = sourceTitle ?? opening.title;
  mapAttributeLists(attributed, warn);

  if (options.format === 'mdx') htmlToMdx(tree, warn);
  const renamed = pinAnchors(tree);
  const sections = sectionsOf(tree);
  const formerAnchors = options.previous ? inferFormerAnchors(options.previous, sections) : {};
  for (const [old, now] of Object.entries(formerAnchors)) if (!renamed.has(old)) renamed.set(old, now);
  const context: LinkContext = {
    ids: new Set([...sections.map((s) => s.anchor), ...allAnchors(tree), ...(options.format === 'md' ? rawHtmlIds(tree) : [])]),
    renamed,
    site: options.site ?? (options.sourceUrl ? new URL(options.sourceUrl).origin : undefined),
    sourceUrl: options.sourceUrl,
  };
  fixLinks(tree, context, warn);
  if (options.format === 'md') repairRawHtml(tree, context, warn);
  warnIndentedCode(tree, text, warn);

  const frontmatter: Record<string, unknown> = {};
  for (const key of KEPT_KEYS) if (data[key] !== undefined) frontmatter[key] = data[key];
  if (!options.first) {
    frontmatter.summary ??= `Imported from ${options.sourceName}.`;
    frontmatter.material ??= options.material ?? false;
  }
  if (title && options.documentTitle && title !== options.documentTitle) frontmatter.title = title;
  if (Object.keys(formerAnchors).length > 0) frontmatter.formerAnchors = formerAnchors;
  const head = Object.keys(frontmatter).length > 0 ? `---\n${stringify(frontmatter)}---\n\n` : '';
  return { text: head + serialise(tree, options.format), title, formerAnchors, sections };
}

/**
 * The title a source gives itself: its frontmatter `title`, else a `# Title` that opens its text.
 *
 * @param text The source file.
 * @param sourceName Its name, for errors.
 * @returns The title, or `undefined` when it gives none.
 * @throws Error naming the source when its frontmatter is not valid YAML.
 */
export function sourceTitle(text: string, sourceName: string): string | undefined {
  const tree = parseWithRemark(text, 'md');
  const data = takeFrontmatter(tree, sourceName);
  if (typeof data.title === 'string' && data.title.trim() !== '') return data.title.trim();
  const first = tree.children[0];
  return first?.type === 'heading' && first.depth === 1 ? toString(first, { includeHtml: false }).trim() : undefined;
}

/** Remove the YAML frontmatter node that opens the tree and read it. */
function takeFrontmatter(tree: Root, sourceName: string): Record<string, unknown> {
  const first = tree.children[0];
  if (first?.type !== 'yaml') return {};
  tree.children.shift();
  try {
    const data = parse(first.value) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (error) {
    throw new Error(`${sourceName}: the frontmatter is not valid YAML (${(error as Error).message}). Fix it or remove it, then import again.`, { cause: error });
  }
}

/** Map what attribute lists say onto the tree: a heading's `#id` becomes its anchor; the rest is dropped, with a warning. */
function mapAttributeLists(attributed: readonly AttributedBlock[], warn: (message: string) => void): void {
  for (const { node, list } of attributed) {
    const where = node.position ? `line ${node.position.start.line}: ` : '';
    const dropped: string[] = [...list.classes.map((name) => `.${name}`)];
    for (const [key, value] of Object.entries(list.attributes)) if (!(key === 'datetime' && node.type === 'paragraph')) dropped.push(`${key}="${value}"`);
    if (list.id !== undefined) {
      if (node.type === 'heading') node.data = { ...node.data, anchor: list.id };
      else dropped.unshift(`#${list.id}`);
    }
    if (dropped.length > 0) warn(`${where}dropped ${dropped.map((part) => `\`${part}\``).join(', ')} of the attribute list \`${list.written}\`: ${node.type === 'heading' ? 'a heading takes only its anchor' : 'a paragraph takes no id, class or attribute here'}.`);
  }
}

/**
 * Pin every heading's anchor: the one it had (attribute list, or github-slugger's slug, the one
 * the source site derived), tidied to kebab-case when it is not (`j--td` → `j-td`), unique.
 *
 * @returns Anchor as it was (what links use) -> the pinned anchor, for the anchors that changed.
 */
function pinAnchors(tree: Root): Map<string, string> {
  const slugger = new GithubSlugger();
  const headings: { node: Heading; id: string }[] = [];
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const slug = slugger.slug(toString(node, { includeHtml: false }).trim());
    headings.push({ node, id: node.data?.anchor ?? slug });
  });
  const taken = new Set(headings.map((h) => h.id).filter((id) => anchorIdPattern.test(id)));
  const renamed = new Map<string, string>();
  for (const heading of headings) {
    let id = heading.id;
    if (!anchorIdPattern.test(id)) {
      const base = kebabAnchor(id) ?? 'section';
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      renamed.set(heading.id, id);
    }
    heading.node.data = { ...heading.node.data, anchor: id };
  }
  return renamed;
}

/** Every pinned anchor of the tree. */
function allAnchors(tree: Root): string[] {
  const ids: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'heading' && node.data?.anchor) ids.push(node.data.anchor);
  });
  return ids;
}

/** Retarget every Markdown link and definition (see link-targets.ts) and warn about placeholder link texts. */
function fixLinks(tree: Root, context: LinkContext, warn: (message: string) => void): void {
  const own: string[] = [];
  for (const node of collect(tree, (n) => n.type === 'definition')) {
    const definition = node as Extract<Nodes, { type: 'definition' }>;
    const target = linkTarget(definition.url, context);
    if (target.kind === 'rewrite') {
      if (target.self) own.push(target.url);
      definition.url = target.url;
    }
  }
  replaceLinks(tree, (link, where) => {
    const label = toString(link, { includeHtml: false }).trim();
    if (PLACEHOLDER.test(label)) {
      const to = link.type === 'link' ? link.url : `[${link.identifier}]`;
      warn(`${where}the link text "${label}" (to ${to}) is a placeholder that the source site's tooling replaces with the title of the page it links to; it would print as "${label}". Write that title as the link text.`);
    }
    if (link.type !== 'link') return undefined;
    const target = linkTarget(link.url, context);
    if (target.kind === 'rewrite') {
      if (target.self) own.push(target.url);
      link.url = target.url;
    } else if (target.kind === 'dead') {
      warn(`${where}the link to "${link.url}" leads to no section of this version; kept its text, dropped the link.`);
      return link.children;
    } else if (target.kind === 'self') {
      warn(`${where}the link to "${link.url}" leads to this document itself (the page the reader is on); kept its text, dropped the link.`);
      return link.children;
    }
    return undefined;
  });
  if (own.length > 0) warn(`rewrote ${own.length} link${own.length === 1 ? '' : 's'} to this document's address on the source site (${context.sourceUrl}) as links to its sections: ${[...new Set(own)].join(', ')}.`);
}

/** Call `visit` on each link and link reference; when it returns nodes, they replace the link. */
function replaceLinks(parent: Parent, visit: (link: Link | LinkReference, where: string) => RootContent[] | undefined): void {
  parent.children = parent.children.flatMap((child) => {
    if ('children' in child) replaceLinks(child as Parent, visit);
    if (child.type !== 'link' && child.type !== 'linkReference') return [child];
    return visit(child, child.position ? `line ${child.position.start.line}: ` : '') ?? [child];
  }) as typeof parent.children;
}

/** Warn about indented code blocks: in a legal text they are almost always list items indented too far. */
function warnIndentedCode(tree: Root, source: string, warn: (message: string) => void): void {
  const lines = source.split('\n');
  const visit = (parent: Parent, inList: boolean) => {
    parent.children.forEach((child, index) => {
      if (child.type === 'code' && child.position) {
        const line = lines[child.position.start.line - 1] ?? '';
        const fenced = /^[\s>]*(?:[-*+]|\d+[.)])?\s*(```|~~~)/.test(line);
        const afterList = parent.children[index - 1]?.type === 'list';
        if (!fenced) warn(`line ${child.position.start.line}: this text is indented by four spaces or more, so it prints as a block of code ("${short(child.value)}")${inList || afterList ? '; it follows a list, so it is most likely a list item or a paragraph of one indented too far' : ''}. Indent it less (a list item's paragraphs line up with the item's text), or mark real code with a \`\`\` fence.`);
      }
      if ('children' in child) visit(child as Parent, inList || child.type === 'list');
    });
  };
  visit(tree, false);
}

/** Write the tree: ATX headings with their pinned anchor, `-` bullets, `_` emphasis, links as `[text](url)` (MDX reads `<https://…>` as a tag). */
function serialise(tree: Root, format: SourceFormat): string {
  const heading: Handlers['heading'] = (node, parent, state, info) => {
    const written = defaultHandlers.heading(node, parent, state, info);
    return node.data?.anchor ? `${written} {#${node.data.anchor}}` : written;
  };
  const options: ToMarkdownOptions = {
    extensions: format === 'mdx' ? [gfmToMarkdown({ tablePipeAlign: false }), mdxToMarkdown()] : [gfmToMarkdown({ tablePipeAlign: false })],
    handlers: { heading },
    bullet: '-',
    emphasis: '_',
    rule: '-',
    fences: true,
    resourceLink: true,
    listItemIndent: 'one',
  };
  return toMarkdown(tree, options);
}

/** Nodes of a tree that satisfy a test. */
function collect(tree: Root, test: (node: Nodes) => boolean): Nodes[] {
  const found: Nodes[] = [];
  walk(tree, (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

function short(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}
