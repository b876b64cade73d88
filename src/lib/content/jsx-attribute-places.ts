/**
 * Where each attribute of an MDX JSX element is written. Sätteri's mdast gives an element its
 * position but not its attributes (remark-mdx gives both); the content check reports a refused
 * attribute at the attribute's own line and column, so this reads them back from the source.
 */
import type { Point } from 'unist';

/**
 * The offsets of the attributes of the JSX opening tag that starts at `start`, in source order
 * (`name`, `name="…"`, `name={…}` and `{...spread}` each count as one, as in mdast).
 *
 * @param text The whole source text.
 * @param start Offset of the tag's `<` (the element's `position.start.offset`).
 * @returns Offsets (UTF-16 code units) of each attribute's first character; empty when `start`
 *   is not at a `<`.
 */
export function jsxAttributeOffsets(text: string, start: number): number[] {
  if (text[start] !== '<') return [];
  const offsets: number[] = [];
  let index = start + 1;
  while (index < text.length && /[^\s/>{]/.test(text[index]!)) index += 1; // the element's name
  for (;;) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    const char = text[index];
    if (char === undefined || char === '>' || char === '/') return offsets;
    offsets.push(index);
    if (char === '{') {
      index = skipBraces(text, index);
      continue;
    }
    while (index < text.length && /[^\s=/>{]/.test(text[index]!)) index += 1;
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (text[index] !== '=') continue;
    index += 1;
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const end = text.indexOf(quote, index + 1);
      index = end === -1 ? text.length : end + 1;
    } else if (quote === '{') {
      index = skipBraces(text, index);
    }
  }
}

/** The offset after the `}` that closes the `{` at `open`, skipping strings and nested braces. */
function skipBraces(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"' || char === "'" || char === '`') {
      const end = text.indexOf(char, index + 1);
      if (end === -1) return text.length;
      index = end;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return text.length;
}

/**
 * A function from offset to unist point (1-based line and column) for one text.
 *
 * @param text The whole source text.
 */
export function pointsOf(text: string): (offset: number) => Point {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  };
}
