/**
 * Issue 5 on the shared fixture site, built at as-of 2025-06-01: BEFORE the privacy statement's
 * upcoming version (2025-09-01) takes effect. Deep links, former anchors, the notice, feeds, the
 * JSON index, sitemap and robots.txt, each read from the built files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { readPage, text } from '../helpers/site.ts';

const site = inject('fixtureSite');
const origin = 'https://legal.example.test';
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category', 'url'].includes(name) });

describe('deep links at as-of 2025-06-01', () => {
  it('should send /go/<key>/ to the section of the current version with a meta refresh, a plain link, a canonical link and noindex', () => {
    const page = readPage(site, '/go/data-retention/');
    expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/privacy-statement/#data-retention');
    expect(page.querySelector('a[data-go-target]')!.getAttribute('href')).toBe('/privacy-statement/#data-retention');
    expect(text(page.querySelector('a[data-go-target]'))).toBe('continue to “Data retention”');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${origin}/privacy-statement/`);
    expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });

  it('should send a key without an anchor to the top of the document, and keys into other documents there', () => {
    expect(readPage(site, '/go/about-box/').querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/privacy-statement/');
    expect(readPage(site, '/go/cookie-settings/').querySelector('a[data-go-target]')!.getAttribute('href')).toBe('/cookie-notice/#cookies');
  });

  it('should land every deep link on an element of the target page', () => {
    for (const key of ['data-retention', 'contact-privacy', 'cookie-settings']) {
      const [path, anchor] = readPage(site, `/go/${key}/`).querySelector('a[data-go-target]')!.getAttribute('href')!.split('#');
      expect(readPage(site, path!).querySelector(`#${anchor}`), key).not.toBeNull();
    }
  });

  it('should keep a former anchor as a hidden target inside the renamed section\'s heading, in later versions too', () => {
    for (const path of ['/privacy-statement/', '/privacy-statement/2025-09-01/']) {
      const target = readPage(site, path).querySelector('#retention');
      expect(target?.parentNode?.getAttribute('id'), path).toBe('data-retention');
      expect(text(target)).toBe('');
    }
    expect(readPage(site, '/privacy-statement/2023-01-15/').querySelector('#retention')).toBeNull();
  });
});

describe('notice of the upcoming version at as-of 2025-06-01', () => {
  const expectNotice = (path: string, selector = '.upcoming-notice') => {
    const notice = readPage(site, path).querySelector(selector);
    expect(text(notice?.querySelector('.upcoming-notice__text')), path).toBe('An updated Privacy Statement takes effect on September 1, 2025. This is a material change.');
    expect(text(notice?.querySelector('.upcoming-notice__links'))).toBe('Read the updated text · See what changes');
    expect(notice!.querySelector('time')!.getAttribute('datetime')).toBe('2025-09-01');
    expect(notice!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/privacy-statement/2025-09-01/', '/privacy-statement/2025-09-01/changes/']);
  };

  it('should show the notice on the current version\'s pages, the home page and the history', () => {
    expectNotice('/privacy-statement/');
    expectNotice('/privacy-statement/2024-03-01/');
    expectNotice('/', '[data-document="privacy-statement"] .upcoming-notice');
    expectNotice('/privacy-statement/history/');
  });

  it('should not show it for documents without an upcoming version, nor on archived or upcoming pages', () => {
    expect(readPage(site, '/').querySelector('[data-document="terms-of-use"] .upcoming-notice')).toBeNull();
    for (const path of ['/terms-of-use/', '/privacy-statement/2023-01-15/', '/privacy-statement/2025-09-01/']) {
      expect(readPage(site, path).querySelector('.upcoming-notice'), path).toBeNull();
    }
  });

  it('should ship the superseded notice in the hidden status phase of the next version\'s date, with the site\'s time zone and an external script only', () => {
    const page = readPage(site, '/privacy-statement/');
    const notice = page.querySelector('.superseded-notice')!;
    const phase = notice.closest('[data-phase]')!;
    expect(phase.hasAttribute('hidden')).toBe(true);
    expect([phase.getAttribute('data-phase-of'), phase.getAttribute('data-phase')]).toEqual(['privacy-statement', '2025-09-01']);
    expect(page.querySelector('html')!.getAttribute('data-time-zone')).toBe('America/Los_Angeles');
    expect(page.querySelector('html')!.getAttribute('data-as-of')).toBe('2025-06-01');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/privacy-statement/2025-09-01/');
    const scripts = page.querySelectorAll('script:not([type="application/ld+json"])');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.getAttribute('src'), script.toString()).toMatch(/^\/_astro\/.+\.js$/);
    expect(readPage(site, '/privacy-statement/2023-01-15/').querySelector('.superseded-notice')).toBeNull();
  });
});

describe('feeds at as-of 2025-06-01', () => {
  it('should write a site-wide Atom feed with one entry per version, the upcoming one included', () => {
    const feed = xml.parse(read('feed.xml')).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${origin}/feed.xml`);
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${origin}/feed.xml`);
    expect(feed.updated).toBe('2025-05-20T00:00:00.000Z');
    expect(feed.author.name).toBe('Prodsmart');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([
      `${origin}/privacy-statement/2025-09-01/`,
      `${origin}/privacy-statement/2024-03-01/`,
      // The fixture's cookie notice was first published as `cookie-policy` (its formerIds): entry ids keep that id.
      `${origin}/cookie-policy/2024-01-10/`,
      `${origin}/terms-of-use/2023-06-01/`,
      `${origin}/privacy-statement/2023-01-15/`,
    ]);
    for (const entry of feed.entry) {
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    }
  });

  it('should give each entry its dates, summary, material flag and links to the version and its changes', () => {
    const entries = xml.parse(read('privacy-statement/feed.xml')).feed.entry;
    expect(entries).toHaveLength(3);
    const [upcoming, current, first] = entries;
    expect(upcoming.title['#text']).toBe('Privacy Statement: version effective September 1, 2025 (material change)');
    expect(upcoming.published).toBe('2025-05-20T00:00:00.000Z');
    expect(upcoming.summary['#text']).toBe('Adds California privacy rights.');
    expect(upcoming.category.map((c: Record<string, string>) => c['@term'])).toEqual(['privacy-statement', 'material-change']);
    expect(upcoming.link[0]['@href']).toBe(`${origin}/privacy-statement/2025-09-01/`);
    expect(upcoming.content['#text']).toContain(`<a href="${origin}/privacy-statement/2025-09-01/changes/">See what changed</a>`);
    expect(upcoming.content['#text']).toContain('Takes effect on September 1, 2025.');
    expect(current.updated).toBe('2024-04-02T00:00:00.000Z');
    expect(current.published).toBe('2024-03-01T00:00:00.000Z');
    // The first version is no change: neither "material" nor "not material".
    expect(first.category.map((c: Record<string, string>) => c['@term'])).toEqual(['privacy-statement', 'first-version']);
    expect(first.content['#text']).toContain('This is the first version.');
    expect(first.content['#text']).not.toContain('material change');
    expect(first.content['#text']).not.toContain('changes/');
  });

  it('should advertise the site-wide feed in every page\'s head', () => {
    expect(readPage(site, '/').querySelector('link[rel="alternate"][type="application/atom+xml"]')!.getAttribute('href')).toBe('/feed.xml');
  });
});

describe('JSON index at as-of 2025-06-01', () => {
  it('should list the documents in registry order with their current and upcoming versions, as the pages show them', () => {
    const index = json('api/documents.json');
    expect(index.schemaVersion).toBe(1);
    expect(index.asOf).toBe('2025-06-01');
    expect(index.documents.map((d: { id: string }) => d.id)).toEqual(['privacy-statement', 'terms-of-use', 'cookie-notice']);
    for (const document of index.documents) {
      const page = readPage(site, new URL(document.url).pathname);
      const [effective, lastUpdated] = page.querySelectorAll('.version__dates time').map((t) => t.getAttribute('datetime'));
      expect(document.current.effective, document.id).toBe(effective);
      expect(document.current.lastUpdated, document.id).toBe(lastUpdated);
      expect(readPage(site, new URL(document.current.url).pathname).querySelector('article')!.getAttribute('data-status')).toBe('current');
    }
    const [privacy, , cookies] = index.documents;
    expect(privacy.upcoming.map((v: { effective: string; published: string }) => [v.effective, v.published])).toEqual([['2025-09-01', '2025-05-20']]);
    expect(privacy.historyUrl).toBe(`${origin}/privacy-statement/history/`);
    expect(cookies.parent).toBe('privacy-statement');
    expect(cookies.kind).toBe('supplemental-notice');
  });

  it('should list the deep-link keys that point into each document, sorted, with their /go/ URLs', () => {
    const [privacy, terms, cookies] = json('api/documents.json').documents;
    expect(privacy.deepLinks.map((l: { key: string; anchor: string | null }) => [l.key, l.anchor])).toEqual([['about-box', null], ['contact-privacy', 'contact-us'], ['data-retention', 'data-retention']]);
    expect(privacy.deepLinks[2].url).toBe(`${origin}/go/data-retention/`);
    expect(privacy.deepLinks[2].target).toBe(`${origin}/privacy-statement/#data-retention`);
    expect(terms.deepLinks).toEqual([]);
    expect(cookies.deepLinks.map((l: { key: string }) => l.key)).toEqual(['cookie-settings']);
  });

  it('should list every version of a document with status, dates and the anchors its page has', () => {
    const detail = json('api/privacy-statement.json');
    expect(detail.schemaVersion).toBe(1);
    expect(detail.versions.map((v: { effective: string; status: string }) => [v.effective, v.status])).toEqual([['2025-09-01', 'upcoming'], ['2024-03-01', 'current'], ['2023-01-15', 'archived']]);
    for (const version of detail.versions) {
      const page = readPage(site, new URL(version.url).pathname);
      expect(page.querySelector('article')!.getAttribute('data-status')).toBe(version.status);
      expect(page.querySelector('.version__dates time')!.getAttribute('datetime')).toBe(version.effective);
      const ids = page.querySelectorAll('.version__body :is(h2, h3, h4, h5, h6)').map((h) => h.getAttribute('id'));
      expect(version.anchors.map((a: { id: string }) => a.id), version.effective).toEqual(ids);
    }
    expect(detail.versions[1].formerAnchors).toEqual({ retention: 'data-retention' });
    expect(detail.versions[2].inEffectUntil).toBe('2024-02-29');
    expect(detail.versions[2].changesUrl).toBeNull();
  });
});

describe('sitemap and robots.txt at as-of 2025-06-01', () => {
  const urls = () => xml.parse(read('sitemap-0.xml')).urlset.url as { loc: string; lastmod?: string }[];

  it('should list the pages with lastmod from version dates and leave out the /go/ redirects', () => {
    const lastmod = new Map(urls().map((u) => [u.loc, u.lastmod?.slice(0, 10)]));
    expect([...lastmod.keys()].some((loc) => loc.includes('/go/'))).toBe(false);
    expect(lastmod.get(`${origin}/privacy-statement/2023-01-15/`)).toBe('2024-03-01');
    expect(lastmod.get(`${origin}/privacy-statement/2024-03-01/`)).toBe('2025-05-20');
    expect(lastmod.get(`${origin}/privacy-statement/2025-09-01/`)).toBe('2025-05-20');
    expect(lastmod.get(`${origin}/terms-of-use/`)).toBe('2023-06-01');
    expect(lastmod.get(`${origin}/`)).toBe('2025-05-20');
  });

  it('should point robots.txt at the sitemap index', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap-index.xml\n`);
    expect(read('sitemap-index.xml')).toContain(`<loc>${origin}/sitemap-0.xml</loc>`);
  });
});

describe('deep links of the real content (content/links.yaml)', () => {
  const real = inject('realSite');

  it('should build a /go/ page for every key, each landing on an element of the current privacy statement', () => {
    const keys = ['about-box', 'california-privacy-rights', 'cookie-settings', 'data-retention', 'privacy-contact', 'privacy-rights'];
    const [document] = JSON.parse(readFileSync(join(real, 'api', 'documents.json'), 'utf8')).documents;
    expect(document.deepLinks.map((l: { key: string }) => l.key)).toEqual(keys);
    for (const key of keys) {
      const href = readPage(real, `/go/${key}/`).querySelector('a[data-go-target]')!.getAttribute('href')!;
      const [path, anchor] = href.split('#');
      expect(path, key).toBe('/privacy-statement/');
      if (anchor) expect(readPage(real, path!).querySelector(`.version__body #${anchor}`), key).not.toBeNull();
    }
    expect(readPage(real, '/go/cookie-settings/').querySelector('a[data-go-target]')!.getAttribute('href')).toBe('/privacy-statement/#information-we-obtain');
  });
});
