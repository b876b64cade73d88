/**
 * The safe-content policy: which URLs, HTML elements and attributes a version may contain, and
 * what to write instead. Content arrives by pull request, so it must never be able to run code or
 * load anything from another host (see content/README.md, "What a version may contain").
 */

/** URL schemes a link may use. Anything else (`javascript:`, `data:`, `vbscript:`, `file:` ...) is refused. */
export const allowedSchemes = ['http', 'https', 'mailto', 'tel'] as const;

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

/**
 * Harmless HTML elements a `.md` version may contain as raw HTML (GitHub-flavoured Markdown
 * documents use them: tables, `<sup>`, `<br>`, `<details>`). `.mdx` versions use Markdown and the
 * content components instead.
 */
export const allowedHtmlElements: ReadonlySet<string> = new Set(
  ('a abbr address b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp section small ' +
    'source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr').split(' '),
);

/** Attributes that hold a URL, checked for their scheme. */
export const urlAttributes: ReadonlySet<string> = new Set(['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'cite', 'background', 'data', 'xlink:href', 'longdesc', 'ping']);

/** Attributes that load media into the page: their URLs must stay on this site. */
export const mediaAttributes: ReadonlySet<string> = new Set(['src', 'srcset', 'poster', 'background', 'data']);

/** Attributes refused on any element, with the reason. */
export const forbiddenAttributes: Readonly<Record<string, string>> = {
  style: 'inline styles are not allowed (the site stylesheet styles content)',
  srcdoc: 'it embeds a whole page',
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

/** Why a URL is refused, or `undefined` when it is fine. */
export type UrlProblem = { kind: 'scheme'; scheme: string } | { kind: 'external-media'; host: string };

/**
 * Check a URL written in a version: its scheme, and for media whether it stays on this site.
 *
 * Browsers ignore ASCII tab and newline inside URLs and leading control characters and spaces
 * (WHATWG URL standard), so `java\tscript:` is read as `javascript:`; the check does the same.
 *
 * @param url The URL as written (link, image, definition or attribute value).
 * @param media `true` for an image or media source: then any other host is refused too.
 * @returns The problem, or `undefined` when the URL is allowed.
 */
export function checkUrl(url: string, media: boolean): UrlProblem | undefined {
  const cleaned = urlAsBrowsersRead(url);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined && !(allowedSchemes as readonly string[]).includes(scheme)) return { kind: 'scheme', scheme };
  if (media && (scheme !== undefined || /^[\\/]{2}/.test(cleaned))) {
    const host = /^(?:[a-z]+:)?[\\/]{2}([^\\/?#]*)/i.exec(cleaned)?.[1] ?? cleaned;
    return { kind: 'external-media', host };
  }
  return undefined;
}

/**
 * A URL as a browser reads it from an HTML attribute (WHATWG URL parsing): character references
 * decoded, tabs and line breaks removed, leading spaces and control characters trimmed.
 *
 * @param value The attribute value as written, e.g. ` jav&#x61;script&colon;x`.
 * @returns E.g. `javascript:x`.
 */
export function urlAsBrowsersRead(value: string): string {
  return decodeEntities(value).replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/** Decode the character references a browser would decode in an attribute (`&#106;` → `j`, `&colon;` → `:`). */
function decodeEntities(value: string): string {
  const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&', lpar: '(', rpar: ')' };
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (match, name: string) => named[name.toLowerCase()] ?? match);
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
}
