/**
 * Parse a version's source (`.mdx` or `.md`) into mdast for analysis: anchors, checks and diffs.
 *
 * The site renders versions with Astro's default Markdown processor, whose `headingAttributes`
 * feature reads `## Heading {#anchor}`. MDX parsers read `{#anchor}` as a JavaScript expression,
 * so before parsing, each heading's trailing `{#anchor}` is blanked out (same length, so every line
 * and column stays true) and recorded on the heading node as `data.anchor`.
 */
import type { Heading, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Syntax of a version file, from its extension. */
export type SourceFormat = 'mdx' | 'md';

/** An explicit heading anchor found in a source line. */
export interface AnchorAttribute {
  /** The id, e.g. `information-we-collect`. */
  id: string;
  /** 1-based line of the heading. */
  line: number;
}

declare module 'mdast' {
  interface HeadingData {
    /** Explicit anchor from a `{#id}` attribute, when the heading has one. */
    anchor?: string;
  }
}

/** `## Heading text {#anchor}`: an ATX heading ending in an id attribute (other attributes are not supported). */
const HEADING_ATTRIBUTE = /^(\s{0,3}#{1,6}[ \t]+.*?)[ \t]+\{#([^\s{}]+)\}[ \t]*#*[ \t]*\r?$/; // `\r?`: files saved with CRLF (Windows) line endings

/**
 * Blank out `{#anchor}` heading attributes, keeping every character's line and column.
 *
 * @param text Whole file text.
 * @returns The text with each attribute replaced by spaces, and the anchors found with their lines.
 */
export function stripHeadingAttributes(text: string): { text: string; anchors: AnchorAttribute[] } {
  const anchors: AnchorAttribute[] = [];
  const lines = text.split('\n').map((line, index) => {
    const match = HEADING_ATTRIBUTE.exec(line);
    if (!match) return line;
    anchors.push({ id: match[2]!, line: index + 1 });
    return match[1]! + ' '.repeat(line.length - match[1]!.length);
  });
  return { text: lines.join('\n'), anchors };
}

/**
 * Parse a version source into mdast with frontmatter, GFM and (for `.mdx`) MDX syntax.
 *
 * @param text Whole file text, frontmatter included.
 * @param format `mdx` or `md`.
 * @returns The tree; each heading with a `{#id}` attribute carries it as `data.anchor`.
 * @throws VFileMessage (from micromark) with `line`, `column` and `reason` on an MDX syntax error.
 */
export function parseVersionSource(text: string, format: SourceFormat): Root {
  const stripped = stripHeadingAttributes(text);
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const tree = (format === 'mdx' ? processor.use(remarkMdx) : processor).parse(stripped.text) as Root;
  const byLine = new Map(stripped.anchors.map((anchor) => [anchor.line, anchor.id]));
  visit(tree, 'heading', (node: Heading) => {
    const anchor = node.position && byLine.get(node.position.start.line);
    if (anchor) node.data = { ...node.data, anchor };
  });
  return tree;
}

/**
 * The format of a version file, from its name.
 *
 * @param path File path or name ending in `.mdx` or `.md`.
 * @returns The format, or `undefined` for any other extension.
 */
export function sourceFormatOf(path: string): SourceFormat | undefined {
  if (path.endsWith('.mdx')) return 'mdx';
  if (path.endsWith('.md')) return 'md';
  return undefined;
}
