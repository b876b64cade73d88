/**
 * Flatten a version's mdast into blocks (headings, paragraphs, list items, table rows, quotes,
 * code, HTML), each with its section: the heading trail and the anchor of the nearest heading.
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { inlineRuns, readHtml, TEXT_ATTRIBUTES, type Definitions } from './inline.ts';
import { plainText } from './normalise.ts';
import type { Block, BlockType, SectionRef } from './types.ts';
import { walkType } from '../content/mdast-walk.ts';

/** Section of the text before the first heading. */
export const OPENING_SECTION: SectionRef = Object.freeze({ anchor: '', title: '', trail: [] }) as SectionRef;

/**
 * Flatten a parsed version (from `parseVersionSource`) into blocks in reading order.
 *
 * A heading's anchor is its `{#id}` (`heading.data.anchor`) or, without one, its GitHub slug
 * (github-slugger, numbered on repeats), as the rendered page has it. The `title` and `term` of a
 * content component are a block of their own, before its content. Blocks with no text
 * (thematic breaks, HTML comments, MDX comments and imports, frontmatter) are left out.
 *
 * @param tree mdast root.
 * @returns Blocks; each list item, table row and paragraph of a quote is its own block.
 */
export function flattenBlocks(tree: Root): Block[] {
  const definitions = collectDefinitions(tree);
  const slugger = new GithubSlugger();
  const blocks: Block[] = [];
  const trail: { depth: number; title: string }[] = [];
  let section: SectionRef = OPENING_SECTION;

  const add = (type: BlockType, runs: Block['runs'], depth?: number) => {
    if (!runs.some((run) => /\S/.test(run.text))) return; // no text (plainText would be '')
    const block: Block = { type, runs, section };
    if (depth !== undefined) block.depth = depth;
    blocks.push(block);
  };
  const walk = (node: RootContent | Nodes, container: BlockType | undefined): void => {
    switch (node.type) {
      case 'heading': {
        const runs = inlineRuns(node.children, definitions);
        const title = plainText(runs);
        // As src/lib/content/anchors.ts: every heading's text goes through the slugger, pinned or not.
        const slug = slugger.slug(toString(node).trim());
        const anchor = node.data?.anchor ?? slug;
        while (trail.length > 0 && trail.at(-1)!.depth >= node.depth) trail.pop();
        trail.push({ depth: node.depth, title });
        section = { anchor, title, trail: trail.map((t) => t.title) };
        add('heading', runs, node.depth);
        if (node.data?.anchor !== undefined && blocks.at(-1)?.type === 'heading' && blocks.at(-1)!.section === section) blocks.at(-1)!.pinned = true;
        return;
      }
      case 'paragraph':
        return add(container ?? 'paragraph', inlineRuns(node.children, definitions));
      case 'listItem':
        return node.children.forEach((child) => walk(child, container === 'blockquote' ? container : 'list-item'));
      case 'blockquote':
        return node.children.forEach((child) => walk(child, 'blockquote'));
      case 'table':
        for (const row of node.children) {
          const runs = row.children.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...inlineRuns(cell.children, definitions)]);
          add('table-row', runs);
        }
        return;
      case 'code':
        return add('code', [{ text: node.value, marks: ['code'] }]);
      case 'html':
        // Raw HTML blocks are read by parse5, links kept: a changed `<a href>` target is a change.
        return add('html', readHtml(node.value).runs);
      case 'definition':
      case 'thematicBreak':
      case 'yaml':
        return;
      default:
        if (node.type === 'mdxFlowExpression' || node.type === 'mdxjsEsm') return;
        // A content component's text attributes (<Notice title>, <Definition term>) are text too.
        if (node.type === 'mdxJsxFlowElement') {
          // `<Definition term="…">Text.</Definition>` on one line holds text, not paragraphs: it reads
          // as a paragraph made of that one element, as in running text.
          if (node.children.length > 0 && node.children.every(isPhrasing)) {
            return add(container ?? 'paragraph', inlineRuns([{ ...node, type: 'mdxJsxTextElement', children: node.children as PhrasingContent[] }], definitions));
          }
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && TEXT_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') add(container ?? 'paragraph', [{ text: attribute.value }]);
          }
        }
        if ('children' in node) (node.children as RootContent[]).forEach((child) => walk(child, container));
    }
  };
  tree.children.forEach((node) => walk(node, undefined));
  return blocks;
}

/** Block-level mdast types: anything else inside a flow element is running text. */
const FLOW_TYPES = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'table', 'code', 'thematicBreak', 'definition', 'footnoteDefinition', 'mdxJsxFlowElement', 'mdxFlowExpression', 'mdxjsEsm', 'yaml']);

function isPhrasing(node: RootContent): boolean {
  return !FLOW_TYPES.has(node.type);
}

function collectDefinitions(tree: Root): Definitions {
  const definitions = new Map<string, string>();
  walkType(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
  });
  return definitions;
}
