/**
 * Inline content of a Markdown block as runs of text with their link target and emphasis marks:
 * what a diff compares. Markdown syntax (emphasis markers, escapes, reference-style links) is gone;
 * link targets stay, so a changed target is a real change.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { Mark, Run } from './types.ts';

/** Attributes of content components whose value is text a reader sees (src/lib/content-components.ts). */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'term']);

/** Link reference definitions of a document: identifier (lower case) to URL. */
export type Definitions = ReadonlyMap<string, string>;

/**
 * Collect the runs of a block's inline content.
 *
 * @param nodes Phrasing content (children of a paragraph, heading or table cell).
 * @param definitions Link reference definitions, to resolve `[text][ref]` to its URL.
 * @returns Runs in reading order; adjacent runs with the same target and marks are merged.
 */
export function inlineRuns(nodes: readonly Nodes[], definitions: Definitions): Run[] {
  const runs: Run[] = [];
  const push = (text: string, href: string | undefined, marks: Mark[]) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last && last.href === href && sameMarks(last.marks, marks)) {
      last.text += text;
      return;
    }
    const run: Run = { text };
    if (href !== undefined) run.href = href;
    if (marks.length > 0) run.marks = [...marks];
    runs.push(run);
  };
  const walk = (node: Nodes, href: string | undefined, marks: Mark[]): void => {
    switch (node.type) {
      case 'text':
        return push(node.value, href, marks);
      case 'inlineCode':
        return push(node.value, href, [...marks, 'code']);
      case 'break':
        return push(' ', href, marks);
      case 'emphasis':
      case 'strong':
      case 'delete':
        return node.children.forEach((child) => walk(child, href, [...marks, node.type as Mark]));
      case 'link':
        return node.children.forEach((child) => walk(child, node.url, marks));
      case 'linkReference': {
        const url = definitions.get(node.identifier.toLowerCase());
        return node.children.forEach((child) => walk(child, url ?? href, marks));
      }
      case 'image':
        return push(node.alt ?? '', node.url, marks);
      case 'imageReference':
        return push(node.alt ?? '', definitions.get(node.identifier.toLowerCase()), marks);
      case 'footnoteReference':
        return push(`[${node.label ?? node.identifier}]`, href, marks);
      case 'html':
        return push(htmlText(node.value), href, marks);
      default:
        // A content component's text attributes (<Definition term>) come first, as "term: ".
        if (node.type === 'mdxJsxTextElement') {
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && TEXT_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') push(`${attribute.value}: `, href, marks);
          }
        }
        if ('children' in node) (node.children as PhrasingContent[]).forEach((child) => walk(child, href, marks));
    }
  };
  nodes.forEach((node) => walk(node, undefined, []));
  return runs;
}

/**
 * The visible text of an HTML fragment: comments and tags removed, a few common entities decoded.
 *
 * @param html Raw HTML as written in Markdown (`<b>Summary</b><BR>`).
 * @returns The text, whitespace as written (`Summary`).
 */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[]): boolean {
  const left = a ?? [];
  return left.length === b.length && left.every((mark, i) => mark === b[i]);
}
