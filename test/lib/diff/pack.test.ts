import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../src/lib/diff/index.ts';
import { packBlocks, unpackBlocks } from '../../../src/lib/diff/pack.ts';

describe('packBlocks', () => {
  it('should list each section once and restore the same blocks', () => {
    const blocks = blocksOf({ text: 'Intro.\n\n## A {#a}\n\nOne.\n\nTwo [link](https://example.com).\n\n## B {#b}\n\n- Three.\n', format: 'mdx' });
    const packed = JSON.parse(JSON.stringify(packBlocks(blocks)));
    expect(packed.sections.map((s: { anchor: string }) => s.anchor)).toEqual(['', 'a', 'b']);
    expect(packed.blocks.map((b: { section: number }) => b.section)).toEqual([0, 1, 1, 1, 2, 2]);
    expect(unpackBlocks(packed)).toEqual(blocks);
  });

  it('should refuse a block that names a missing section', () => {
    expect(() => unpackBlocks({ sections: [], blocks: [{ type: 'paragraph', runs: [{ text: 'x' }], section: 3 }] })).toThrow('section 3');
  });
});
