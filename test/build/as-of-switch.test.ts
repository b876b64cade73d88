/**
 * Issue 5 at the fixture corpus's switch: built ON the upcoming version's effective date
 * (2025-09-01) and AFTER it (2025-10-01, under the base path /legal/). The version becomes current
 * on its date, the notice disappears, deep links follow the new text, and every generated address
 * honours the base path. (BEFORE is the shared fixture site: deep-links-notice.test.ts.)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, readPage, type BuildRun } from '../helpers/site.ts';

const origin = 'https://legal.example.test';
let on: BuildRun;
let after: BuildRun;

beforeAll(() => {
  on = buildSite(`issue5-on-${process.pid}`, { LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: '2025-09-01' });
  after = buildSite(`issue5-after-${process.pid}`, { LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: '2025-10-01', LEGAL_BASE: '/legal/' });
});
afterAll(() => {
  for (const run of [on, after]) if (run) rmSync(run.outDir, { recursive: true, force: true });
});

describe('built on the effective date of the upcoming version (2025-09-01)', () => {
  it('should build', () => expect(on.status, on.stderr).toBe(0));

  it('should make the version current and archive the one before it', () => {
    expect(readPage(on.outDir, '/privacy-statement/').querySelector('article')!.getAttribute('data-effective')).toBe('2025-09-01');
    expect(readPage(on.outDir, '/privacy-statement/2024-03-01/').querySelector('article')!.getAttribute('data-status')).toBe('archived');
  });

  it('should no longer show a notice of an upcoming version, nor a superseded notice', () => {
    for (const path of ['/', '/privacy-statement/', '/privacy-statement/history/', '/privacy-statement/2024-03-01/']) {
      const page = readPage(on.outDir, path);
      expect(page.querySelector('.upcoming-notice'), path).toBeNull();
      expect(page.querySelector('.superseded-notice'), path).toBeNull();
    }
  });

  it('should send deep links to the section of the new current version, which has the new section too', () => {
    expect(readPage(on.outDir, '/go/data-retention/').querySelector('a[data-go-target]')!.getAttribute('href')).toBe('/privacy-statement/#data-retention');
    expect(readPage(on.outDir, '/privacy-statement/').querySelector('#california-privacy-rights')).not.toBeNull();
  });

  it('should report the new current version and no upcoming one in the JSON index', () => {
    const [privacy] = JSON.parse(readFileSync(join(on.outDir, 'api', 'documents.json'), 'utf8')).documents;
    expect(privacy.current.effective).toBe('2025-09-01');
    expect(privacy.current.url).toBe(`${origin}/privacy-statement/2025-09-01/`);
    expect(privacy.upcoming).toEqual([]);
  });
});

describe('built after the effective date (2025-10-01) under the base path /legal/', () => {
  it('should put links written from the site root in the text under the base (Markdown, MDX and raw HTML)', () => {
    expect(readPage(after.outDir, '/cookie-notice/').querySelector('.version__body a[href*="privacy-statement"]')!.getAttribute('href')).toBe('/legal/privacy-statement/');
    expect(readPage(after.outDir, '/terms-of-use/').querySelector('.version__body a[href*="privacy-statement"]')!.getAttribute('href')).toBe('/legal/privacy-statement/#information-we-collect');
  });

  it('should build', () => expect(after.status, after.stderr).toBe(0));

  it('should prefix deep links with the base path', () => {
    const page = readPage(after.outDir, '/go/data-retention/');
    expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/legal/privacy-statement/#data-retention');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${origin}/legal/privacy-statement/`);
  });

  it('should write no robots.txt under the base path, where no crawler looks, and say so at build time', () => {
    expect(existsSync(join(after.outDir, 'robots.txt'))).toBe(false);
    expect(`${after.stdout}${after.stderr}`).toContain(`robots.txt not written: the site is built under the base path /legal/, and crawlers read only ${origin}/robots.txt`);
    expect(`${after.stdout}${after.stderr}`).toContain(`Sitemap: ${origin}/legal/sitemap-index.xml`);
  });

  it('should write the sitemap, feeds and JSON with absolute URLs under the base path', () => {
    const read = (path: string) => readFileSync(join(after.outDir, path), 'utf8');
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(loc.startsWith(`${origin}/legal/`), loc).toBe(true);
    expect(read('privacy-statement/feed.xml')).toContain(`<link rel="self" href="${origin}/legal/privacy-statement/feed.xml"/>`);
    const index = JSON.parse(read('api/documents.json'));
    expect(index.documents[0].detailUrl).toBe(`${origin}/legal/api/privacy-statement.json`);
    expect(readPage(after.outDir, '/').querySelector('link[type="application/atom+xml"]')!.getAttribute('href')).toBe('/legal/feed.xml');
  });

  it('should validate every API file against the JSON Schema it names, as published by the build', () => {
    const read = (path: string) => JSON.parse(readFileSync(join(after.outDir, path), 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    for (const name of ['documents', 'document']) ajv.addSchema(read(`api/schema/${name}.json`));
    const files = ['api/documents.json', 'api/privacy-statement.json', 'api/terms-of-use.json'];
    for (const file of files) {
      const data = read(file);
      expect(data.$schema, file).toMatch(new RegExp(`^${origin}/legal/api/schema/documents?\\.json$`));
      const validate = ajv.getSchema(data.$schema)!;
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const privacy = read('api/privacy-statement.json');
    expect(privacy.feedUrl).toBe(`${origin}/legal/privacy-statement/feed.xml`);
    expect(privacy.deepLinks.find((link: { key: string }) => link.key === 'data-retention')).toMatchObject({ anchor: 'data-retention', title: expect.any(String) });
  });

  it('should let browser apps on any origin read the API where the host reads _headers', () => {
    expect(readFileSync(join(after.outDir, '_headers'), 'utf8')).toContain('/legal/api/*\n  Access-Control-Allow-Origin: *\n');
  });

  it('should give version pages schema.org JSON-LD and Open Graph title and description', () => {
    const page = readPage(after.outDir, '/privacy-statement/2024-03-01/');
    const blocks = page.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!.text)).toMatchObject({ '@type': 'DigitalDocument', version: '2024-03-01', url: `${origin}/legal/privacy-statement/2024-03-01/`, datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), dateModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toContain('Privacy Statement');
    expect(page.querySelector('meta[property="og:description"]')!.getAttribute('content')).toBe(page.querySelector('meta[name="description"]')!.getAttribute('content'));
    expect(readPage(after.outDir, '/privacy-statement/').querySelector('script[type="application/ld+json"]')).not.toBeNull();
    expect(readPage(after.outDir, '/').querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('should keep the feed\'s entries and dates: they do not depend on the as-of date', () => {
    const feed = readFileSync(join(after.outDir, 'feed.xml'), 'utf8');
    expect(feed).toContain('<updated>2025-05-20T00:00:00.000Z</updated>');
    expect(feed.match(/<entry>/g)).toHaveLength(5);
  });
});
