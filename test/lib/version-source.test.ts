import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseVersionSource, stripHeadingAttributes } from '../../src/lib/version-source.ts';

describe('version source', () => {
  it('should read {#anchor} heading attributes without MDX reading them as code', () => {
    const tree = parseVersionSource('---\nmaterial: false\n---\n\n## Who we are {#about-us}\n\nText.\n', 'mdx');
    const heading = tree.children.find((n): n is Heading => n.type === 'heading')!;
    expect(heading.data?.anchor).toBe('about-us');
    expect(heading.position?.start.line).toBe(5);
  });

  it('should keep every line and column when blanking attributes', () => {
    const source = '# A {#a}\ntext {x}\n## B {#b-2} ##';
    const { text, anchors } = stripHeadingAttributes(source);
    expect(text.split('\n').map((l) => l.length)).toEqual(source.split('\n').map((l) => l.length));
    expect(anchors).toEqual([{ id: 'a', line: 1 }, { id: 'b-2', line: 3 }]);
    expect(text.split('\n')[1]).toBe('text {x}');
  });

  it('should report an MDX syntax error with its line and column', () => {
    expect(() => parseVersionSource('Intro\n\nA <b>bold claim.\n', 'mdx')).toThrow(expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) }));
  });

  it('should parse .md sources as plain Markdown where braces are text', () => {
    expect(() => parseVersionSource('Use {curly} braces and a <!-- comment -->.\n', 'md')).not.toThrow();
  });
});
