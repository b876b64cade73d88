/**
 * The site's own privacy and security, in Chromium: loading any page type talks only to the site's
 * own origin, leaves no cookies or storage behind, and breaks no rule of its Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, serveSite, type StaticServer } from '../helpers/browser.ts';
import { openPage, type PageSession } from './page-session.ts';
import { pageTypesIn } from './page-types.ts';

const site = inject('fixtureSite');
const types = pageTypesIn(site);

describe.skipIf(!browserAvailable())('the site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveSite(site)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What a page left behind in the browser: cookies, Web Storage, IndexedDB, Cache Storage. */
  async function leftovers(session: PageSession) {
    const storage = await session.page.evaluate(async () => ({
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    return { cookies: await session.context.cookies(), ...storage };
  }

  /** Requests to anything but the site's own origin (data: and blob: URLs never leave the browser). */
  function foreign(session: PageSession): string[] {
    return session.requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== server.origin);
  }

  test.each(types)('the $name page ($path) requests nothing from other origins, stores nothing and violates no CSP rule', async ({ path }) => {
    const session = await openPage(browser, server.origin + path);
    try {
      expect(session.requests.length).toBeGreaterThan(0);
      expect(foreign(session)).toEqual([]);
      expect(await leftovers(session)).toEqual({ cookies: [], localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
      expect(await session.cspViolations()).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test.runIf(types.some((t) => t.name === 'search'))('running a search stays on the site, stores nothing and violates no CSP rule', async () => {
    const session = await openPage(browser, `${server.origin}/search/`);
    try {
      const box = session.page.locator('main input[type="search"], main input[type="text"]').first();
      await box.fill('zebra');
      await box.press('Enter');
      await session.page.waitForLoadState('networkidle');
      // Results come from the Pagefind index (WASM + fragments), all on the site's own origin.
      await expect.poll(() => session.page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/zebra/i);
      expect(session.requests.some((url) => url.includes('/pagefind/'))).toBe(true);
      expect(foreign(session)).toEqual([]);
      expect(await leftovers(session)).toEqual({ cookies: [], localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
      expect(await session.cspViolations()).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
