/**
 * The opening of an imported policy: its own `# Title` and "Effective date: …" line, which the
 * version page prints already (the title from the registry or the version's `title:`, the
 * effective date from the file name). The title is lifted into the version's title; the date line
 * is checked against the file name and dropped.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isCivilDate, type CivilDate } from '../../dates.ts';

/** What the opening said, and what was done with it. */
export interface Opening {
  /** The text of a leading `# Title`, which was removed from the tree. */
  title?: string;
  /** The date of a leading "Effective …" line, `YYYY-MM-DD`, when one was read (the line was removed). */
  effective?: CivilDate;
}

/**
 * Lift a leading `# Title` and the "Effective …" line that opens the text (directly, or right
 * after that title) out of the tree, and check every "Effective date …" paragraph of the text
 * against the file's date.
 *
 * @param tree mdast of the body (frontmatter removed); changed in place.
 * @param effective The version's effective date from its file name, `YYYY-MM-DD`.
 * @param datetime The `datetime` a paragraph carried in an attribute list (`{: datetime="…" }`),
 *   read before the paragraph's words.
 * @param warn Called with a message for each date line that disagrees with `effective`, or whose
 *   date cannot be read (that line is then kept, for the editor to look at).
 * @returns The lifted title and date.
 */
export function liftOpening(tree: Root, effective: CivilDate, datetime: (node: Paragraph) => string | undefined, warn: (message: string) => void): Opening {
  const opening: Opening = {};
  const first = tree.children[0] as Nodes | undefined;
  if (first?.type === 'heading' && first.depth === 1) {
    opening.title = toString(first, { includeHtml: false }).trim();
    tree.children.shift();
  }
  for (const [index, node] of tree.children.entries()) {
    if (node.type !== 'paragraph' || !isDateLine(node)) continue;
    const written = toString(node, { includeHtml: false }).trim();
    const date = datetime(node) ?? readDate(written);
    const line = node.position?.start.line;
    const where = line === undefined ? '' : `line ${line}: `;
    if (date === undefined) warn(`${where}could not read the date of "${written}"; kept the line. Check it against the file name (${effective}) and delete it: the page prints the effective date.`);
    else if (date !== effective) warn(`${where}"${written}" says ${date}, but the file name says ${effective}. The file name is the effective date the site uses: check which is right.`);
    if (index === 0 && date !== undefined) {
      opening.effective = date;
      tree.children.splice(index, 1);
    }
  }
  return opening;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Read a date written in English: `May 22, 2017`, `Jul 31 2017`, `22 May 2017`, `May 22nd, 2017` or `2017-05-22`.
 *
 * @param text A line such as `Effective date: May 22, 2017`.
 * @returns The first date found, `YYYY-MM-DD`, or `undefined` when there is none (or it does not exist, e.g. February 30).
 */
export function readDate(text: string): CivilDate | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isCivilDate(iso[0]) ? iso[0] : undefined;
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  const [month, day, year] = monthFirst ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!] : dayFirst ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!] : [];
  if (month === undefined) return undefined;
  const number = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  if (number === 0 || !isMonthName(month)) return undefined;
  const date = `${year}-${String(number).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isCivilDate(date) ? date : undefined;
}

/** Whether a paragraph opens with "Effective" ("Effective date:", "Effective as of", "Effective:"). */
function isDateLine(node: Paragraph): boolean {
  return /^\W{0,3}effective\b/i.test(toString(node, { includeHtml: false }).trim());
}

/** An English month name or its abbreviation (`Sept` included). */
function isMonthName(word: string): boolean {
  const lower = word.toLowerCase();
  const names = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return names.some((name) => name.startsWith(lower) && lower.length >= 3);
}
