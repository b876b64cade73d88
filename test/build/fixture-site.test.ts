import { inject, describe, expect, it } from 'vitest';
import { readPage, text } from '../helpers/site.ts';

const site = inject('fixtureSite');

describe('fixture site at as-of date 2025-06-01', () => {
  it('should list every document on the home page in registry order with its current effective date', () => {
    const home = readPage(site, '/');
    const cards = home.querySelectorAll('.document-card');
    expect(cards.map((c) => c.getAttribute('data-document'))).toEqual(['privacy-statement', 'terms-of-use', 'cookie-notice']);
    expect(text(cards[0])).toContain('Effective March 1, 2024');
    expect(cards[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-01');
    expect(cards[0]!.querySelector('a[href="/privacy-statement/history/"]')).not.toBeNull();
  });

  it('should show the current version at /<document>/ with effective and last-updated dates as <time>', () => {
    const page = readPage(site, '/privacy-statement/');
    const dates = page.querySelectorAll('.version__dates time');
    expect(dates.map((t) => [t.getAttribute('datetime'), t.textContent])).toEqual([
      ['2024-03-01', 'March 1, 2024'],
      ['2024-04-02', 'April 2, 2024'],
    ]);
    expect(text(page.querySelector('.version__dates'))).toBe('Effective March 1, 2024 Last updated April 2, 2024');
    expect(page.querySelector('#data-retention')).not.toBeNull();
    expect(page.querySelector('#california-privacy-rights')).toBeNull();
    expect(page.querySelector('a[href="/privacy-statement/history/"]')).not.toBeNull();
  });

  it('should keep links written from the site root as written when the site is at the root', () => {
    expect(readPage(site, '/cookie-notice/').querySelector('.version__body a[href*="privacy-statement"]')!.getAttribute('href')).toBe('/privacy-statement/');
    expect(readPage(site, '/terms-of-use/').querySelector('.version__body a[href*="privacy-statement"]')!.getAttribute('href')).toBe('/privacy-statement/#information-we-collect');
  });

  it('should default last updated to the effective date', () => {
    const page = readPage(site, '/terms-of-use/');
    expect(page.querySelectorAll('.version__dates time').map((t) => t.getAttribute('datetime'))).toEqual(['2023-06-01', '2023-06-01']);
  });

  it('should build a table of contents linking every section anchor, and a visible anchor link per heading', () => {
    const page = readPage(site, '/privacy-statement/');
    const toc = page.querySelectorAll('.toc a').map((a) => a.getAttribute('href'));
    expect(toc).toEqual(['#information-we-collect', '#how-we-use-information', '#data-retention', '#contact-us']);
    for (const href of toc) {
      const heading = page.querySelector(href!);
      expect(heading?.querySelector(`a.anchor-link[href="${href}"]`)).not.toBeNull();
    }
  });

  it('should mark an archived version with the dates it was in effect and links to current, next and history', () => {
    const page = readPage(site, '/privacy-statement/2023-01-15/');
    const banner = page.querySelector('.banner--archived');
    expect(text(banner)).toContain('This version was in effect from January 15, 2023 to February 29, 2024.');
    const links = banner!.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/privacy-statement/', '/privacy-statement/2024-03-01/', '/privacy-statement/history/']);
    expect(page.querySelector('#how-we-use-information')).not.toBeNull();
  });

  it('should build an upcoming version at its URL, say when it takes effect, and never show it as current', () => {
    const page = readPage(site, '/privacy-statement/2025-09-01/');
    expect(text(page.querySelector('.banner--upcoming'))).toContain('This version takes effect on September 1, 2025.');
    expect(page.querySelector('article')!.getAttribute('data-status')).toBe('upcoming');
    expect(readPage(site, '/privacy-statement/').querySelector('article')!.getAttribute('data-effective')).toBe('2024-03-01');
  });

  it('should say on the current version\'s dated page, in the words of the document page, that it is the version in effect', () => {
    const said = (path: string) => text(readPage(site, path).querySelector('.banner'));
    expect(said('/privacy-statement/2024-03-01/')).toBe('Current version. This is the version in effect as of June 1, 2025.');
    expect(said('/privacy-statement/')).toBe(said('/privacy-statement/2024-03-01/'));
    expect(said('/terms-of-use/2023-06-01/')).toBe('Current version. This is the version in effect as of June 1, 2025.');
    expect(readPage(site, '/privacy-statement/2024-03-01/').querySelector('.banner')!.closest('[hidden]')).toBeNull();
  });

  it('should carry, hidden for the script, what the dated pages say once the upcoming version takes effect', () => {
    const later = (path: string) => readPage(site, path).querySelector('[data-phase-of="privacy-statement"][data-phase="2025-09-01"][hidden] .banner');
    expect(text(later('/privacy-statement/2025-09-01/'))).toBe('Current version. This is the version in effect as of September 1, 2025.');
    expect(text(later('/privacy-statement/2024-03-01/'))).toContain('Archived version. This version was in effect from March 1, 2024 to August 31, 2025.');
    expect(readPage(site, '/privacy-statement/2023-01-15/').querySelector('[data-phase-of]')).toBeNull();
  });

  it('should list every version newest first on the history page with status, summary and material flag', () => {
    const page = readPage(site, '/privacy-statement/history/');
    const items = page.querySelectorAll('.history__item');
    expect(items.map((i) => [i.getAttribute('data-effective'), i.getAttribute('data-status')])).toEqual([
      ['2025-09-01', 'upcoming'],
      ['2024-03-01', 'current'],
      ['2023-01-15', 'archived'],
    ]);
    expect(text(items[1])).toContain('Adds a section on data retention');
    expect(items[1]!.querySelector('.badge--material')).not.toBeNull();
    expect(items[2]!.querySelector('.badge--material')).toBeNull();
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('/privacy-statement/2025-09-01/');
  });

  it('should render .md versions and honour a per-version title override', () => {
    expect(text(readPage(site, '/terms-of-use/').querySelector('h1'))).toBe('Terms of Use');
    expect(text(readPage(site, '/cookie-notice/').querySelector('h1'))).toBe('Cookie Notice for Websites');
  });

  it('should give every page a canonical link to its own absolute URL, and the 404 page none (it has no address of its own)', () => {
    for (const path of ['/', '/privacy-statement/', '/privacy-statement/2023-01-15/', '/privacy-statement/history/']) {
      const canonical = readPage(site, path).querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, path).toBe(`https://legal.example.test${path}`);
    }
    expect(readPage(site, '/404.html').querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('should build a 404 page that links the documents', () => {
    const page = readPage(site, '/404.html');
    expect(text(page.querySelector('h1'))).toBe('Page not found');
    expect(page.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('/cookie-notice/');
  });

  it('should load no script and no resource from another host', () => {
    for (const path of ['/', '/privacy-statement/', '/privacy-statement/history/']) {
      const page = readPage(site, path);
      const urls = [...page.querySelectorAll('link[href], script[src], img[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src'));
      expect(urls.filter((u) => /^https?:/.test(u!) && !u!.startsWith('https://legal.example.test'))).toEqual([]);
    }
  });
});
