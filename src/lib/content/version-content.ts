/**
 * A version's text as data: its one parsed tree (mdast, from src/lib/content/version-source.ts) checked
 * against an allow-list that fails closed, then turned into the hast the page prints. The content
 * check reports `problems` in an editor's words; the site's loader (src/node/versions-loader.ts)
 * refuses to build a version that has any. Both call this one function on the same tree, so what
 * the check accepts is exactly what the page prints (issue 11, "Versions are data").
 *
 * Steps: (1) every mdast node type, JSX element and attribute, and MDX expression is checked
 * against the list (only comments may stand in braces: JavaScript is tokenised with acorn, never
 * run); (2) mdast-util-to-hast turns the tree into hast, expanding the content components
 * (`<Notice>`, `<Definition>`, `<Address>`) into their markup; (3) raw HTML of `.md` versions is
 * parsed by parse5 (hast-util-raw) into the same tree; (4) every element, attribute and URL is
 * checked against the schema of src/lib/security/content-schema.ts; (5) hast-util-sanitize applies
 * the same schema, and if it would change anything the list did not report, that is refused too.
 */
import { tokenizer } from 'acorn';
import type { Element, ElementContent, Nodes as HastNodes, Properties, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Heading, Nodes, Root } from 'mdast';
import { toHast, type Handler } from 'mdast-util-to-hast';
import { parseFragment } from 'parse5';
import { VFile } from 'vfile';
import { headingAnchors } from './anchors.ts';
import { findContentComponent, listContentComponents } from './content-components.ts';
import { kebabAnchor } from './schemas.ts';
import { forbiddenElements, markdownAlternatives } from '../security/element-advice.ts';
import { checkUrl, contentSchema } from '../security/content-schema.ts';
import type { SourceFormat } from './version-source.ts';

/** One thing in a version that the allow-list refuses. */
export interface ContentProblem {
  /** 1-based line and column in the file. */
  line: number;
  column: number;
  /** Rule id, `safe-mdx-*` (content/README.md, "What a version may contain"). */
  ruleId: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** A link or image of the text, as the page prints it (for the internal-links rule and the diffs). */
export interface ContentLink {
  /** The URL, decoded as a browser reads it from the attribute. */
  url: string;
  /** `a` for a link, `img` for an image. */
  element: 'a' | 'img';
  line: number;
  column: number;
}

/** What the allow-list made of a version. */
export interface VersionContent {
  /** The sanitised hast of the text, positions kept (empty when `problems` is not). */
  hast: HastRoot;
  /** Everything refused, in document order; empty for a version that may be published. */
  problems: ContentProblem[];
  /** Every `a href` and `img src` of the text, Markdown and raw HTML alike. */
  links: ContentLink[];
}

/** Deeper nesting than this is refused: no legal text needs it, and every later step recurses. */
export const MAX_DEPTH = 64;

const MDAST_TYPES = new Set([
  'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'blockquote', 'list', 'listItem',
  'thematicBreak', 'break', 'link', 'linkReference', 'image', 'imageReference', 'definition', 'table', 'tableRow', 'tableCell',
  'footnoteDefinition', 'footnoteReference',
]);
const MD_ONLY = new Set(['html']);
const MDX_ONLY = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const cache = new WeakMap<Root, VersionContent>();

/**
 * Check a parsed version against the allow-list and build its hast.
 *
 * @param tree The version's mdast (src/lib/content/version-source.ts `parseVersionSource`); not changed.
 * @param text The whole file text the tree was parsed from (positions of raw HTML are read against it).
 * @param format `md` or `mdx`: raw HTML is allowed in `.md` only, JSX components in `.mdx` only.
 * @returns The sanitised hast, the problems and the links. Never throws on content; the result is
 *   cached per tree, so the check's rules and the loader share one reading.
 */
export function versionContent(tree: Root, text: string, format: SourceFormat): VersionContent {
  const cached = cache.get(tree);
  if (cached) return cached;
  const problems: ContentProblem[] = [];
  const report = (node: { position?: { start: { line: number; column: number } } } | undefined, ruleId: string, message: string) =>
    problems.push({ line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1, ruleId, message });
  checkMdast(tree, text, format, report);
  let result: VersionContent;
  // Refused before hast is built: the Markdown links are still listed, so the editor hears of every dead link at once.
  if (problems.length > 0) result = { hast: { type: 'root', children: [] }, problems, links: markdownLinks(tree) };
  else {
    const hast = toHastTree(tree, text);
    const links: ContentLink[] = [];
    // Raw HTML can nest without limit (parse5 opens every unclosed tag): refused before any step that recurses.
    if (!hast) report(firstRawHtml(tree), 'safe-mdx-nesting', `The HTML here is nested thousands of elements deep (tags opened inside each other and never closed). Close each tag, or write the text in plain Markdown.`);
    else if (checkHastDepth(hast, report)) checkHast(hast, text, report, links);
    const clean = problems.length === 0 && hast ? (sanitize(hast, contentSchema) as HastRoot) : undefined;
    if (clean && hast && toHtml(clean) !== toHtml(hast)) {
      report(undefined, 'safe-mdx-unsafe', 'The sanitiser would change this text in a way the allow-list does not explain, so it is refused. Simplify the HTML of this version (use Markdown) and report this to the site\'s developers.');
    }
    result = problems.length > 0 || !hast ? { hast: { type: 'root', children: [] }, problems, links } : { hast, problems, links };
  }
  result.problems.sort((a, b) => a.line - b.line);
  cache.set(tree, result);
  return result;
}

type Report = (node: { position?: { start: { line: number; column: number } } } | undefined, ruleId: string, message: string) => void;

/** Step 1: the mdast allow-list, iteratively (depth-limited, so a 10,000-deep file cannot overflow the stack). */
function checkMdast(tree: Root, text: string, format: SourceFormat, report: Report): void {
  const components = listContentComponents();
  const stack: { node: Nodes; depth: number; index: number }[] = [{ node: tree, depth: 0, index: 0 }];
  while (stack.length > 0) {
    const { node, depth, index } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      report(node, 'safe-mdx-nesting', `The text is nested more than ${MAX_DEPTH} levels deep here (lists, quotes or components inside each other). Flatten it.`);
      continue;
    }
    const type = node.type as string;
    if (type === 'yaml' && depth === 1 && index === 0) continue; // the frontmatter, read by src/lib/content/frontmatter.ts
    if (type === 'mdxjsEsm') {
      report(node, 'safe-mdx-esm', `\`import\` and \`export\` are not allowed in content: a version cannot load code. The components ${components} are available without importing: delete this line.`);
      continue;
    }
    if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
      const value = (node as unknown as { value: string }).value;
      if (!isOnlyComments(value)) report(node, 'safe-mdx-expression', `\`{${short(value)}}\` is a JavaScript expression, which content may not contain. Write the text itself; to show a brace write \\{ or \\}. Comments {/* like this */} are fine.`);
      continue;
    }
    const allowed = MDAST_TYPES.has(type) || (format === 'md' ? MD_ONLY : MDX_ONLY).has(type);
    if (!allowed) {
      const what = type === 'toml' || type === 'yaml' ? 'Frontmatter must be YAML between `---` lines at the very top of the file' : `\`${type}\` is not something a version may contain`;
      report(node, 'safe-mdx-node', `${what}. Remove it, or write it as plain Markdown.`);
      continue;
    }
    if (type === 'heading') checkHeadingAttributes(node as Heading, text, report);
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      if (!checkJsxElement(node as unknown as JsxElement, report, components)) continue;
    }
    const children = (node as { children?: Nodes[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, index: i });
  }
}

/** `## Title {#id}` is the only attribute a heading takes (Sätteri's headingAttributes puts it in `hProperties`). */
function checkHeadingAttributes(node: Heading, text: string, report: Report): void {
  const properties = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties ?? {};
  const names = Object.keys(properties);
  // `{#two words}`: read as the id `two` and a bare attribute `words`; the editor meant one id.
  if (typeof properties.id === 'string' && names.length > 1 && names.every((name) => name === 'id' || properties[name] === '')) {
    const meant = kebabAnchor([properties.id, ...names.filter((name) => name !== 'id')].join(' '));
    const line = text.split('\n')[(node.position?.start.line ?? 1) - 1] ?? '';
    const brace = line.lastIndexOf('{');
    if (meant) {
      report({ position: { start: { line: node.position?.start.line ?? 1, column: brace + 1 } } }, 'anchor-syntax', `The anchor \`${line.slice(brace).trim()}\` is not written as anchors are: \`{#id}\` at the end of the heading, the id in lower-case words joined by hyphens, no spaces inside the braces. Write {#${meant}}.`);
      return;
    }
  }
  for (const [name, value] of Object.entries(properties)) {
    if (name !== 'id') report(node, 'safe-mdx-heading-attribute', `A heading takes only its anchor, \`{#id}\`; \`${name}\` is not allowed. Remove it from the braces.`);
    else if (typeof value !== 'string' || !ID.test(value)) report(node, 'safe-mdx-heading-attribute', `The anchor \`{#${short(String(value))}}\` is not an id: use lower-case words joined by hyphens, e.g. {#your-rights}.`);
  }
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { value: string };
  position?: { start: { line: number; column: number } };
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
}

/** A JSX element must be a content component with literal attributes it takes. @returns whether to look inside. */
function checkJsxElement(node: JsxElement, report: Report, components: string): boolean {
  const name = node.name;
  if (!name) {
    report(node, 'safe-mdx-component', `A fragment \`<>\` is not allowed in content. Remove it and keep the text, or use one of ${components}.`);
    return false;
  }
  const component = findContentComponent(name);
  if (!component) {
    const lower = name.toLowerCase();
    if (forbiddenElements[lower]) report(node, 'safe-mdx-element', `\`<${name}>\` is not allowed in legal text: it ${forbiddenElements[lower]}. Remove it.`);
    else if (/^[a-z]/.test(name)) report(node, 'safe-mdx-component', `The HTML element \`<${name}>\` is not allowed in content. Use ${markdownAlternatives[lower] ?? `plain Markdown (or ${components})`}.`);
    else report(node, 'safe-mdx-component', `\`<${name}>\` is not an available component. Use one of ${components}, or plain Markdown (see content/README.md).`);
    return false;
  }
  let ok = true;
  for (const attribute of node.attributes) {
    const at = attribute.position ? attribute : node;
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      report(at, 'safe-mdx-expression', `\`{${short(String((attribute.value as { value?: string } | undefined)?.value ?? attribute.value))}}\` in \`<${name}>\` is a JavaScript expression, which content may not contain. Write each attribute as name="text".`);
      ok = false;
    } else if (/^on/i.test(attribute.name)) {
      report(at, 'safe-mdx-event-handler', `The event-handler attribute \`${attribute.name}\` on \`<${name}>\` would run code. Remove it.`);
      ok = false;
    } else if (typeof attribute.value !== 'string') {
      const shown = attribute.value && typeof attribute.value === 'object' ? `${attribute.name}={${short(attribute.value.value)}}` : attribute.name;
      report(at, attribute.value ? 'safe-mdx-expression' : 'safe-mdx-attribute', `\`${shown}\` on \`<${name}>\` must be written as text in quotes: ${attribute.name}="...".`);
      ok = false;
    } else if (!component.attributes.some((a) => a.name === attribute.name)) {
      const takes = component.attributes.map((a) => a.name).join(', ');
      report(at, 'safe-mdx-attribute', `\`<${component.name}>\` does not take \`${attribute.name}\`. ${takes ? `It takes: ${takes}.` : 'It takes no attributes.'} Remove it or fix the spelling.`);
      ok = false;
    }
  }
  for (const required of component.attributes.filter((a) => a.required)) {
    if (!node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === required.name)) {
      report(node, 'safe-mdx-attribute', `\`<${component.name}>\` needs \`${required.name}="..."\`: ${required.description}`);
      ok = false;
    }
  }
  return ok;
}

/** The content component a raw HTML tag names (HTML lower-cases tag names: `<notice>` is `<Notice>`). */
function contentComponentNamed(tagName: string): string | undefined {
  return ['Notice', 'Definition', 'Address'].find((name) => name.toLowerCase() === tagName && findContentComponent(name));
}

/** Whether an MDX expression holds nothing but comments (read by acorn's tokenizer: no token at all). */
function isOnlyComments(value: string): boolean {
  try {
    for (const _token of tokenizer(value, { ecmaVersion: 'latest' })) return false;
    return true;
  } catch {
    return false;
  }
}

/** Deeper hast than this is refused: the mdast limit, with room for the markup of components and table cells. */
export const MAX_HAST_DEPTH = 2 * MAX_DEPTH;

/**
 * The hast depth limit, iteratively (raw HTML of `.md` can nest where the mdast does not).
 * @returns whether the tree is within it; else the first element too deep is reported.
 */
function checkHastDepth(tree: HastRoot, report: Report): boolean {
  const stack: { node: HastNodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_HAST_DEPTH) {
      report(node, 'safe-mdx-nesting', `The HTML here is nested more than ${MAX_HAST_DEPTH} elements deep (tags opened inside each other and never closed). Close each tag, or write the text in plain Markdown.`);
      return false;
    }
    if (node.type === 'root' || node.type === 'element') for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

/** The first raw HTML node of the mdast (where a refusal of the HTML as a whole is placed). */
function firstRawHtml(tree: Root): Nodes | undefined {
  let found: Nodes | undefined;
  const stack: Nodes[] = [tree];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node.type === 'html') found = node;
    const children = (node as { children?: Nodes[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

/**
 * Steps 2 and 3: mdast to hast, components expanded, raw HTML parsed by parse5 in place.
 * @returns The hast, or `undefined` when raw HTML nests so deep that turning parse5's tree into hast
 *   overflows the stack (hast-util-from-parse5 recurses): fails closed, reported by the caller.
 */
function toHastTree(tree: Root, text: string): HastRoot | undefined {
  const anchors = headingAnchors(tree);
  const headings: Heading[] = [];
  walkHeadings(tree, headings);
  const ids = new Map(headings.map((heading, index) => [heading, anchors[index]?.id]));
  const jsx: Handler = (state, node: JsxElement & { children: Nodes[] }) => {
    const attributes = Object.fromEntries(node.attributes.map((a) => [a.name!, a.value as string]));
    const children = state.all(node as never) as ElementContent[];
    const element = expandComponent(node.name!, attributes, children);
    state.patch(node as never, element);
    return element;
  };
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
      yaml: () => undefined,
      heading(state, node: Heading) {
        const element: Element = { type: 'element', tagName: `h${node.depth}`, properties: { id: ids.get(node) }, children: state.all(node) as ElementContent[] };
        state.patch(node, element);
        return element;
      },
    },
  }) as HastRoot;
  // parse5 is needed only where there is raw HTML (`.md` versions); a tree without it is already hast.
  if (!hasRaw(hast)) return hast;
  try {
    return raw(hast, { file: new VFile({ value: text }) }) as HastRoot;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function hasRaw(tree: HastRoot): boolean {
  const stack: HastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'raw') return true;
    if (node.type === 'root' || node.type === 'element') stack.push(...node.children);
  }
  return false;
}

/** Links and images of the Markdown (not raw HTML), from the mdast. */
function markdownLinks(tree: Root): ContentLink[] {
  const links: ContentLink[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !checkUrl(node.url, node.type === 'image')) {
      links.push({ url: node.url, element: node.type === 'image' ? 'img' : 'a', line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
    const children = (node as { children?: Nodes[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return links;
}

function walkHeadings(node: Nodes, into: Heading[]): void {
  if (node.type === 'heading') into.push(node);
  for (const child of (node as { children?: Nodes[] }).children ?? []) walkHeadings(child, into);
}

/**
 * The markup of a content component (src/components/content/*.astro documented it before versions
 * became data; src/styles keeps its classes).
 */
function expandComponent(name: string, attributes: Record<string, string>, children: ElementContent[]): Element {
  switch (name) {
    case 'Notice':
      return h('div', { className: ['content-notice'], role: 'note' }, [
        ...(attributes.title ? [h('p', { className: ['content-notice__title'] }, [h('strong', attributes.title)])] : []),
        ...children,
      ]);
    case 'Definition':
      return h('dl', { className: ['content-definition'] }, [h('dt', [h('dfn', attributes.term ?? '')]), h('dd', children)]);
    case 'Address':
      return h('address', { className: ['content-address'] }, children);
    default:
      throw new Error(`No markup for the content component <${name}> (src/lib/content/content-components.ts lists it, version-content.ts must expand it)`);
  }
}

/** Step 4: every element, attribute and URL against the schema; comments are dropped (never published). */
function checkHast(tree: HastRoot, text: string, report: Report, links: ContentLink[]): void {
  const tagNames = new Set(contentSchema.tagNames);
  const stack: HastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'root' || node.type === 'element') {
      node.children = node.children.filter((child) => child.type !== 'comment') as typeof node.children;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    if (node.type === 'doctype') report(node, 'safe-mdx-element', 'A `<!DOCTYPE>` is not allowed in a version. Remove it.');
    if (node.type !== 'element') continue;
    const name = node.tagName;
    if (!tagNames.has(name)) {
      const reason = forbiddenElements[name];
      const component = contentComponentNamed(name);
      if (component) report(node, 'safe-mdx-element', `\`<${component}>\` is a component, and components work only in .mdx versions. Rename this file to .mdx, or write the text in plain Markdown.`);
      else report(node, 'safe-mdx-element', reason ? `\`<${name}>\` is not allowed in legal text: it ${reason}. Remove it.`
        : `The HTML element \`<${name}>\` is not allowed in content. Use ${markdownAlternatives[name] ?? 'plain Markdown'}.`);
      continue;
    }
    checkProperties(node, text, report, links);
  }
}

function checkProperties(node: Element, text: string, report: Report, links: ContentLink[]): void {
  const at = (property: string) => attributePlace(node, attributeName(property), text);
  const definitions = [...(contentSchema.attributes?.[node.tagName] ?? []), ...(contentSchema.attributes?.['*'] ?? [])];
  for (const [property, value] of Object.entries(node.properties as Properties)) {
    if (value === undefined || value === null) continue;
    const definition = definitions.find((d) => (typeof d === 'string' ? d : d[0]) === property);
    if (!definition) {
      const attribute = attributeName(property);
      if (/^on/i.test(attribute)) report(at(property), 'safe-mdx-event-handler', `The event-handler attribute \`${attribute}\` on \`<${node.tagName}>\` would run code. Remove it.`);
      else report(node, 'safe-mdx-attribute', `The attribute \`${attribute}\` on \`<${node.tagName}>\` is not allowed${node.tagName.match(/^h[1-6]$/) ? ' (a heading takes only its anchor, {#id})' : ''}. Remove it.`);
      continue;
    }
    if (typeof definition !== 'string') {
      const allowed = definition.slice(1);
      const values = Array.isArray(value) ? value : [value];
      const bad = values.find((v) => !allowed.some((a) => (a instanceof RegExp ? a.test(String(v)) : a === v)));
      if (bad !== undefined) report(at(property), 'safe-mdx-attribute', `\`${attributeName(property)}="${short(String(bad))}"\` is not allowed on \`<${node.tagName}>\`. Remove it.`);
    }
    if ((property === 'id' || property === 'name') && !ID.test(String(value))) report(at(property), 'safe-mdx-attribute', `\`${property}="${short(String(value))}"\` is not an id: use lower-case words joined by hyphens.`);
    if (property === 'href' || property === 'src') {
      const url = String(value);
      const media = property === 'src';
      const place = at(property);
      const problem = checkUrl(url, media);
      // Only URLs the page may print are links for the other rules (a refused `java\tscript:` is no relative link).
      if (!problem) links.push({ url, element: media ? 'img' : 'a', line: place.position.start.line, column: place.position.start.column });
      if (problem?.kind === 'scheme') report(place, 'safe-mdx-url', `${media ? 'The image' : 'The link'} \`${short(url)}\` uses a \`${problem.scheme}:\` URL, which is not allowed. ${media ? 'Put the file under public/images/ and write ![description](/images/file.png).' : 'Link to an https:, mailto: or tel: address, or a site path such as /privacy-statement/.'}`);
      else if (problem?.kind === 'external-media') report(place, 'safe-mdx-external-media', `The image \`${short(url)}\` is loaded from another host (${problem.host}). Put the file under public/images/ and write ![description](/images/file.png).`);
    }
  }
}

/** The place of each attribute of a start tag, read once per element (see attributePlace). */
const attributePlaces = new WeakMap<Element, Map<string, { line: number; column: number }>>();

/**
 * Where an attribute is written, for messages: raw HTML elements are placed at their start tag by
 * hast-util-raw; the attribute's own place is read from parse5's source locations of that tag.
 * Placement only: what is allowed was decided on the tree. The tag is parsed once per element and
 * its lines counted in one sweep: parsing it again for each attribute made thousands of refused
 * attributes on one tag take minutes.
 */
function attributePlace(node: Element, attribute: string, text: string): { position: { start: { line: number; column: number } } } {
  const start = node.position?.start;
  const fallback = { position: { start: { line: start?.line ?? 1, column: start?.column ?? 1 } } };
  if (!start || start.offset === undefined) return fallback;
  let places = attributePlaces.get(node);
  if (!places) {
    places = new Map();
    attributePlaces.set(node, places);
    const tagEnd = text.indexOf('>', start.offset);
    if (tagEnd !== -1 && text[start.offset] === '<') {
      const tag = text.slice(start.offset, tagEnd + 1);
      const fragment = parseFragment(tag, { sourceCodeLocationInfo: true });
      const element = fragment.childNodes.find((child) => 'tagName' in child) as { sourceCodeLocation?: { attrs?: Record<string, { startOffset: number }> } } | undefined;
      const offsets = Object.entries(element?.sourceCodeLocation?.attrs ?? {}).map(([name, place]) => [name, place.startOffset] as const).sort((a, b) => a[1] - b[1]);
      let line = start.line;
      let lineStart = -1; // offset in the tag of the last newline before the attribute (-1: the tag's own line)
      let scanned = 0;
      for (const [name, offset] of offsets) {
        for (; scanned < offset; scanned++) if (tag.charCodeAt(scanned) === 10) { line++; lineStart = scanned; }
        places.set(name, { line, column: lineStart === -1 ? start.column + offset : offset - lineStart });
      }
    }
  }
  const place = places.get(attribute);
  return place ? { position: { start: place } } : fallback;
}

/** The HTML attribute name of a hast property (`onClick` → `onclick`, `httpEquiv` → `http-equiv`, `dataX` → `data-x`). */
function attributeName(property: string): string {
  if (property.startsWith('data') && property.length > 4) return `data-${property.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (/^on[A-Z]/.test(property)) return property.toLowerCase();
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function short(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
