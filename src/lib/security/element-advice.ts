/**
 * Advice for editors about HTML elements: why an element can never be in a version, and what to
 * write in Markdown instead. Only words for messages: what is allowed is the schema of
 * src/lib/security/content-schema.ts.
 */

/** Elements that run code, embed other pages or change the page itself: refused with a reason. */
export const forbiddenElements: Readonly<Record<string, string>> = {
  script: 'runs code',
  noscript: 'only makes sense around code',
  style: 'restyles the whole site',
  link: 'loads files from elsewhere',
  meta: 'changes how the page behaves',
  base: 'changes where every link of the page goes',
  iframe: 'embeds another page',
  frame: 'embeds another page',
  frameset: 'embeds other pages',
  object: 'embeds a plug-in or another page',
  embed: 'embeds a plug-in or another page',
  applet: 'runs code',
  portal: 'embeds another page',
  form: 'sends data somewhere',
  input: 'is part of a form',
  button: 'is part of a form',
  select: 'is part of a form',
  textarea: 'is part of a form',
  template: 'holds markup for code',
  svg: 'can carry scripts and event handlers',
  math: 'can carry scripts and event handlers',
};

/** What to write in Markdown instead of a common HTML element, for messages. */
export const markdownAlternatives: Readonly<Record<string, string>> = {
  a: 'a Markdown link: [text](/privacy-statement/#contact-us)',
  b: 'Markdown bold: **text**',
  strong: 'Markdown bold: **text**',
  i: 'Markdown italics: _text_',
  em: 'Markdown italics: _text_',
  br: 'a backslash at the end of the line',
  p: 'a blank line between paragraphs',
  ul: 'a Markdown list: lines starting with "- "',
  ol: 'a Markdown list: lines starting with "1. "',
  li: 'a Markdown list item: a line starting with "- "',
  table: 'a Markdown table (| a | b |)',
  img: 'a Markdown image: ![description](/images/file.png) with the file under public/images/',
  h2: 'a Markdown heading: ## Title {#anchor}',
  h3: 'a Markdown heading: ### Title {#anchor}',
  div: '<Notice> for a highlighted box, or plain Markdown',
  aside: '<Notice>',
  address: '<Address>',
  dfn: '<Definition term="...">',
  dl: '<Definition term="...">',
  code: 'Markdown code: `text`',
  blockquote: 'a Markdown quote: lines starting with "> "',
  hr: 'a Markdown rule: a line with ---',
};
