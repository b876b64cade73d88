/**
 * The allow-list of HTML a version's text may become: every element and attribute that a page may
 * print from content, as a hast-util-sanitize schema. Anything not listed stops the build (see
 * src/lib/content/html-allow-list.ts); the same schema then sanitises the tree, so what the check
 * lets through and what the page prints cannot differ.
 *
 * What a legal text needs: text structure, lists, tables, quotes, code, `abbr`, `sup`/`sub`,
 * `br`, links with http(s), mailto, tel or site-relative targets, images from the site only, GFM
 * footnotes, and the markup of the content components (src/lib/content/content-components.ts). Never:
 * `on*`, `style`, `srcset`, `ping`, forms, `meta`, `base`, `link`, `svg`, `math`, `iframe` ...
 * Heading attributes: `id` only.
 */
import type { Schema } from 'hast-util-sanitize';

/** Classes the content components and GFM footnotes print (nothing else may carry a class). */
const componentClass = (...names: string[]): [string, ...string[]] => ['className', ...names];

/** The schema (hast-util-sanitize 5: property names as hast spells them, e.g. `dataFootnoteRef`). */
export const contentSchema: Schema = {
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'svg', 'math'],
  clobberPrefix: '',
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
  tagNames: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's',
    'del', 'ins', 'sup', 'sub', 'br', 'hr', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
    'abbr', 'dfn', 'dl', 'dt', 'dd', 'div', 'span', 'section', 'address', 'small', 'mark', 'q', 'cite', 'kbd', 'details',
    'summary', 'figure', 'figcaption', 'time', 'var', 'samp', 'wbr', 'col', 'colgroup',
  ],
  attributes: {
    '*': ['lang', 'dir'],
    a: ['href', 'title', 'id', 'name', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', componentClass('data-footnote-backref')],
    img: ['src', 'alt', 'title', 'width', 'height'],
    h1: ['id'], h2: ['id', componentClass('sr-only')], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    li: ['id', 'value'],
    ol: ['start', 'reversed', 'type'],
    // Presentational attributes real legal HTML carries (tables laid out by hand): no URL, no script, no CSS.
    table: ['align', 'width', 'border'],
    tr: ['align', 'vAlign'],
    th: ['align', 'vAlign', 'width', 'colSpan', 'rowSpan', 'scope'],
    td: ['align', 'vAlign', 'width', 'colSpan', 'rowSpan'],
    col: ['span', 'width'],
    abbr: ['title'],
    dfn: ['title'],
    time: ['dateTime'],
    code: [['className', /^language-[\w-]+$/]],
    section: ['dataFootnotes', componentClass('footnotes')],
    div: [componentClass('content-notice'), ['role', 'note']],
    p: [componentClass('content-notice__title'), 'align'],
    dl: [componentClass('content-definition')],
    address: [componentClass('content-address')],
    details: ['open', 'align'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: [],
  },
  required: {},
};

/** URL schemes a link may use; anything else (`javascript:`, `data:`, `vbscript:`, `file:` ...) is refused. */
export const allowedSchemes: readonly string[] = contentSchema.protocols!.href!;

/** Why a URL is refused, or `undefined` when it is fine. */
export type UrlProblem = { kind: 'scheme'; scheme: string } | { kind: 'external-media'; host: string };

/**
 * Check a URL written in a version: its scheme, and for media whether it stays on this site.
 *
 * The URL is taken as a browser reads it (WHATWG URL standard: ASCII tab and newline removed,
 * leading control characters and spaces trimmed), so `java\tscript:` is `javascript:`. Character
 * references are already decoded: the value comes from the parsed tree, never from source text.
 *
 * @param url The URL from the tree (a link's `url`, an attribute's value).
 * @param media `true` for an image or media source: then anything but a site path is refused.
 * @returns The problem, or `undefined` when the URL is allowed.
 */
export function checkUrl(url: string, media: boolean): UrlProblem | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined && !allowedSchemes.includes(scheme)) return { kind: 'scheme', scheme };
  if (media && (scheme !== undefined || /^[\\/]{2}/.test(cleaned))) {
    const host = /^(?:[a-z]+:)?[\\/]{2}([^\\/?#]*)/i.exec(cleaned)?.[1] ?? cleaned;
    return { kind: 'external-media', host };
  }
  return undefined;
}
