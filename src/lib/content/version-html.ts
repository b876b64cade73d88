/**
 * The HTML a version's page prints: the sanitised hast of src/lib/content/version-content.ts with
 * the site's own heading markup (a self-link, empty targets for former anchors) and site links
 * under the base. One path for `.md` and `.mdx` versions alike.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { rebaseSiteUrl } from './base-links.ts';
import type { HeadingAnchor } from './anchors.ts';

/** A heading as the table of contents lists it (the shape of Astro's `MarkdownHeading`). */
export interface RenderedHeading {
  depth: number;
  /** The anchor, e.g. `your-rights`. */
  slug: string;
  text: string;
}

/** What a page needs to print a version's text. */
export interface RenderedVersion {
  /** The text as HTML, ready to print (sanitised; every id, class and URL is the site's). */
  html: string;
  headings: RenderedHeading[];
}

/** How to render: the site's base and the version's former anchors. */
export interface RenderOptions {
  /** Base path, `/` or `/legal/`: site links of the text are rebased under it. */
  base: string;
  /** Current anchor -> former anchors that must still land on it (src/lib/content/anchors.ts formerAnchorsBySection). */
  formerBySection: Record<string, string[]>;
}

/**
 * Render a version's sanitised hast to the HTML its page prints.
 *
 * @param hast `VersionContent.hast` of a version with no problems (not changed: the tree is copied).
 * @param anchors The version's headings (src/lib/content/anchors.ts `headingAnchors` of the same tree).
 * @param options Base and former anchors.
 * @returns The HTML and the headings (depth, slug, text) in document order.
 */
export function renderVersionHtml(hast: Root, anchors: readonly HeadingAnchor[], options: RenderOptions): RenderedVersion {
  const tree = structuredClone(hast);
  const ids = new Set(anchors.map((anchor) => anchor.id));
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'root' && node.type !== 'element') continue;
    if (node.type === 'element') decorate(node, ids, options);
    for (const child of node.children) stack.push(child);
  }
  return { html: toHtml(tree), headings: anchors.map((anchor) => ({ depth: anchor.depth, slug: anchor.id, text: anchor.text })) };
}

function decorate(node: Element, ids: ReadonlySet<string>, options: RenderOptions): void {
  for (const key of ['href', 'src'] as const) {
    const value = node.properties[key];
    if (typeof value === 'string') node.properties[key] = rebaseSiteUrl(value, options.base);
  }
  const id = node.properties.id;
  if (!/^h[2-6]$/.test(node.tagName) || typeof id !== 'string' || !ids.has(id)) return;
  node.properties.className = ['section-heading'];
  const former: ElementContent[] = (options.formerBySection[id] ?? []).map((old) => ({
    type: 'element', tagName: 'span', properties: { id: old, className: ['former-anchor'], dataFormerAnchor: '' }, children: [],
  }));
  const selfLink: Element = {
    type: 'element', tagName: 'a', properties: { className: ['anchor-link'], href: `#${id}`, dataPagefindIgnore: 'all' },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: 'Link to this section' }] },
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    ],
  };
  node.children = [...former, ...node.children, selfLink];
}
