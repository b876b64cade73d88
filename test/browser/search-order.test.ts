/**
 * The version in force comes first among its document's search results, in Chromium, on a fixture
 * built to reproduce each case where Pagefind's own ranking puts another version first
 * (test/fixtures/search-order, as of 2025-06-01): a current text longer than its archived versions,
 * a current text that says the term less often, and an upcoming version holding the same passage in a
 * shorter text. Under a result, the section holding the searched phrase is listed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, serveSite, type StaticServer } from '../helpers/browser.ts';
import { openSearch, until } from '../helpers/search-page.ts';
import { buildSite, root, type BuildRun } from '../helpers/site.ts';

const available = browserAvailable();
const content = join(root, 'test', 'fixtures', 'search-order');

/**
 * Run a search with Pagefind's own JavaScript API in the page, without the search page's order.
 * Written as a string: Vitest would rewrite an `import()` in a function passed to the page.
 *
 * @returns Each result, best first: its URL and, per section (the page itself first), URL and hit count.
 */
async function pagefindSearch(page: Page, query: string, filters: Record<string, unknown> = {}): Promise<{ url: string; sections: [url: string, hits: number][] }[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
    return Promise.all(found.results.map(async (result) => {
      const data = await result.data();
      return { url: data.url, sections: data.sub_results.map((s) => [s.url, s.locations.length]) };
    }));
  })()`);
}

/** The URLs Pagefind itself ranks for a search, best first. */
async function pagefindOrder(page: Page, query: string, filters: Record<string, unknown>): Promise<string[]> {
  return (await pagefindSearch(page, query, filters)).map((result) => result.url);
}

describe.skipIf(!available)('the order of search results in Chromium', () => {
  let build: BuildRun;
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    build = buildSite(`search-order-${process.pid}`, { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2025-06-01' });
    if (build.status !== 0) throw new Error(`The search-order fixture did not build:\n${build.stderr}`);
    [browser, server] = await Promise.all([launchBrowser(), serveSite(build.outDir)]);
    // Tall enough that Pagefind renders every result at once (it loads results as they scroll into view).
    page = await browser.newPage({ viewport: { width: 1280, height: 4000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  const cases = [
    { what: 'longer than its archived versions', query: 'heron rule', archived: true, document: 'longer-current', others: ['2023-06-01', '2023-01-01', '2022-01-01', '2021-01-01'] },
    { what: 'saying the term less often than its archived versions', query: 'osprey data', archived: true, document: 'fewer-mentions', others: ['2023-06-01', '2023-01-01', '2022-01-01', '2021-01-01'] },
    { what: 'with an upcoming version holding the same passage in a shorter text', query: 'kestrel passage', archived: false, document: 'identical-upcoming', others: ['2025-09-01'] },
  ];

  for (const { what, query, archived, document, others } of cases) {
    it(`should list the version in force first, then upcoming and archived ones newest first, for a current text ${what}`, async () => {
      await page.goto(server.url);
      const expected = [`/${document}/`, ...others.map((date) => `/${document}/${date}/`)];
      // The fixture reproduces the case: Pagefind alone ranks the text in force last.
      const ranked = await pagefindOrder(page, query, archived ? {} : { status: { any: ['current', 'upcoming'] } });
      expect([...ranked].sort()).toEqual([...expected].sort());
      expect(ranked.at(-1)).toBe(`/${document}/`);

      await openSearch(page, server.url, query, archived);
      await until(page, query, expected);
      const shown = await page.locator('li.search-result .search-result__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(shown).toEqual(expected);
      expect(await page.locator('li.search-result').first().getAttribute('data-status')).toBe('current');
    });
  }

  it('should keep each document in the places Pagefind ranked it, the version in force first in each, when several documents match', async () => {
    await page.goto(server.url);
    const ranked = await pagefindOrder(page, 'service', {});
    const documentOf = (url: string) => url.split('/')[1]!;
    const documents = [...new Set(ranked.map(documentOf))];
    expect(documents.length).toBeGreaterThan(1);
    expect(documents.some((document) => ranked.find((url) => documentOf(url) === document) !== `/${document}/`)).toBe(true);

    await openSearch(page, server.url, 'service', true);
    const shown = (await until(page, 'service', ranked)).map((result) => result.href);
    expect(shown.map(documentOf)).toEqual(ranked.map(documentOf));
    for (const document of documents) expect(shown.find((url) => documentOf(url) === document), document).toBe(`/${document}/`);
  });

  it('should list under a result the section holding the searched phrase, though three others hold more of its words', async () => {
    await page.goto(server.url);
    // Pagefind's own choice (the three sections with the most hits) leaves the phrase's section out.
    const { sections } = (await pagefindSearch(page, 'lantern harbour'))[0]!;
    const byHits = sections.slice(1).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([url]) => url);
    expect(byHits).not.toContain('/phrase-sections/#location');

    await openSearch(page, server.url, 'lantern harbour');
    const [result] = await until(page, 'lantern harbour', ['/phrase-sections/']);
    expect(result!.sections).toContain('/phrase-sections/#location');
    expect(result!.sections).toHaveLength(3);
    await page.locator('a.search-result__section-link[href="/phrase-sections/#location"]').click();
    await page.waitForURL(`${server.url}phrase-sections/#location`);
    expect(await page.locator('#location').innerText()).toContain('Location');
  });
});
