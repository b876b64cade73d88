/**
 * Raw HTML of a Markdown source rewritten for an `.mdx` version, where the check allows no HTML:
 * comments become MDX comments (`{/* … *\/}`), `<br>` a Markdown hard break (the `break` node of
 * the allow-list, written `\` + newline), and any other HTML is parsed (hast-util-raw, i.e. parse5)
 * and turned into the Markdown it stands for by hast-util-to-mdast (`<b>` → `**`, `<table>` → a
 * GFM table, `<sup>` and `<details>` → their text). Source: MDX's differences from Markdown,
 * https://mdxjs.com/docs/what-is-mdx/#markdown; hast-util-to-mdast's documented handlers.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import type { Heading, Html, Nodes, Parent, Root, RootContent } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { parseFragment } from 'parse5';

/** Parents whose children are phrasing content (text, emphasis, links …). */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Replace every `html` node of a tree by Markdown or MDX comments, in place.
 *
 * @param tree mdast of a Markdown source; headings keep their anchors (`data.anchor`) through the conversion.
 * @param warn Called with a message for HTML that was reduced to its text (`line N: …`), once per parent.
 */
export function htmlToMdx(tree: Root, warn: (message: string) => void): void {
  convertParent(tree, warn);
}

function convertParent(parent: Parent, warn: (message: string) => void): void {
  const flow = !PHRASING_PARENTS.has(parent.type);
  const complex = (parent.children as RootContent[]).filter((child): child is Html => child.type === 'html' && !isSimple(child));
  if (complex.length > 0) {
    const line = complex[0]!.position?.start.line;
    const tags = new Set(complex.flatMap((child) => tagNames(child.value)));
    // Inline HTML opens and closes across siblings (`<sup>`, text, `</sup>`): the whole parent makes the trip.
    // A block of HTML makes it alone, so Markdown between two blocks (`<details>` … `</details>`) stays Markdown.
    if (!flow) parent.children = viaHtml(parent.type, parent.children as RootContent[]) as typeof parent.children;
    else parent.children = (parent.children as RootContent[]).flatMap((child) => (complex.includes(child as Html) ? viaHtml(parent.type, [child]) : [child])) as typeof parent.children;
    if (tags.size > 0) warn(`${line ? `line ${line}: ` : ''}rewrote the HTML ${[...tags].map((tag) => `<${tag}>`).join(', ')} as Markdown (an .mdx version may not contain HTML); check how it reads.`);
  }
  parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
    if (child.type !== 'html') return [child];
    const comment = commentsOf(child.value);
    if (comment !== undefined) return comment === '' ? [] : [expression(comment, flow)];
    if (isBreak(child.value)) return flow ? [] : [{ type: 'break' }];
    return [];
  }) as typeof parent.children;
  for (const child of parent.children) if ('children' in child) convertParent(child as Parent, warn);
}

/** The children of a parent after a trip through HTML: mdast → hast (raw HTML parsed in place) → mdast. */
function viaHtml(parentType: string, children: RootContent[]): RootContent[] {
  const phrasing = PHRASING_PARENTS.has(parentType);
  const root: Root = { type: 'root', children: (phrasing ? [{ type: 'paragraph', children }] : children) as RootContent[] };
  for (const node of root.children) keepAnchors(node as Nodes);
  const hast = raw(toHast(root, { allowDangerousHtml: true }) as HastRoot) as HastRoot;
  const handlers: Record<string, Handle> = {};
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) {
    handlers[tag] = (state, node: Element, parent) => {
      const heading = (defaultHandlers as Record<string, Handle>)[tag]!(state, node, parent) as Heading;
      if (typeof node.properties.id === 'string') heading.data = { ...heading.data, anchor: node.properties.id };
      return heading;
    };
  }
  const result = toMdast(hast as HastNodes, { handlers }) as Root;
  // A block of HTML that only opens or closes a wrapper (`<TABLE><TR><TD>` around Markdown) leaves an empty shell: dropped.
  if (!phrasing) return paragraphs(result.children).filter((block) => toString(block).trim() !== '' || hasMedia(block));
  // Phrasing content only: the blocks HTML may have opened (`<p>`, `<div>`) are joined by hard breaks.
  return result.children.flatMap((block, index) => {
    const inline = 'children' in block && block.type !== 'list' && block.type !== 'table' ? (block.children as RootContent[]) : [];
    return index === 0 ? inline : [{ type: 'break' } as RootContent, ...inline];
  });
}

/** Phrasing node types (mdast), which a flow parent holds only inside a paragraph. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'html', 'footnoteReference', 'mdxTextExpression', 'mdxJsxTextElement']);

/** Wrap each run of phrasing nodes among blocks (HTML that was only inline, `<sup>x</sup> text`) in a paragraph. */
function paragraphs(nodes: RootContent[]): RootContent[] {
  const blocks: RootContent[] = [];
  for (const node of nodes) {
    const last = blocks.at(-1);
    if (!PHRASING.has(node.type)) blocks.push(node);
    else if (last?.type === 'paragraph' && (last.data as { wrapped?: boolean } | undefined)?.wrapped) last.children.push(node as never);
    else blocks.push({ type: 'paragraph', children: [node as never], data: { wrapped: true } as never });
  }
  for (const block of blocks) if (block.type === 'paragraph' && (block.data as { wrapped?: boolean } | undefined)?.wrapped) delete block.data;
  return blocks;
}

/** Whether a block holds an image (which has no text but is content). */
function hasMedia(node: Nodes): boolean {
  return node.type === 'image' || ('children' in node && (node.children as Nodes[]).some(hasMedia));
}

/** Give each heading's anchor to mdast-util-to-hast as its `id`, so that it survives the trip. */
function keepAnchors(node: Nodes): void {
  if (node.type === 'heading' && node.data?.anchor) node.data = { ...node.data, hProperties: { ...(node.data.hProperties ?? {}), id: node.data.anchor } };
  if ('children' in node) for (const child of node.children) keepAnchors(child as Nodes);
}

/** Whether an `html` node is only comments or a `<br>`, which map directly. */
function isSimple(node: Html): boolean {
  return commentsOf(node.value) !== undefined || isBreak(node.value);
}

/**
 * The text of the comments a piece of HTML consists of.
 *
 * @returns The comments' texts joined (`''` for empty comments), or `undefined` when there is anything else.
 */
function commentsOf(value: string): string | undefined {
  const nodes = parseFragment(value).childNodes;
  if (nodes.length === 0 || !nodes.every((node) => node.nodeName === '#comment' || (node.nodeName === '#text' && (node as { value: string }).value.trim() === ''))) return undefined;
  return nodes.filter((node) => node.nodeName === '#comment').map((node) => (node as { data: string }).data.trim()).filter(Boolean).join(' ');
}

/** Whether a piece of HTML is one `<br>` (any case, attributes ignored). */
function isBreak(value: string): boolean {
  const nodes = parseFragment(value).childNodes.filter((node) => !(node.nodeName === '#text' && (node as { value: string }).value.trim() === ''));
  return nodes.length === 1 && nodes[0]!.nodeName === 'br';
}

/** An MDX comment: `{/* text *\/}`, with any `*\/` in the text broken so that the comment cannot end early. */
function expression(text: string, flow: boolean): MdxFlowExpression | MdxTextExpression {
  const value = `/* ${text.replace(/\*\//g, '* /')} */`;
  return flow ? { type: 'mdxFlowExpression', value } : { type: 'mdxTextExpression', value };
}

/** The element names a piece of HTML opens, lower case, for messages. */
function tagNames(value: string): string[] {
  const names: string[] = [];
  const stack = [...parseFragment(value).childNodes];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if ('tagName' in node) {
      names.push(node.tagName);
      stack.push(...node.childNodes);
    }
  }
  return names;
}
