import type { Heading, Nodes } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { jsxAttributeOffsets } from '../../src/lib/content/jsx-attribute-places.ts';
import { walk } from '../../src/lib/content/mdast-walk.ts';
import { describe, expect, it } from 'vitest';
import { parseVersionSource } from '../../src/lib/content/version-source.ts';

describe('version source', () => {
  it('should read {#anchor} heading attributes without MDX reading them as code', () => {
    const tree = parseVersionSource('---\nmaterial: false\n---\n\n## Who we are {#about-us}\n\nText.\n', 'mdx');
    const heading = tree.children.find((n): n is Heading => n.type === 'heading')!;
    expect(heading.data?.anchor).toBe('about-us');
    expect(heading.position?.start.line).toBe(5);
  });

  it('should read the anchor from the parser, never from a heading-looking line inside a comment', () => {
    const tree = parseVersionSource('{/*\n## Hidden {#hidden}\n*/}\n\n## Seen {#seen}\n', 'mdx');
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.map((h) => h.data?.anchor)).toEqual(['seen']);
  });

  it('should report an MDX syntax error with its line and column', () => {
    expect(() => parseVersionSource('Intro\n\nA <b>bold claim.\n', 'mdx')).toThrow(expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) }));
  });

  it('should parse .md sources as plain Markdown where braces are text', () => {
    expect(() => parseVersionSource('Use {curly} braces and a <!-- comment -->.\n', 'md')).not.toThrow();
  });
});

describe('JSX attribute places', () => {
  const sources = [
    '<Notice title="Heads up" onClick={steal}>\nHi\n</Notice>\n',
    '<Notice\n  title="Multi\nline"\n  data-x=\'y\'\n  {...props}\n  hidden\n  kind={{ a: "}" }}>\nHi\n</Notice>\n',
    'Text with <Definition term="Personal data" lang=\'en\'>inline</Definition> and <Notice title="x" />.\n',
    '<Address>\nOne\n</Address>\n',
  ];

  it.each(sources)('should place each attribute where remark-mdx does: %j', (source) => {
    const remark = unified().use(remarkParse).use(remarkMdx).parse(source);
    const starts = (tree: Nodes) => {
      const found: string[] = [];
      walk(tree, (node) => {
        if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
          for (const attribute of node.attributes) found.push(`${node.name} ${attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}'} ${attribute.position?.start.line}:${attribute.position?.start.column}`);
        }
      });
      return found;
    };
    expect(starts(parseVersionSource(source, 'mdx'))).toEqual(starts(remark));
  });

  it('should report a refused attribute on its own line in a tag written over several lines', () => {
    const tree = parseVersionSource('<Notice\n  title="A"\n  onClick="x()">\nHi\n</Notice>\n', 'mdx');
    const element = tree.children[0] as unknown as { attributes: { name: string; position: { start: { line: number; column: number } } }[] };
    expect(element.attributes.map((a) => [a.name, a.position.start.line, a.position.start.column])).toEqual([['title', 2, 3], ['onClick', 3, 3]]);
  });

  it('should find no attributes when the offset is not at a tag', () => {
    expect(jsxAttributeOffsets('text', 0)).toEqual([]);
    expect(jsxAttributeOffsets('<A b="1" c>', 0)).toEqual([3, 9]);
  });
});
