/**
 * A renamed document (issue 13, "Deep links"): the fixture document `terms` is locked, then renamed
 * `terms-of-service` with `formerIds: [terms]` and the lock left as it was. The site builds, and
 * every address `terms` had answers: pages with a redirect page to the same page under the new id,
 * data files (feed, API, blocks) with the same data; the sitemap lists no old address, the search
 * indexes none, and feed ids stay those minted under `terms`. In Chromium, an old address takes the
 * reader to the new one with its query string and fragment.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, serveSite } from '../helpers/browser.ts';
import { buildSite, readPage, writeContent, type BuildRun } from '../helpers/site.ts';
import { lockFor, version } from '../lib/editor-sources.ts';

const origin = 'https://legal.example.test';
const asOf = '2025-06-01';
const registry = (terms: string) => `documents:
  - id: privacy-statement
    title: Privacy Statement
    kind: statement
    description: How we handle personal data.
${terms}`;
const before = registry('  - id: terms\n    title: Terms of Service\n    kind: terms\n    description: The rules.\n');
const after = registry('  - id: terms-of-service\n    title: Terms of Service\n    kind: terms\n    description: The rules.\n    formerIds: [terms]\n');
const versions = {
  '2023-01-01.mdx': version('material: false', '## Acceptable use {#acceptable-use}\n\nBe kind.\n\n## Contact us {#contact-us}\n\nWrite to us at 1 Markt Street.'),
  '2024-01-01.mdx': version(
    'summary: Adds a section on accounts.\nmaterial: false\ncorrections:\n  - date: 2024-02-01\n    reason: Fixes a typo in the address.\n    changed:\n      - from: "1 Markt Street"\n        to: "1 Market Street"',
    '## Acceptable use {#acceptable-use}\n\nBe kind.\n\n## Accounts {#accounts}\n\nKeep your password safe.\n\n## Contact us {#contact-us}\n\nWrite to us at 1 Market Street.',
  ),
};
const privacy = { 'privacy-statement/2024-01-01.mdx': version('material: false', '## What we collect {#what-we-collect}\n\nNames. See the [terms](/terms/#accounts).') };
const locked = { 'documents.yaml': before, ...privacy, ...Object.fromEntries(Object.entries(versions).map(([name, text]) => [`terms/${name}`, text])) };
/** The content after the rename: versions moved to the new folder, the lock as it was before. */
const renamed = {
  'documents.yaml': after,
  ...privacy,
  ...Object.fromEntries(Object.entries(versions).map(([name, text]) => [`terms-of-service/${name}`, text])),
  'versions.lock': lockFor(locked),
};

let run: BuildRun;
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
beforeAll(() => {
  run = buildSite(`former-ids-${process.pid}`, { LEGAL_CONTENT_DIR: writeContent(`former-ids-${process.pid}`, renamed), LEGAL_AS_OF: asOf });
  cleanup.push(run.outDir);
});

/** Every file under a folder of the built site, relative to that folder, sorted. */
function filesUnder(folder: string): string[] {
  const dir = join(run.outDir, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}
const read = (path: string) => readFileSync(join(run.outDir, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url'].includes(name) });

describe('a document renamed with formerIds', () => {
  it('should build, with the lock still under the old id', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
  });

  it('should write every file of the new id under the old id too, and nothing else', () => {
    const now = filesUnder('terms-of-service');
    expect(now).toEqual(expect.arrayContaining(['index.html', 'history/index.html', 'compare/index.html', 'feed.xml', '2024-01-01/changes/index.html', '2024-01-01/corrections/index.html', '2023-01-01/blocks.json']));
    expect(filesUnder('terms')).toEqual(now);
  });

  it('should answer every old page address with a redirect page to the same page under the new id', () => {
    const pages = filesUnder('terms').filter((file) => file.endsWith('index.html')).map((file) => `/${file.replace(/index\.html$/, '')}`);
    expect(pages).toHaveLength(7);
    for (const path of pages) {
      const page = readPage(run.outDir, `/terms${path}`);
      const to = `/terms-of-service${path}`;
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), path).toBe(`0; url=${to}`);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(`${origin}${to}`);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content'), path).toBe('noindex');
      expect(page.querySelector('a[data-moved-target]')?.getAttribute('href'), path).toBe(to);
      expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]'), path).not.toBeNull();
      expect(page.querySelector('[data-pagefind-body]'), path).toBeNull();
      const scripts = page.querySelectorAll('script');
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script.getAttribute('src'), `${path}: no inline script`).toMatch(/^\/_astro\/.+\.js$/);
    }
  });

  it('should name each page it sends the reader to', () => {
    expect(readPage(run.outDir, '/terms/2024-01-01/changes/').querySelector('h1')?.textContent).toBe('Changes to Terms of Service effective January 1, 2024');
    expect(readPage(run.outDir, '/terms/compare/').querySelector('h1')?.textContent).toBe('Compare versions of Terms of Service');
  });

  it('should serve the same feed at the old address, with the ids minted under the old id and links to the new one', () => {
    expect(read('terms/feed.xml')).toBe(read('terms-of-service/feed.xml'));
    const feed = xml.parse(read('terms-of-service/feed.xml')).feed;
    expect(feed.id).toBe(`${origin}/terms/feed.xml`);
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${origin}/terms-of-service/feed.xml`);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([`${origin}/terms/2024-01-01/`, `${origin}/terms/2023-01-01/`]);
    expect(feed.entry.map((e: { link: Record<string, string>[] }) => e.link[0]!['@href'])).toEqual([`${origin}/terms-of-service/2024-01-01/`, `${origin}/terms-of-service/2023-01-01/`]);
    const site = xml.parse(read('feed.xml')).feed;
    expect(site.entry.map((e: { id: string }) => e.id)).toContain(`${origin}/terms/2023-01-01/`);
  });

  it('should serve the old API address with the same index and where it moved, and list former ids in documents.json', () => {
    const old = JSON.parse(read('api/terms.json'));
    const now = JSON.parse(read('api/terms-of-service.json'));
    expect(old.movedTo).toBe(`${origin}/api/terms-of-service.json`);
    const { movedTo: _, ...rest } = old;
    expect(rest).toEqual(now);
    expect(now.formerIds).toEqual(['terms']);
    const index = JSON.parse(read('api/documents.json'));
    expect(index.documents.map((d: { id: string; formerIds: string[] }) => [d.id, d.formerIds])).toEqual([['privacy-statement', []], ['terms-of-service', ['terms']]]);
  });

  it('should serve the same blocks at the old address', () => {
    expect(read('terms/2024-01-01/blocks.json')).toBe(read('terms-of-service/2024-01-01/blocks.json'));
  });

  it('should list no old address in the sitemap', () => {
    const urls = (xml.parse(read('sitemap-0.xml')).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(urls).toContain(`${origin}/terms-of-service/2024-01-01/changes/`);
    expect(urls.filter((url) => url.startsWith(`${origin}/terms/`))).toEqual([]);
  });

  it('should keep old addresses out of the search index', () => {
    const indexed = readFileSync(join(run.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
    expect(JSON.parse(indexed).languages.en.page_count).toBe(3);
  });
});

describe.skipIf(!browserAvailable())('an old address in Chromium', () => {
  it('should take the reader to the new address with the query string and fragment of the old one', async () => {
    const [browser, server] = await Promise.all([launchBrowser(), serveSite(run.outDir)]);
    try {
      const page = await (await browser.newContext()).newPage();
      const errors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      await page.goto(`${server.url}terms/compare/?from=2023-01-01&to=2024-01-01#changes`);
      await page.waitForURL(`${server.url}terms-of-service/compare/?from=2023-01-01&to=2024-01-01#changes`);
      await page.goto(`${server.url}terms/2023-01-01/#contact-us`);
      await page.waitForURL(`${server.url}terms-of-service/2023-01-01/#contact-us`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('contact-us');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('should take the reader to the new address without JavaScript', async () => {
    const [browser, server] = await Promise.all([launchBrowser(), serveSite(run.outDir)]);
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await page.goto(`${server.url}terms/history/`);
      await page.waitForURL(`${server.url}terms-of-service/history/`);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
