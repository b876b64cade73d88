/**
 * Inline content of a Markdown block as runs of text with their link target and emphasis marks:
 * what a diff compares. Markdown syntax (emphasis markers, escapes, reference-style links) is gone;
 * link targets stay, so a changed target is a real change.
 */
import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, PhrasingContent } from 'mdast';
import type { Mark, Run } from './types.ts';

/** Attributes of content components whose value is text a reader sees (src/lib/content/content-components.ts). */
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
  // Raw HTML in running text comes tag by tag: `<a href="x">` opens a link for the nodes that follow, up to `</a>`.
  let htmlHref: string | undefined;
  const walk = (node: Nodes, href: string | undefined, marks: Mark[]): void => {
    switch (node.type) {
      case 'text':
        return push(node.value, href ?? htmlHref, marks);
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
      case 'html': {
        const html = readHtml(node.value);
        for (const run of html.runs) push(run.text, run.href ?? href ?? htmlHref, marks);
        if (html.opens !== undefined) htmlHref = html.opens;
        if (html.closes) htmlHref = undefined;
        return;
      }
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
 * The visible text of an HTML fragment, read by parse5 (hast-util-from-html): comments and tags
 * removed, every character reference decoded, `<br>` and block boundaries as spaces.
 *
 * @param html Raw HTML as written in Markdown (`<b>Summary</b><BR>`).
 * @returns The text (`Summary `).
 */
export function htmlText(html: string): string {
  return readHtml(html).runs.map((run) => run.text).join('');
}

/** Elements whose boundaries separate words. */
const BLOCK_ELEMENTS = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'section', 'hr', 'summary', 'details']);

/**
 * Runs of an HTML fragment with the link targets of its `<a href>` elements.
 *
 * @returns `runs`; `opens`: the target of an `<a href>` left open at the end (its text follows in
 *   later nodes); `closes`: whether the fragment is only a closing `</a>`.
 */
export function readHtml(html: string): { runs: Run[]; opens?: string; closes: boolean } {
  const runs: Run[] = [];
  let opens: string | undefined;
  const walk = (node: HastNodes, href: string | undefined) => {
    if (node.type === 'text') runs.push(href === undefined ? { text: node.value } : { text: node.value, href });
    if (node.type !== 'root' && node.type !== 'element') return;
    let target = href;
    if (node.type === 'element') {
      if (node.tagName === 'a' && typeof node.properties.href === 'string') target = node.properties.href;
      if (BLOCK_ELEMENTS.has(node.tagName)) runs.push({ text: ' ' });
      if (node.tagName === 'a' && node.children.length === 0 && !/<\/a\s*>/i.test(html) && target !== undefined) opens = target;
    }
    for (const child of node.children) walk(child, target);
    if (node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName) && node.tagName !== 'br') runs.push({ text: ' ' });
  };
  walk(fromHtml(html, { fragment: true }), undefined);
  const result: { runs: Run[]; opens?: string; closes: boolean } = { runs, closes: /^\s*<\/a\s*>\s*$/i.test(html) };
  if (opens !== undefined) result.opens = opens;
  return result;
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[]): boolean {
  const left = a ?? [];
  return left.length === b.length && left.every((mark, i) => mark === b[i]);
}
