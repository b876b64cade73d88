/**
 * Bytes of a content file to the one text every consumer reads: the content check, the site's
 * loader, the diffs and the lock all start from `decodeSource`, so no two of them can read a file
 * differently (issue 11, "One reading of a file").
 */

/** A file that cannot be read as text, with the place of the first bad byte. */
export interface SourceTextProblem {
  /** 1-based line and column of the problem. */
  line: number;
  column: number;
  /** Rule id: `source-encoding`, `source-nul` or `source-line-ending`. */
  ruleId: string;
  /** What is wrong and how to fix it, for an editor. */
  message: string;
}

/** The decoded text, or why it cannot be. */
export type SourceText = { text: string } | { problem: SourceTextProblem };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a content file.
 *
 * Rules: UTF-8 only (WHATWG Encoding: a fatal decoder, so invalid bytes are refused, never
 * replaced); one leading byte-order mark is dropped (editors on Windows add it); CRLF line endings
 * become LF; a lone CR or a NUL byte is refused, since parsers disagree about both.
 *
 * @param bytes The file's bytes (a string is taken as already decoded and only normalised).
 * @returns `{ text }` with LF line endings and no BOM, or `{ problem }` placed at the bad byte.
 */
export function decodeSource(bytes: Uint8Array | string): SourceText {
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    try {
      text = decoder.decode(bytes);
    } catch {
      // Placed at the first replacement character of a lenient reading (a real U+FFFD before it would only move the place earlier).
      const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      return { problem: { ...placeOf(lenient, Math.max(0, lenient.indexOf('\ufffd'))), ruleId: 'source-encoding', message: 'This file is not UTF-8 text (an invalid byte here). Save it as UTF-8 in your editor ("Save with encoding: UTF-8").' } };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n/g, '\n');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { problem: { ...placeOf(text, nul), ruleId: 'source-nul', message: 'This file holds a NUL byte: it is binary, or was saved with the wrong encoding. Save it as UTF-8 text.' } };
  const cr = text.indexOf('\r');
  if (cr !== -1) return { problem: { ...placeOf(text, cr), ruleId: 'source-line-ending', message: 'A carriage return (CR) without a line feed: save the file with LF (or CRLF) line endings.' } };
  return { text };
}

/** The 1-based line and column of a character offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
