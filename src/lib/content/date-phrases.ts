/**
 * Dates a version's text gives for itself: "Effective date: June 2nd, 2024", "Last updated: May 5,
 * 2023", "takes effect on 1 June 2024". Found in the text nodes of the version's one tree (never in
 * the raw source), so Markdown around the words (`**Effective date:** June 2, 2024`) does not
 * matter; the date itself is parsed by chrono-node (its strict English parser: named months in
 * either order, ordinals, "1st of June 2024", ISO `2024-06-01`).
 *
 * A date counts only when a keyword stands right before it in the same sentence, with at most a
 * few linking words between (`date`, `on`, `as of`, `from`, `is`, `:`): "Before March 31, 2022, the
 * terms were effective" gives nothing (the keyword is after the date), and neither does a sentence
 * about another version ("The previous version took effect on ..."). Numeric dates other than ISO
 * (`06/02/2024`: June 2 in the US, 6 February in the UK) are ambiguous and skipped, as are ranges.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import * as chrono from 'chrono-node';
import { isCivilDate, type CivilDate } from '../dates.ts';
import { pointsOf } from './jsx-attribute-places.ts';
import { walk } from './mdast-walk.ts';

/** What a date phrase states: the version's effective date, or the date its text was last updated. */
export type DatePhraseKind = 'effective' | 'updated';

/** One date the text gives for the version. */
export interface DatePhrase {
  kind: DatePhraseKind;
  /** The date, `YYYY-MM-DD`. */
  date: CivilDate;
  /** The date as written, e.g. `June 2nd, 2024`. */
  written: string;
  /** The words before it from the keyword on, as written, e.g. `Effective date:` or `last updated on`. */
  keyword: string;
  /** Where the date starts in the file (1-based line and column). */
  place: Point;
  /** Whether the date is in the version's first block (see {@link firstBlockOf}). */
  inFirstBlock: boolean;
  /**
   * Whether the date written does not exist ("June 31, 2024", "2024-02-30"); `date` is then the
   * `YYYY-MM-DD` it would be, not a CivilDate.
   */
  impossible?: boolean;
}

/**
 * Find the date phrases of a version.
 *
 * @param tree The version's parsed source (src/lib/content/version-source.ts), positions on every node.
 * @param text The whole file text the tree was parsed from (for line and column of a date inside a text node).
 * @returns The phrases in reading order; empty when the text gives no date for itself.
 */
export function datePhrases(tree: Root, text: string): DatePhrase[] {
  const first = firstBlockOf(tree)?.position;
  const pointAt = pointsOf(text);
  const phrases: DatePhrase[] = [];
  walk(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const inFirstBlock = first !== undefined && node.position !== undefined && node.position.start.offset! >= first.start.offset! && node.position.end.offset! <= first.end.offset!;
    for (const found of phrasesIn(blockText(node))) phrases.push({ ...found.phrase, place: placeOf(found.at, text, pointAt), inFirstBlock });
  });
  return phrases;
}

/**
 * The first block of a version: the first top-level block that is not frontmatter, a heading, a
 * comment, an import or an expression; the lead paragraph readers see right under the page's
 * title and dates, where "Effective date: ..." lines usually stand.
 *
 * @returns The block, or `undefined` for a text without one.
 */
export function firstBlockOf(tree: Root): RootContent | undefined {
  const skipped = new Set(['yaml', 'toml', 'heading', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'definition', 'thematicBreak']);
  return tree.children.find((node) => !skipped.has(node.type));
}

/** Words that may stand between a keyword and its date: "Effective date: ...", "effective as of ...". */
const LINKING = new Set(['date', 'on', 'as', 'of', 'from', 'is', 'was', 'will', 'be', 'since', 'starting', 'beginning', 'the']);
/** Punctuation that may stand there too. */
const LINKING_MARKS = /^[\s:,\-\u2013\u2014(]*$/;
/** Words showing a sentence is about some other version. */
const OTHER_VERSION = new Set(['previous', 'prior', 'earlier', 'former', 'superseded', 'replaced', 'replaces', 'old', 'older', 'original', 'next', 'upcoming', 'future', 'until', 'before']);
/** Stands for content that is not prose (inline code, an expression, an image): it ends a phrase. */
const OPAQUE = '\uFFFC';

const words = new Intl.Segmenter('en', { granularity: 'word' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A block's prose as one string, and which text node each stretch came from. */
interface BlockText {
  value: string;
  pieces: { from: number; node: Nodes }[];
}

function blockText(block: Nodes): BlockText {
  const result: BlockText = { value: '', pieces: [] };
  // The same explicit-stack walk as mdast-walk.ts (a file may nest marks thousands deep); the block itself is skipped.
  walk(block, (node) => {
    if (node === block) return;
    if (node.type === 'text') {
      result.pieces.push({ from: result.value.length, node });
      result.value += node.value;
    } else if (node.type === 'break') result.value += '\n';
    else if (node.type === 'html') return; // inline tags (<sup>, <br>): the words around them are what a reader reads
    else if (!('children' in node)) result.value += OPAQUE;
  });
  return result;
}

/** The phrases of one block's text, each with the offset of its date in that text. */
function phrasesIn(block: BlockText): { phrase: Omit<DatePhrase, 'place' | 'inFirstBlock'>; at: { block: BlockText; offset: number } }[] {
  if (!/\d/.test(block.value)) return []; // no date without a digit: most blocks stop here, cheaply
  const found: ReturnType<typeof phrasesIn> = [];
  for (const result of chrono.en.strict.parse(block.value, new Date(0))) {
    const { start, end } = result;
    if (end || !start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    // chrono takes a leading "on " into the date ("on 1st of June 2024"): the date starts after it.
    const lead = /^(?:on|the)\s+/i.exec(result.text)?.[0].length ?? 0;
    const written = result.text.slice(lead).replace(/\s+at\s.*$/s, '');
    if (!/[a-z]/i.test(written) && !/^\d{4}-\d{2}-\d{2}$/.test(written)) continue; // 06/02/2024: ambiguous
    const offset = result.index + lead;
    const keyword = keywordBefore(block.value, offset);
    if (!keyword) continue;
    const date = `${start.get('year')}-${String(start.get('month')).padStart(2, '0')}-${String(start.get('day')).padStart(2, '0')}`;
    found.push({ phrase: { ...keyword, date, written }, at: { block, offset } });
  }
  // Dates that do not exist, which chrono drops: a named month with a day past its end, or an ISO date.
  for (const match of block.value.matchAll(IMPOSSIBLE_CANDIDATES)) {
    const [written] = match;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
    const named = iso ? undefined : /^(?:([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4}))$/.exec(written);
    const month = iso ? Number(iso[2]) : named ? MONTHS.indexOf((named[1] ?? named[5])!.slice(0, 3).toLowerCase()) + 1 : 0;
    if (month === 0 && !iso) continue;
    const day = iso ? Number(iso[3]) : Number(named![2] ?? named![4]);
    const year = iso ? iso[1]! : (named![3] ?? named![6])!;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isCivilDate(date)) continue; // a real date: chrono's, above
    const keyword = keywordBefore(block.value, match.index);
    if (!keyword) continue;
    found.push({ phrase: { ...keyword, date: date as CivilDate, written, impossible: true }, at: { block, offset: match.index } });
  }
  return found;
}

/** English month names by their first three letters, January first. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Written dates that may not exist: `June 31, 2024`, `31st of June 2024`, `2024-02-30`. */
const IMPOSSIBLE_CANDIDATES = /\b(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b/gi;

/** The keyword right before a date in its sentence, or `undefined` when there is none (see the file comment). */
function keywordBefore(value: string, offset: number): { kind: DatePhraseKind; keyword: string } | undefined {
  let sentenceStart = 0;
  for (const sentence of sentences.segment(value)) {
    if (sentence.index > offset) break;
    sentenceStart = sentence.index;
  }
  const before = [...words.segment(value.slice(sentenceStart, offset))];
  let linking = 0;
  for (let index = before.length - 1; index >= 0; index--) {
    const segment = before[index]!;
    if (!segment.isWordLike) {
      if (!LINKING_MARKS.test(segment.segment)) return undefined;
      continue;
    }
    const word = segment.segment.toLowerCase();
    if (LINKING.has(word)) {
      if (++linking > 3) return undefined;
      continue;
    }
    const earlier = before.slice(0, index).filter((s) => s.isWordLike);
    const previous = earlier.at(-1)?.segment.toLowerCase();
    let kind: DatePhraseKind | undefined;
    let from = index;
    if (word === 'effective') kind = 'effective';
    else if (word === 'effect' && previous && ['take', 'takes', 'took', 'taking', 'into'].includes(previous)) {
      kind = 'effective';
      from = before.indexOf(earlier.at(-1)!);
    } else if (word === 'updated' || word === 'revised') {
      kind = 'updated';
      if (previous === 'last') from = before.indexOf(earlier.at(-1)!);
    }
    if (!kind) return undefined;
    const context = before.slice(0, from).filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());
    if (context.some((w) => OTHER_VERSION.has(w))) return undefined;
    return { kind, keyword: value.slice(sentenceStart + before[from]!.index, offset).trimEnd() };
  }
  return undefined;
}

/** The file point of an offset in a block's text: exact when the text node is written as it reads, else the node's start. */
function placeOf(at: { block: BlockText; offset: number }, text: string, pointAt: (offset: number) => Point): Point {
  const piece = at.block.pieces.findLast((p) => p.from <= at.offset);
  const position = piece?.node.position;
  if (!piece || !position) return { line: 1, column: 1 };
  const start = position.start.offset;
  const value = (piece.node as { value: string }).value;
  if (start !== undefined && text.slice(start, position.end.offset) === value) return pointAt(start + at.offset - piece.from);
  return position.start;
}
