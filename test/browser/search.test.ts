/**
 * Search in a real browser (Debian Chromium via playwright-core): the search page runs Pagefind's
 * Component UI against the index the build wrote, on the real content, on the fixture corpus, and on
 * the fixture corpus built under the base path /legal/.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser, serveSite, type StaticServer } from '../helpers/browser.ts';
import { buildSite, fixtureAsOf, fixtureContent } from '../helpers/site.ts';
import { openSearch, until } from '../helpers/search-page.ts';

const available = browserAvailable();

/** Press Tab until `selector` has focus (at most 20 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.skipIf(!available)('search in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let real: StaticServer;
  let fixture: StaticServer;
  let based: StaticServer | undefined;
  const basedDir = `search-base-${process.pid}`;
  let basedOut = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    real = await serveSite(inject('realSite'));
    fixture = await serveSite(inject('fixtureSite'));
  });
  afterAll(async () => {
    await browser?.close();
    await real?.close();
    await fixture?.close();
    await based?.close();
    if (basedOut) rmSync(basedOut, { recursive: true, force: true });
  });
  beforeAll(async () => {
    page = await browser.newPage();
  });

  it('should find "california" in the real privacy statement with a section result that lands on #california-privacy-rights', async () => {
    await openSearch(page, real.url, 'california');
    const [result] = await until(page, 'california', ['/privacy-statement/']);
    expect(result!.sections).toContain('/privacy-statement/#california-privacy-rights');
    await page.locator('a.search-result__section-link[href="/privacy-statement/#california-privacy-rights"]').click();
    await page.waitForURL(`${real.url}privacy-statement/#california-privacy-rights`);
    expect(await page.locator('#california-privacy-rights').innerText()).toContain('California');
  });

  it('should give one result for the current text of a phrase in every version, plus the labelled upcoming version, by default', async () => {
    await openSearch(page, fixture.url, 'zebra clause');
    // Not also /privacy-statement/2024-03-01/: the current version is indexed at /privacy-statement/ only.
    const shown = await until(page, 'zebra clause', ['/privacy-statement/', '/privacy-statement/2025-09-01/']);
    expect(shown.map((r) => [r.href, r.status, r.label]).sort()).toEqual([
      ['/privacy-statement/', 'current', 'Current · Version in effect since March 1, 2024'],
      ['/privacy-statement/2025-09-01/', 'upcoming', 'Upcoming · Version taking effect September 1, 2025'],
    ]);
  });

  it('should give one result per version of a phrase in every version once archived versions are included', async () => {
    await openSearch(page, fixture.url, 'zebra clause');
    await until(page, 'zebra clause', ['/privacy-statement/', '/privacy-statement/2025-09-01/']);
    await page.getByLabel('Include archived versions').check();
    const shown = await until(page, 'zebra clause', ['/privacy-statement/', '/privacy-statement/2023-01-15/', '/privacy-statement/2025-09-01/']);
    expect(shown.find((r) => r.status === 'archived')).toMatchObject({ href: '/privacy-statement/2023-01-15/', label: 'Archived · Version effective January 15, 2023' });
    expect(shown.map((r) => r.status)).toEqual(['current', 'upcoming', 'archived']); // the same words rank lower in archived text
    expect(new URL(page.url()).search).toBe('?q=zebra+clause&archived=1');
  });

  it('should find a phrase only in an archived version only when archived versions are included', async () => {
    await openSearch(page, fixture.url, 'walrus provision');
    await until(page, 'walrus provision', []);
    expect(await page.locator('pagefind-summary').innerText()).toContain('No results for walrus provision');
    await openSearch(page, fixture.url, 'walrus provision', true);
    const shown = await until(page, 'walrus provision', ['/privacy-statement/2023-01-15/']);
    expect(shown[0]!.status).toBe('archived');
    expect(await page.getByLabel('Include archived versions').isChecked()).toBe(true);
    await page.getByLabel('Include archived versions').uncheck();
    await until(page, 'walrus provision', []);
    expect(new URL(page.url()).search).toBe('?q=walrus+provision');
  });

  // Retried: on a loaded machine Pagefind can re-render results between two key presses (timing, not behaviour).
  it('should work with the keyboard alone: header box, search page box, arrow down to a result, Enter', { retry: 2 }, async () => {
    await page.goto(fixture.url);
    await tabTo(page, 'header input[name="q"]');
    await page.keyboard.type('zebra');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${fixture.url}search/?q=zebra`);
    await until(page, 'zebra', ['/privacy-statement/', '/privacy-statement/2025-09-01/']);
    expect(await page.locator('header input[name="q"]').inputValue()).toBe('zebra');

    await tabTo(page, 'pagefind-input input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('walrus');
    await tabTo(page, '[data-search-archived]');
    await page.keyboard.press('Space');
    await until(page, 'walrus', ['/privacy-statement/2023-01-15/']);
    expect(await page.locator('header input[name="q"]').inputValue()).toBe('walrus');
    // The typed query's debounced search may still be in flight and re-render the results after the
    // checkbox's search: let every fragment load settle before moving through the results.
    await page.waitForLoadState('networkidle');
    await until(page, 'walrus', ['/privacy-statement/2023-01-15/']);

    await tabTo(page, 'pagefind-input input');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/privacy-statement/2023-01-15/');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/privacy-statement/2023-01-15/#how-we-use-information');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${fixture.url}privacy-statement/2023-01-15/#how-we-use-information`);
    expect(await page.locator('#how-we-use-information').count()).toBe(1);
  });

  it('should say without JavaScript that search needs it, after the header form submitted the query', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${fixture.url}terms-of-use/`);
    await noJs.locator('header input[name="q"]').fill('cookies');
    await noJs.locator('header input[name="q"]').press('Enter');
    await noJs.waitForURL(`${fixture.url}search/?q=cookies`);
    expect(await noJs.locator('[data-search-nojs]').innerText()).toContain('Search needs JavaScript');
    expect(await noJs.locator('[data-search-nojs] a').first().getAttribute('href')).toBe('/privacy-statement/');
    expect(await noJs.locator('[data-search-app]').isVisible()).toBe(false);
    await context.close();
  });

  it('should search, link and land correctly when the site is built and served under /legal/', async () => {
    const build = buildSite(basedDir, { LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: fixtureAsOf, LEGAL_BASE: '/legal/' });
    basedOut = build.outDir;
    expect(build.status, build.stderr).toBe(0);
    based = await serveSite(build.outDir, '/legal/');
    await page.goto(`${based.url}cookie-notice/`);
    await page.locator('header input[name="q"]').fill('california');
    await page.locator('header input[name="q"]').press('Enter');
    await page.waitForURL(`${based.url}search/?q=california`);
    const [result] = await until(page, 'california', ['/legal/privacy-statement/2025-09-01/']);
    expect(result!.status).toBe('upcoming');
    expect(result!.sections).toContain('/legal/privacy-statement/2025-09-01/#california-privacy-rights');
    const response = page.waitForResponse((r) => r.url().startsWith(`${based!.url}privacy-statement/2025-09-01/`));
    await page.locator('a.search-result__section-link[href$="#california-privacy-rights"]').click();
    expect((await response).status()).toBe(200);
    await page.waitForURL(`${based.url}privacy-statement/2025-09-01/#california-privacy-rights`);
    expect(await page.locator('#california-privacy-rights').count()).toBe(1);
  });
});
