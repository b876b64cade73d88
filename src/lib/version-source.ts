/**
 * Parse a version's source (`.mdx` or `.md`) into mdast for analysis: anchors, checks and diffs.
 *
 * The parser is Sätteri's (`mdxToMdast` / `markdownToMdast`), the Rust Markdown and MDX parser
 * that Astro's default processor renders the site with: the analysis reads each file exactly as
 * the pages do, into the same mdast shapes as remark (unified) produces, about 50 times faster
 * (docs/decisions/0009-one-parser-for-analysis-and-rendering.md). Only when Sätteri refuses a file
 * is remark-parse run as well, for its error messages, which the content check has long
 * translated into an editor's words.
 *
 * The site's processor reads `## Heading {#anchor}` with its `headingAttributes` feature; the
 * analysis blanks each heading's trailing `{#anchor}` out (same length, so every line and column
 * stays true) and records it on the heading node as `data.anchor`, one rule for `.md` and `.mdx`.
 */
import type { Heading, Root } from 'mdast';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { jsxAttributeOffsets, pointsOf } from './jsx-attribute-places.ts';
import { walk, walkType } from './mdast-walk.ts';

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

/** Sätteri's features as the site renders with them (astro.config.mjs), less the anchors read above. */
const FEATURES: Features = { gfm: true, frontmatter: true, headingAttributes: false, smartPunctuation: false };

/** An MDX syntax error: where it is and what is wrong (the shape of a remark VFileMessage). */
export interface SourceSyntaxError extends Error {
  /** 1-based line and column of the problem. */
  line: number;
  column: number;
  /** The problem, without its place. */
  reason: string;
}

/**
 * Parse a version source into mdast with frontmatter, GFM and (for `.mdx`) MDX syntax, with
 * Sätteri (see the file comment).
 *
 * @param text Whole file text, frontmatter included.
 * @param format `mdx` or `md`.
 * @returns The tree (unified mdast, positions on every node; MDX expressions carry `value` but no
 *   `estree`); each heading with a `{#id}` attribute carries it as `data.anchor`.
 * @throws SourceSyntaxError (`line`, `column`, `reason`) on an MDX syntax error: remark's message
 *   for the file when remark refuses it too, else Sätteri's.
 */
export function parseVersionSource(text: string, format: SourceFormat): Root {
  const stripped = stripHeadingAttributes(text);
  let tree: Root;
  try {
    tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(stripped.text, { features: FEATURES }) as Root;
  } catch (error) {
    throw explainSyntaxError(stripped.text, format, error);
  }
  const byLine = new Map(stripped.anchors.map((anchor) => [anchor.line, anchor.id]));
  walkType(tree, 'heading', (node: Heading) => {
    const anchor = node.position && byLine.get(node.position.start.line);
    if (anchor) node.data = { ...node.data, anchor };
  });
  if (format === 'mdx') placeJsxAttributes(tree, stripped.text);
  return tree;
}

/** Give each JSX attribute the start remark-mdx would (see src/lib/jsx-attribute-places.ts); its end is set to the start. */
function placeJsxAttributes(tree: Root, text: string): void {
  let pointAt: ReturnType<typeof pointsOf> | undefined;
  walk(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const start = node.position?.start.offset;
    if (start === undefined || node.attributes.length === 0 || node.attributes.every((attribute) => attribute.position)) return;
    const offsets = jsxAttributeOffsets(text, start);
    if (offsets.length !== node.attributes.length) return; // not as expected: the element's position stands
    pointAt ??= pointsOf(text);
    node.attributes.forEach((attribute, index) => {
      const point = pointAt!(offsets[index]!);
      attribute.position ??= { start: point, end: point };
    });
  });
}

/**
 * Parse with remark-parse, remark-frontmatter, remark-gfm and (for `.mdx`) remark-mdx: the parser
 * the analysis used before Sätteri, kept for its error messages and to test that both agree.
 *
 * @param text Source text with `{#anchor}` attributes already blanked (stripHeadingAttributes).
 * @param format `mdx` or `md`.
 * @returns The mdast tree (no `data.anchor` on headings).
 * @throws VFileMessage (`line`, `column`, `reason`) on an MDX syntax error.
 */
export function parseWithRemark(text: string, format: SourceFormat): Root {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  return (format === 'mdx' ? processor.use(remarkMdx) : processor).parse(text) as Root;
}

/**
 * The error to report for a file Sätteri refused: remark's, whose wording the content check knows
 * (src/lib/content-check.ts), or else Sätteri's own, read from its `line:column: reason (code)` message.
 */
function explainSyntaxError(text: string, format: SourceFormat, refusal: unknown): SourceSyntaxError {
  try {
    parseWithRemark(text, format);
  } catch (error) {
    return error as SourceSyntaxError;
  }
  const message = refusal instanceof Error ? refusal.message : String(refusal);
  const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\([\w:-]+\))?$/s.exec(message);
  const error = new Error(message) as SourceSyntaxError;
  error.line = match ? Number(match[1]) : 1;
  error.column = match ? Number(match[2]) : 1;
  error.reason = match ? match[3]! : message;
  return error;
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
