/**
 * Structured data on version pages (issue 16, "Search engines and sharing"): a schema.org DigitalDocument with
 * its version and dates, and a data block the HTML parser cannot be broken out of, whatever a (hostile) title
 * says: parsed back with parse5, the `<script>` holds exactly the JSON that was meant, and nothing follows it.
 */
import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { jsonLdText, versionJsonLd } from '../../src/lib/site/structured-data.ts';

const where = { site: 'https://legal.example.test', base: '/legal/', company: 'Prodsmart' };
const version = { title: 'Terms', effective: '2024-01-01', published: '2023-11-20', lastUpdated: '2024-02-01', url: '/legal/terms/2024-01-01/' };

/** The children of `<head>` after parsing `<head><script type=application/ld+json>TEXT</script></head>` as HTML. */
function parsedHead(text: string) {
  const html = parse(`<!doctype html><html><head><script type="application/ld+json">${text}</script><meta name="after"></head><body></body></html>`);
  const head = (html.childNodes.find((n) => n.nodeName === 'html') as any).childNodes.find((n: any) => n.nodeName === 'head');
  return head.childNodes as any[];
}

describe('versionJsonLd', () => {
  it('should describe the version with its effective date as version and its publication and last-updated dates', () => {
    expect(versionJsonLd({ description: 'The rules.' }, version, where)).toMatchObject({
      '@context': 'https://schema.org', '@type': 'DigitalDocument', name: 'Terms', description: 'The rules.',
      url: 'https://legal.example.test/legal/terms/2024-01-01/', version: '2024-01-01', datePublished: '2023-11-20', dateModified: '2024-02-01',
      publisher: { '@type': 'Organization', name: 'Prodsmart' }, isPartOf: { url: 'https://legal.example.test/legal/' },
    });
  });

  it('should fall back to the effective date when no publication or correction date is recorded', () => {
    const ld = versionJsonLd({ description: 'D' }, { ...version, published: undefined, lastUpdated: undefined }, where);
    expect([ld.datePublished, ld.dateModified]).toEqual(['2024-01-01', '2024-01-01']);
  });
});

describe('jsonLdText', () => {
  it('should keep a hostile title inside the data block', () => {
    const title = 'Terms</script><script>alert(1)</script><!-- \u2028\u2029 &amp; </SCRIPT >';
    const text = jsonLdText(versionJsonLd({ description: '<b>"x"</b>' }, { ...version, title }, where));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const [script, after] = parsedHead(text);
    expect(script.nodeName).toBe('script');
    expect(JSON.parse(script.childNodes[0].value).name).toBe(title);
    expect(after.nodeName).toBe('meta');
  });

  it('should give back the same JSON value for any string, and never let the parser leave the block', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '/', 's', 'c', 'r', 'i', 'p', 't', '>', '!', '-', '&', '\u2028', '\u2029', '"', '\\', 'S', ' ') }), (value) => {
        const text = jsonLdText({ value });
        const nodes = parsedHead(text);
        return nodes.length === 2 && nodes[0].nodeName === 'script' && JSON.parse(nodes[0].childNodes[0].value).value === value;
      }),
    );
  });
});
