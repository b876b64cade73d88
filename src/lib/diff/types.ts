/**
 * The data model of a diff: blocks of a version's text, and the changes between two versions.
 * Everything here is plain JSON (the compare page ships blocks to the browser as `blocks.json`).
 */

/** What kind of Markdown block a block came from. */
export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'blockquote' | 'code' | 'html';

/** A run of inline text with the same link target and emphasis. */
export interface Run {
  /** The text as written, whitespace not yet collapsed. */
  text: string;
  /** Link target, when the run is (part of) a link's text. Part of the compared text. */
  href?: string;
  /** Emphasis marks, in nesting order, e.g. `['strong']`; absent for plain text. */
  marks?: Mark[];
}

/** Inline styling that does not change the wording: a change to it is a formatting change. */
export type Mark = 'emphasis' | 'strong' | 'code' | 'delete';

/** Where a block sits: the section it belongs to. */
export interface SectionRef {
  /** Anchor of the section (the heading's `{#id}`, or its slug); `''` for the text before the first heading. */
  anchor: string;
  /** Heading text of the section; `''` for the text before the first heading. */
  title: string;
  /** Heading texts from the outermost section down to this one (the heading trail). */
  trail: string[];
}

/** One comparable unit of a version: a heading, paragraph, list item, table row, ... */
export interface Block {
  type: BlockType;
  /** Heading level 1-6, for headings only. */
  depth?: number;
  /** The block's inline content. */
  runs: Run[];
  section: SectionRef;
  /** For a heading whose anchor is pinned (`{#id}`), `true`: the alignment matches it by anchor too. */
  pinned?: boolean;
}

/** Kind of a change (see STYLE.md: a change is one inserted, deleted, modified or moved block). */
export type ChangeKind = 'inserted' | 'deleted' | 'modified' | 'moved' | 'formatting';

/** A piece of a redline: text kept, inserted or deleted. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  /** Words of the piece, joined by single spaces. */
  text: string;
  /** Whether whitespace separates this piece from the one before it (in the new text, for a kept piece). */
  space: boolean;
  /** For a kept piece, whether whitespace comes before it in the old text, when that differs from `space`. */
  oldSpace?: boolean;
  /** Link target of the text, when the piece is link text (for display; not compared). */
  href?: string;
  /** Set when the piece is a link's target rather than text: the URL (`text` is then empty). */
  target?: string;
}

/** One change between two versions. */
export interface Change {
  /** Stable within one diff: `change-1`, `change-2`, ... in reading order. */
  id: string;
  kind: ChangeKind;
  /** Block type (of the new block when there is one). */
  type: BlockType;
  /** Section in the old version; absent for an inserted block. */
  oldSection?: SectionRef;
  /** Section in the new version; absent for a deleted block. */
  newSection?: SectionRef;
  /** The redline of the block: equal, inserted and deleted pieces in reading order. */
  segments: Segment[];
  /** Words inserted (whitespace-separated words containing a letter or digit). */
  wordsInserted: number;
  /** Words deleted, counted the same way. */
  wordsDeleted: number;
  /**
   * Indices (into the old version's blocks, in order) of the blocks whose words the segments show
   * on the old side: one block, or several merged into this one; absent for an inserted block.
   */
  oldBlocks?: number[];
  /** Index into the new version's blocks of the block the change stands for; absent for a deleted block. */
  newBlock?: number;
  /** For a heading whose level changed (`#` to `##`...): the old and new level, 1-6. */
  level?: { from: number; to: number };
}

/** How a section fared between the versions. */
export type SectionStatus = 'unchanged' | 'changed' | 'formatting' | 'added' | 'removed';

/** A section of the diff, in reading order, with the changes inside it. */
export interface SectionDiff {
  /** Anchor in the new version (or the old one, for a removed section); `''` for the opening text. */
  anchor: string;
  /** Anchor of the same section in the old version, when it existed (it may differ after a rename). */
  oldAnchor?: string;
  /** Anchor in the new version, when the section still exists. */
  newAnchor?: string;
  /** Heading text (the new one, or the old one for a removed section). */
  title: string;
  /** Heading trail of the section. */
  trail: string[];
  status: SectionStatus;
  /** Changes inside this section (a moved block is listed in the section it moved to). */
  changes: Change[];
  /** Changes that moved a block out of this section into another. */
  movedAway: Change[];
}

/** Counts for the top of a changes page and the history page. */
export interface DiffStats {
  /** Sections in both versions with wording changes (inserted, deleted, modified or moved blocks). */
  sectionsChanged: number;
  /** Sections only in the new version. */
  sectionsAdded: number;
  /** Sections only in the old version. */
  sectionsRemoved: number;
  /** Sections whose only changes are formatting (typography, emphasis). */
  sectionsFormattingOnly: number;
  wordsInserted: number;
  wordsDeleted: number;
  blocksMoved: number;
  /** Changes of kind `formatting`. */
  formattingChanges: number;
  /** Headings whose level changed (each also a change, of kind `formatting` when its words did not change). */
  headingLevelChanges: number;
  /** Every change, of any kind. */
  changes: number;
}

/** The diff of two versions. */
export interface VersionDiff {
  /** Every change in reading order of the new version (deleted blocks where they stood). */
  changes: Change[];
  /** Every section in reading order, changed or not. */
  sections: SectionDiff[];
  stats: DiffStats;
}
