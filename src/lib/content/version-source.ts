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
 * `## Heading {#anchor}` is read by Sätteri's `headingAttributes` feature, never by a pattern over
 * the text: the text is parsed exactly as written, once (issue 11). The anchor is also recorded on
 * the heading node as `data.anchor`.
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

/**
 * Sätteri's features: GFM, YAML frontmatter, `{#anchor}` heading attributes (into
 * `data.hProperties`, which the allow-list of src/lib/content/version-content.ts checks), and the
 * text as written (no smart quotes).
 */
const FEATURES: Features = { gfm: true, frontmatter: true, headingAttributes: true, smartPunctuation: false };

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
  let tree: Root;
  try {
    tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(text, { features: FEATURES }) as Root;
  } catch (error) {
    throw explainSyntaxError(text, format, error);
  }
  walkType(tree, 'heading', (node: Heading) => {
    const id = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties?.id;
    if (typeof id === 'string') node.data = { ...node.data, anchor: id };
  });
  if (format === 'mdx') placeJsxAttributes(tree, text);
  return tree;
}

/** Give each JSX attribute the start remark-mdx would (see src/lib/content/jsx-attribute-places.ts); its end is set to the start. */
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
 * @param text Source text (remark reads `{#anchor}` as text in `.md` and as an expression in `.mdx`).
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
 * (src/lib/check/content-check.ts), or else Sätteri's own, read from its `line:column: reason (code)` message.
 */
function explainSyntaxError(text: string, format: SourceFormat, refusal: unknown): SourceSyntaxError {
  const message = refusal instanceof Error ? refusal.message : String(refusal);
  const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\([\w:-]+\))?$/s.exec(message);
  try {
    parseWithRemark(text, format);
  } catch (error) {
    // remark's wording is kept only when it points at the same line (it reads `{#anchor}` as code, Sätteri does not).
    if (!match || (error as SourceSyntaxError).line === Number(match[1])) return error as SourceSyntaxError;
  }
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
