/**
 * Where an imported link should lead: a section of the version (renamed anchors followed), an
 * absolute address of the source site (root-relative links, which would otherwise point into this
 * site), or nowhere (a section the version does not have, which the content check refuses).
 */

/** What the importer knows about the version a link is in. */
export interface LinkContext {
  /** Every anchor of the version (headings, and the ids raw HTML sets in `.md`). */
  ids: ReadonlySet<string>;
  /** Anchor as written (or a former anchor) -> the anchor the version now has. */
  renamed: ReadonlyMap<string, string>;
  /** Origin of the source site (`https://docs.github.com`): root-relative links are made absolute with it. */
  site?: string;
  /** The source site's URL of this document: links to it become links to the version's own sections. */
  sourceUrl?: string;
}

/** What to do with one link target. */
export type LinkTarget =
  | { kind: 'keep' }
  /** Write `url` instead; `self` when it was an absolute address of this very document. */
  | { kind: 'rewrite'; url: string; self: boolean }
  /** A section of this version that does not exist: keep the text, drop the link. */
  | { kind: 'dead'; fragment: string }
  /** This document's own address without a section: a link to the page the reader is on. */
  | { kind: 'self' };

/**
 * Decide what a link target becomes.
 *
 * @param url The target as the parser decoded it (`#a-definitions`, `/site-policy`, `https://…`).
 * @param context The version's anchors and the source site.
 * @returns What to do; URLs are compared as the WHATWG URL standard parses them (host case, default
 *   port, `http:` versus `https:` and a trailing slash ignored; a leading language segment such as
 *   `/en/` ignored on both sides, as the source site serves every language at its own prefix).
 */
export function linkTarget(url: string, context: LinkContext): LinkTarget {
  const self = context.sourceUrl ? ownFragment(url, context.sourceUrl) : undefined;
  if (self === '') return { kind: 'self' };
  const local = self ?? (url.startsWith('#') ? safeDecode(url.slice(1)) : undefined);
  if (local !== undefined) {
    const now = context.renamed.get(local) ?? local;
    if (!context.ids.has(now)) return { kind: 'dead', fragment: local };
    return self !== undefined || now !== local ? { kind: 'rewrite', url: `#${now}`, self: self !== undefined } : { kind: 'keep' };
  }
  if (context.site && url.startsWith('/') && !url.startsWith('//')) return { kind: 'rewrite', url: context.site.replace(/\/+$/, '') + url, self: false };
  return { kind: 'keep' };
}

/**
 * The fragment of a URL that addresses the source document itself.
 *
 * @returns The decoded fragment (`''` when the URL has none), or `undefined` when the URL leads elsewhere.
 */
function ownFragment(url: string, sourceUrl: string): string | undefined {
  let target: URL;
  let source: URL;
  try {
    source = new URL(sourceUrl);
    target = new URL(url, source);
  } catch {
    return undefined;
  }
  if (!url.startsWith('/') && !/^https?:/i.test(url)) return undefined;
  if (!/^https?:$/.test(target.protocol) || target.host !== source.host) return undefined;
  if (pathKey(target.pathname) !== pathKey(source.pathname)) return undefined;
  return safeDecode(target.hash.replace(/^#/, ''));
}

/** A path without a trailing slash, a leading language segment (`/en`, `/pt-BR`) or case. */
function pathKey(path: string): string {
  return path.replace(/\/+$/, '').replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/)/i, '').toLowerCase();
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
