/**
 * Editor words for the MDX syntax errors that HTML and Markdown habits cause (issue 13, "Command
 * line ... clearer messages"): an e-mail address or web address in angle brackets, which Markdown
 * reads as a link but MDX as a tag, and an HTML tag such as `<br>` that MDX reads as an opening tag
 * waiting for its closing one. The parser's reason (Sätteri's or remark-mdx's wording) decides
 * which case it is; the refused line only supplies the text to quote.
 */
import { forbiddenElements, markdownAlternatives } from '../security/element-advice.ts';

/** What to tell the editor instead of the parser's own reason. */
export interface SyntaxAdvice {
  ruleId: 'mdx-autolink' | 'mdx-unclosed-tag';
  message: string;
  /** 1-based column of the construct on the refused line. */
  column: number;
}

/** HTML elements that never have content or a closing tag (HTML Living Standard, "void elements"). */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Advice for an MDX syntax error, when it is one of the habits above.
 *
 * @param reason The parser's reason, e.g. "Expected a closing tag for `<br>` (18:5) before the end of `paragraph`".
 * @param line The text of the refused line.
 * @param column 1-based column the parser reported (Sätteri points at `<`, remark-mdx at the character after).
 * @returns The rule id, message and column, or undefined for any other syntax error.
 */
export function mdxSyntaxAdvice(reason: string, line: string, column: number): SyntaxAdvice | undefined {
  const unclosed = /closing tag for `<([A-Za-z][\w.-]*)[^`]*>`/.exec(reason);
  if (unclosed) {
    const name = unclosed[1]!;
    const tag = `<${name}>`;
    const at = line.indexOf(`<${name}`);
    const instead = forbiddenElements[name.toLowerCase()]
      ? `\`${tag}\` is not allowed in legal text anyway: it ${forbiddenElements[name.toLowerCase()]}. Remove it.`
      : markdownAlternatives[name.toLowerCase()]
        ? `Instead, write ${markdownAlternatives[name.toLowerCase()]}.`
        : `Close it with \`</${name}>\`, or write it in Markdown.`;
    const why = voidElements.has(name.toLowerCase())
      ? `In HTML \`${tag}\` stands alone, but MDX reads it as an opening tag and looks for its \`</${name}>\`.`
      : `The tag \`${tag}\` is opened here and never closed.`;
    return { ruleId: 'mdx-unclosed-tag', message: `${why} ${instead}`, column: at === -1 ? column : at + 1 };
  }
  // Every `<...>` on the line, and the one the reported column falls in.
  for (const match of line.matchAll(/<([^<>\s]+)>/g)) {
    const start = match.index! + 1;
    const end = start + match[0].length - 1;
    if (column < start || column > end + 1) continue;
    const inner = match[1]!;
    const email = /^(?:mailto:)?([^@\s]+@[^@\s]+\.[^@\s]+)$/i.exec(inner);
    const web = /^https?:\/\/\S+$/i.exec(inner);
    if (!email && !web) return undefined;
    const link = email ? `[${email[1]}](mailto:${email[1]})` : `[${inner}](${inner})`;
    return {
      ruleId: 'mdx-autolink',
      message: `\`${match[0]}\`: in MDX, \`<\` starts a tag, so ${email ? 'an e-mail address' : 'a web address'} cannot be written in angle brackets. Write it as a link, ${link}, or without the angle brackets.`,
      column: start,
    };
  }
  return undefined;
}
