/**
 * The blocks of a version as the compare page downloads them (`blocks.json`): each section once,
 * blocks pointing to it by number, so the file is about the size of the text.
 */
import type { Block, SectionRef } from './types.ts';

/** `blocks.json`: sections listed once; each block names its section by index. */
export interface PackedBlocks {
  sections: SectionRef[];
  blocks: (Omit<Block, 'section'> & { section: number })[];
}

/**
 * Pack blocks for download.
 *
 * @param blocks A version's blocks (`flattenBlocks`).
 * @returns The packed form; `unpackBlocks` restores blocks equal to these.
 */
export function packBlocks(blocks: readonly Block[]): PackedBlocks {
  const sections: SectionRef[] = [];
  const index = new Map<SectionRef, number>();
  return {
    sections,
    blocks: blocks.map(({ section, ...block }) => {
      let at = index.get(section);
      if (at === undefined) index.set(section, (at = sections.push(section) - 1));
      return { ...block, section: at };
    }),
  };
}

/**
 * Restore packed blocks.
 *
 * @param packed The content of a `blocks.json`.
 * @returns Blocks for `diffBlocks`.
 * @throws Error when a block names a section the file does not list.
 */
export function unpackBlocks(packed: PackedBlocks): Block[] {
  return packed.blocks.map((block) => {
    const section = packed.sections[block.section];
    if (!section) throw new Error(`blocks.json: a block names section ${block.section}, which the file does not list.`);
    return { ...block, section };
  });
}
