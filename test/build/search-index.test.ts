import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { readPage, text } from '../helpers/site.ts';

const site = inject('fixtureSite');

/** Every built page, as a site path (`/privacy-statement/2023-01-15/`). */
function pages(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      else if (entry.name === 'index.html') found.push(`/${relative(dir, folder).split(sep).join('/')}/`.replace('//', '/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The records of the written index: Pagefind's fragments are gzip files with a `pagefind_dcd` prefix. */
function fragments(dir: string): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string>; anchors: { id: string; text: string }[] }[] {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => JSON.parse(gunzipSync(readFileSync(join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '')));
}

describe('search index of the fixture site (as of 2025-06-01)', () => {
  it('should index each version once: the current one at /<document>/, archived and upcoming ones at their own page', () => {
    const indexed = pages(site).filter((path) => readPage(site, path).querySelector('[data-pagefind-body]') !== null);
    expect(indexed).toEqual(['/cookie-notice/', '/privacy-statement/', '/privacy-statement/2023-01-15/', '/privacy-statement/2025-09-01/', '/terms-of-use/']);
    expect(fragments(site).map((f) => f.url).sort()).toEqual(indexed);
  });

  it('should not index the home, history, search or 404 pages, nor the version page of a current version', () => {
    for (const path of ['/', '/privacy-statement/history/', '/search/', '/privacy-statement/2024-03-01/', '/terms-of-use/2023-06-01/']) {
      expect(readPage(site, path).querySelector('[data-pagefind-body]'), path).toBeNull();
    }
    expect(readFileSync(join(site, '404.html'), 'utf8')).not.toContain('data-pagefind-body');
  });

  it('should index only the version text: no banner, table of contents, header, footer or heading anchor links', () => {
    const archived = fragments(site).find((f) => f.url === '/privacy-statement/2023-01-15/')!;
    expect(archived.content).toContain('The obsolete walrus provision applies only here.');
    const page = readPage(site, '/privacy-statement/2023-01-15/');
    for (const chrome of ['.banner', '.toc', '.site-header', '.site-footer']) {
      const words = text(page.querySelector(chrome));
      expect(words, chrome).not.toBe('');
      expect(archived.content, chrome).not.toContain(words.slice(0, 40));
    }
    expect(archived.content).not.toContain('Link to this section');
    expect(archived.anchors.map((a) => [a.id, a.text])).toContainEqual(['how-we-use-information', 'How we use information']);
  });

  it('should give each indexed version its document, kind and status filters and its title and effective date', () => {
    const byUrl = new Map(fragments(site).map((f) => [f.url, f]));
    expect(byUrl.get('/privacy-statement/')!.filters).toEqual({ document: ['privacy-statement'], kind: ['statement'], status: ['current'] });
    expect(byUrl.get('/privacy-statement/2023-01-15/')!.filters.status).toEqual(['archived']);
    expect(byUrl.get('/privacy-statement/2025-09-01/')!.filters.status).toEqual(['upcoming']);
    expect(byUrl.get('/cookie-notice/')!.filters).toEqual({ document: ['cookie-notice'], kind: ['supplemental-notice'], status: ['current'] });
    expect(byUrl.get('/cookie-notice/')!.meta).toMatchObject({ title: 'Cookie Notice for Websites', effective: '2024-01-10' });
    expect(byUrl.get('/privacy-statement/2023-01-15/')!.meta).toMatchObject({ title: 'Privacy Statement', effective: '2023-01-15' });
  });

  it('should serve Pagefind and its Component UI from the site itself', () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'wasm.en.pagefind']) {
      expect(existsSync(join(site, 'pagefind', file)), file).toBe(true);
    }
    const search = readPage(site, '/search/');
    expect(search.querySelector('script[src="/pagefind/pagefind-component-ui.js"]')).not.toBeNull();
    expect(search.querySelector('pagefind-config')?.getAttribute('bundle-path')).toBe('/pagefind/');
    expect(search.querySelectorAll('script:not([src])').filter((s) => s.getAttribute('type') !== 'application/ld+json')).toEqual([]);
  });

  it('should put a search form that works without JavaScript in the header of every page', () => {
    for (const path of pages(site)) {
      const form = readPage(site, path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), path).toBe('/search/');
      expect(form?.getAttribute('method'), path).toBe('get');
      expect(form?.querySelector('input[name="q"]'), path).not.toBeNull();
      expect(form?.querySelector(`label[for="${form?.querySelector('input')?.id}"]`), path).not.toBeNull();
    }
  });

  it('should tell readers without JavaScript that search needs it, and link every document', () => {
    const notice = readPage(site, '/search/').querySelector('[data-search-nojs]')!;
    expect(text(notice)).toContain('Search needs JavaScript');
    expect(notice.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/privacy-statement/', '/terms-of-use/', '/cookie-notice/']));
    expect(readPage(site, '/search/').querySelector('[data-search-app]')?.hasAttribute('hidden')).toBe(true);
  });
});
