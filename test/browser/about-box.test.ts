/**
 * The about-box flow in Chromium (issue 5): an app opens `/go/<key>/`, the meta refresh takes the
 * reader to the section of the current version; old links to a former anchor land on the renamed
 * section; a cached page of the current version read after the next version's effective date says
 * it has been superseded. Screenshots go to /tmp/issue5-shots.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession } from '../helpers/browser.ts';

const site = inject('fixtureSite');
const shots = '/tmp/issue5-shots';

describe.skipIf(!browserAvailable())('about-box deep links in Chromium', () => {
  const session = browserSession(site, shots);

  /** Open a page in a small window (so sections below the fold need scrolling), optionally at a fixed time. */
  async function open(path: string, now?: Date): Promise<Page> {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 420 }, javaScriptEnabled: true });
    const page = await context.newPage();
    if (now) await page.clock.setFixedTime(now);
    await page.goto(session.server.url + path.replace(/^\//, ''));
    return page;
  }

  /** Where the top of an element is, in CSS pixels from the top of the window. */
  const topOf = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);

  it('should take the reader from /go/<key>/ to the section of the current version, without JavaScript', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 420 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}go/data-retention/`);
    await page.waitForURL(`${session.server.url}privacy-statement/#data-retention`);
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await page.locator('article').getAttribute('data-effective')).toBe('2024-03-01');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('data-retention');
    const top = await topOf(page, '#data-retention');
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
    await page.screenshot({ path: `${shots}/go-data-retention-landing.png` });
    await context.close();
  });

  it('should land an old link to a former anchor on the renamed section', async () => {
    const page = await open('/privacy-statement/#retention');
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await page.evaluate(() => document.querySelector(':target')?.closest('h2')?.id)).toBe('data-retention');
    expect(await topOf(page, '#data-retention')).toBeLessThan(100);
    await page.context().close();
  });

  it('should keep the superseded notice hidden while the version is in effect in Los Angeles', async () => {
    // 2025-09-01T06:59Z is still August 31 in Los Angeles (UTC-7 in summer).
    const page = await open('/privacy-statement/', new Date('2025-09-01T06:59:00Z'));
    await page.waitForLoadState('load');
    expect(await page.locator('.superseded-notice').isVisible()).toBe(false);
    expect(await page.locator('.upcoming-notice[data-upcoming="2025-09-01"]').isVisible()).toBe(true);
    await page.context().close();
  });

  it('should show "This text has been superseded" when the cached page is read on the next version\'s date', async () => {
    const page = await open('/privacy-statement/', new Date('2025-09-01T07:01:00Z'));
    const notice = page.locator('.superseded-notice');
    await notice.waitFor({ state: 'visible' });
    expect((await notice.innerText()).replace(/\s+/g, ' ')).toBe('This text has been superseded. A new version took effect on September 1, 2025: read the version in effect.');
    expect(await notice.locator('a').getAttribute('href')).toBe('/privacy-statement/2025-09-01/');
    // "An updated Privacy Statement takes effect on September 1, 2025" would contradict it: hidden.
    expect(await page.locator('.upcoming-notice[data-upcoming="2025-09-01"]').count()).toBe(1);
    expect(await page.locator('.upcoming-notice').isVisible()).toBe(false);
    await page.screenshot({ path: `${shots}/superseded.png`, fullPage: false });
    await page.context().close();
  });

  it('should show the notice of the upcoming version on the home page (screenshot)', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2025-06-01T12:00:00Z')); // the as-of date: later, the notice is gone (status-phases.test.ts)
    await page.goto(session.server.url);
    expect(await page.locator('.upcoming-notice').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${shots}/home-notice.png`, fullPage: true });
    await page.goto(`${session.server.url}privacy-statement/`);
    await page.screenshot({ path: `${shots}/current-with-notice.png` });
    await context.close();
  });
});
