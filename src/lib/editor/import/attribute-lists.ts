/**
 * Attribute lists of other Markdown dialects, which CommonMark (and so this site) reads as literal
 * text: kramdown's inline attribute lists (`{: #id .class key="value" }`, on the line after a block
 * or at the end of a heading) and Pandoc / Markdown Extra's attributes (`{#id .class}`).
 * Sources: kramdown syntax, "Inline Attribute Lists" (https://kramdown.gettalong.org/syntax.html#inline-attribute-lists);
 * Pandoc's manual, "Extension: header_attributes" (https://pandoc.org/MANUAL.html#extension-header_attributes).
 *
 * They are read from the text nodes of the parsed tree (never from the source text), taken out,
 * and handed to the caller, which maps what it can (a heading's `#id` becomes its pinned anchor).
 */
import type { Heading, Nodes, Paragraph, Parent, Root, Text } from 'mdast';

/** What one attribute list says. */
export interface AttributeList {
  /** The list as written, e.g. `{: datetime="2024-02-01" }`. */
  written: string;
  /** `#id`, when given. */
  id?: string;
  /** `.class` names, in order. */
  classes: string[];
  /** `key="value"` pairs (quotes removed). */
  attributes: Record<string, string>;
}

/** A block that carried an attribute list, with the list. */
export interface AttributedBlock {
  /** The heading or paragraph the list applies to (the list is removed from its text). */
  node: Heading | Paragraph;
  list: AttributeList;
}

/**
 * Read one attribute list.
 *
 * @param written Text such as `{: #id .a key="v" }` or `{#id .a}`, braces included.
 * @returns The list, or `undefined` when the text is not one (e.g. `{curly}` prose, `{}`).
 */
export function readAttributeList(written: string): AttributeList | undefined {
  const inner = /^\{:?([^{}]*)\}$/.exec(written.trim())?.[1];
  if (inner === undefined) return undefined;
  const list: AttributeList = { written: written.trim(), classes: [], attributes: {} };
  const token = /\s*(?:#([\w:-]+)|\.([\w-]+)|([A-Za-z_][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/y;
  let at = 0;
  const body = inner.trimEnd();
  let found = false;
  while (at < body.length) {
    token.lastIndex = at;
    const match = token.exec(body);
    if (!match) return undefined;
    found = true;
    at = token.lastIndex;
    if (match[1] !== undefined) list.id = match[1];
    else if (match[2] !== undefined) list.classes.push(match[2]);
    else list.attributes[match[3]!] = match[4] ?? match[5] ?? match[6] ?? '';
  }
  return found ? list : undefined;
}

/**
 * Take every attribute list out of a tree: one ending a heading or a paragraph (`Text {#id}`,
 * `Text {: .note}`) or standing on the line after a paragraph (kramdown's block IAL, which the
 * parser reads as that paragraph's last line, or as a paragraph of its own after a blank line).
 *
 * @param tree mdast of a Markdown source (remark reads attribute lists as text); changed in place.
 * @returns Each block with the list that applied to it, in document order. A list alone in a
 *   paragraph applies to the block before it when that is a paragraph or heading; otherwise it is
 *   returned with the (now empty, removed) paragraph itself as `node`.
 */
export function takeAttributeLists(tree: Root): AttributedBlock[] {
  const found: AttributedBlock[] = [];
  visitParents(tree, (parent) => {
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index] as Nodes;
      if (node.type !== 'heading' && node.type !== 'paragraph') continue;
      const list = takeTrailingList(node);
      if (!list) continue;
      const alone = node.children.length === 0;
      if (alone && node.type === 'paragraph') {
        const before = parent.children[index - 1] as Nodes | undefined;
        found.push({ node: before && (before.type === 'paragraph' || before.type === 'heading') ? before : node, list });
        parent.children.splice(index, 1);
        index--;
      } else found.push({ node, list });
    }
  });
  return found;
}

/** Remove an attribute list that ends a block's text (the last line of a paragraph, or after a heading's text). */
function takeTrailingList(node: Heading | Paragraph): AttributeList | undefined {
  const last = node.children.at(-1);
  if (!last || last.type !== 'text') return undefined;
  const text = (last as Text).value;
  const open = text.lastIndexOf('{');
  if (open < 0 || !text.trimEnd().endsWith('}')) return undefined;
  const before = text.slice(0, open);
  // Only `#id`, `.class` and `key=value` tokens make a list, so prose in braces (`{curly}`) stays text.
  const list = readAttributeList(text.slice(open));
  if (!list) return undefined;
  const rest = before.replace(/[ \t]*\n?[ \t]*$/, '');
  if (rest === '') node.children.pop();
  else (last as Text).value = rest;
  // A line break left dangling before the removed list.
  const tail = node.children.at(-1);
  if (tail?.type === 'break') node.children.pop();
  return list;
}

/** Call `visitor` on the root and every node with children, parents first. */
function visitParents(tree: Root, visitor: (parent: Parent) => void): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    visitor(parent);
    for (const child of parent.children) if ('children' in child) stack.push(child as Parent);
  }
}
