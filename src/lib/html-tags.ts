/**
 * Find the tags and attributes in a piece of raw HTML (an mdast `html` node of a `.md` version),
 * for the safe-content rules. Deliberately conservative: every `<name` outside a comment counts as
 * a tag, as it does for a browser's tokenizer (WHATWG HTML, "tag open state"), so nothing the
 * browser would read as an element can hide from the check.
 */

/** One attribute of a tag as written. */
export interface HtmlAttribute {
  /** Lower-cased name, e.g. `onclick`. */
  name: string;
  /** The value without quotes and with character references left as written; `''` when absent. */
  value: string;
  /** Offset of the attribute name in the HTML text, in UTF-16 code units. */
  offset: number;
  /** Offsets of the value as written (inside its quotes), and of the end of the attribute (after the closing quote). */
  valueStart: number;
  valueEnd: number;
  end: number;
}

/** One start or end tag. */
export interface HtmlTag {
  /** Lower-cased tag name, e.g. `script`. */
  name: string;
  /** The name as written, e.g. `Notice`. */
  written: string;
  closing: boolean;
  attributes: HtmlAttribute[];
  /** Offset of the `<` in the HTML text, in UTF-16 code units. */
  offset: number;
}

/**
 * List the tags in an HTML fragment, skipping comments (`<!-- ... -->`, ended by `-->` or `--!>`,
 * or abruptly by `<!-->`), doctypes and CDATA, as the WHATWG tokenizer does.
 *
 * @param html Raw HTML text.
 * @returns Start and end tags in order, each with its offset in `html`.
 */
export function findHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      index = commentEnd(html, open);
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?') {
      const end = html.indexOf('>', open);
      index = end === -1 ? html.length : end + 1;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(html.slice(open));
    if (!match) {
      index = open + 1;
      continue;
    }
    const start = open + match[0].length;
    const { attributes, end } = readAttributes(html, start);
    tags.push({ name: match[2]!.toLowerCase(), written: match[2]!, closing: match[1] === '/', attributes, offset: open });
    index = end;
  }
  return tags;
}

/**
 * Turn an offset in a node's text into a file position.
 *
 * @param text The node's text.
 * @param offset Offset in `text`, UTF-16 code units.
 * @param line 1-based line where the text starts.
 * @param column 1-based column where the text starts.
 * @returns 1-based line and column of `offset`.
 */
export function positionAt(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.split('\n').length - 1;
  if (breaks === 0) return { line, column: column + offset };
  return { line: line + breaks, column: offset - before.lastIndexOf('\n') };
}

function commentEnd(html: string, open: number): number {
  const body = open + 4;
  if (html.startsWith('>', body)) return body + 1;
  if (html.startsWith('->', body)) return body + 2;
  const candidates = [html.indexOf('-->', body), html.indexOf('--!>', body)].filter((i) => i !== -1);
  if (candidates.length === 0) return html.length;
  const end = Math.min(...candidates);
  return end + (html.startsWith('-->', end) ? 3 : 4);
}

/** Read attributes from `start` to the tag's `>` (quoted values may hold `>`). */
function readAttributes(html: string, start: number): { attributes: HtmlAttribute[]; end: number } {
  const attributes: HtmlAttribute[] = [];
  let index = start;
  while (index < html.length) {
    const char = html[index]!;
    if (char === '>') return { attributes, end: index + 1 };
    if (/[\s/]/.test(char)) {
      index++;
      continue;
    }
    const name = /^[^\s/>][^\s/>=]*/.exec(html.slice(index))![0];
    const offset = index;
    index += name.length;
    let value = '';
    let valueStart = index;
    const equals = /^\s*=\s*/.exec(html.slice(index));
    if (equals) {
      index += equals[0].length;
      const quote = html[index];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, index + 1);
        const end = close === -1 ? html.length : close;
        valueStart = index + 1;
        value = html.slice(valueStart, end);
        index = Math.min(end + 1, html.length);
      } else {
        valueStart = index;
        value = /^[^\s>]*/.exec(html.slice(index))![0];
        index += value.length;
      }
    }
    attributes.push({ name: name.toLowerCase(), value, offset, valueStart, valueEnd: valueStart + value.length, end: index });
  }
  return { attributes, end: html.length };
}
