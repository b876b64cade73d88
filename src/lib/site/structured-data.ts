/**
 * Structured data for search engines and link previews (issue 16, "Search engines and sharing"): the
 * schema.org JSON-LD of a version page and the text of its `<script type="application/ld+json">` data block.
 *
 * A data block is not executed (HTML §4.12.1.1: a `type` that is not a JavaScript MIME type makes the element a
 * data block), so the Content-Security-Policy's `script-src` does not apply to it; see
 * docs/decisions/0008-site-security-policy.md. What does apply is the HTML parser: the block's text ends at the
 * first `</script` whatever JSON says, so the serialisation escapes `<`, `>` and `&` (and U+2028 / U+2029, which
 * older JavaScript JSON readers refuse) as `\uXXXX`, which JSON reads back as the same characters.
 */
import type { Document, Version } from './site-model.ts';

/** A schema.org `DigitalDocument` (https://schema.org/DigitalDocument) for one version of a document. */
export interface VersionJsonLd {
  '@context': 'https://schema.org';
  '@type': 'DigitalDocument';
  name: string;
  description: string;
  /** Absolute URL of the version's permanent page. */
  url: string;
  /** The effective date, `YYYY-MM-DD` (versions are named by it). */
  version: string;
  /** `published:` when recorded, else the effective date; `YYYY-MM-DD`. */
  datePublished: string;
  /** The last-updated date (latest correction), else `datePublished`; `YYYY-MM-DD`. */
  dateModified: string;
  inLanguage: 'en';
  publisher: { '@type': 'Organization'; name: string };
  isPartOf: { '@type': 'WebSite'; name: string; url: string };
}

/**
 * The JSON-LD of a version's page (at `/<document>/<date>/`, and at `/<document>/` for the version shown there).
 *
 * @param document The document (its description).
 * @param version The version (title, dates, URL with base).
 * @param where `site`: origin; `base`: base path; `company`: the publisher's name.
 */
export function versionJsonLd(document: Pick<Document, 'description'>, version: Pick<Version, 'title' | 'effective' | 'published' | 'lastUpdated' | 'url'>, where: { site: string; base: string; company: string }): VersionJsonLd {
  const datePublished = version.published ?? version.effective;
  return {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    name: version.title,
    description: document.description,
    url: new URL(version.url, where.site).href,
    version: version.effective,
    datePublished,
    dateModified: version.lastUpdated ?? datePublished,
    inLanguage: 'en',
    publisher: { '@type': 'Organization', name: where.company },
    isPartOf: { '@type': 'WebSite', name: `${where.company} Legal Centre`, url: new URL(where.base, where.site).href },
  };
}

/**
 * Serialise JSON for the inside of an HTML `<script type="application/ld+json">`.
 *
 * @param data Any JSON value.
 * @returns `JSON.stringify(data)` with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes: the same
 *   JSON value, and text in which the HTML parser can find no `</script`, `<!--` or character reference.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
