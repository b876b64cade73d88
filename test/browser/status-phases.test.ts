/**
 * Statuses on a page read after its build (issue 13, "Dates readers see"): the fixture site is built
 * as of 2025-06-01, with the privacy statement's 2025-09-01 version upcoming. Read with the browser's
 * clock fixed a minute before and a minute after that version takes effect (midnight in Los Angeles,
 * the site's time zone), from readers in the time zones of the build tests (test/build/time-zones.test.ts),
 * every page type that states a status says the same of each version, and says as of which day.
 * Screenshots go to /tmp/status-phases-shots.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession } from '../helpers/browser.ts';

const site = inject('fixtureSite');
const shots = '/tmp/status-phases-shots';

/** Every page type that states a status of a privacy statement version. */
const pages = [
  '/', '/privacy-statement/', '/privacy-statement/2023-01-15/', '/privacy-statement/2024-03-01/', '/privacy-statement/2025-09-01/',
  '/privacy-statement/history/', '/privacy-statement/2024-03-01/changes/', '/privacy-statement/2025-09-01/changes/', '/privacy-statement/compare/',
];
/** 23:59 on August 31 and 00:01 on September 1, 2025 in Los Angeles (UTC-7 in summer). */
const before = new Date('2025-09-01T06:59:00Z');
const after = new Date('2025-09-01T07:01:00Z');

/** One thing a page says of a version: `effective` is `status` (current, archived or upcoming). */
interface Claim {
  effective: string;
  status: string;
}

/**
 * What a page visibly says of each privacy statement version, read in the page: version banners, the
 * superseded notice, notices of upcoming versions, the home card, history badges, the changes page's
 * lede and the compare form's options. Also every visible "as of" date.
 */
function claimsOf(page: Page): Promise<{ claims: Claim[]; asOf: string[] }> {
  return page.evaluate(() => {
    const visible = (element: Element) => element.checkVisibility();
    const all = (selector: string, root: ParentNode = document) => [...root.querySelectorAll(selector)].filter(visible);
    const claims: { effective: string; status: string }[] = [];
    const article = document.querySelector('article[data-effective]');
    if (article) {
      for (const banner of all('.banner')) claims.push({ effective: article.getAttribute('data-effective')!, status: /banner--(\w+)/.exec(banner.className)![1]! });
      for (const notice of all('.superseded-notice')) {
        claims.push({ effective: article.getAttribute('data-effective')!, status: 'archived' });
        claims.push({ effective: notice.querySelector('time')!.getAttribute('datetime')!, status: 'current' });
      }
      const label = all('.version__dates span')[0]?.textContent ?? '';
      claims.push({ effective: article.getAttribute('data-effective')!, status: label.startsWith('Takes effect') ? 'upcoming' : 'in effect' });
    }
    for (const notice of all('.upcoming-notice')) claims.push({ effective: notice.getAttribute('data-upcoming')!, status: 'upcoming' });
    for (const card of all('.document-card[data-document="privacy-statement"] .document-card__dates')) {
      if (card.textContent!.trim().startsWith('Effective')) claims.push({ effective: card.querySelector('time')!.getAttribute('datetime')!, status: 'current' });
    }
    for (const item of all('.history__item')) {
      for (const badge of all('.badge--current, .badge--archived, .badge--upcoming', item)) claims.push({ effective: item.getAttribute('data-effective')!, status: badge.textContent!.trim().toLowerCase() });
    }
    for (const link of all('.changes .lede a')) {
      const status = /^\s*\((\w+)\)/.exec(link.nextSibling?.textContent ?? '')?.[1];
      if (status) claims.push({ effective: link.querySelector('time')!.getAttribute('datetime')!, status });
    }
    for (const option of document.querySelectorAll('select[name="from"] option')) {
      claims.push({ effective: option.getAttribute('value')!, status: /\((\w+)\)$/.exec(option.textContent!)![1]! });
    }
    // On the home page, only the privacy statement's card: the other documents have no upcoming version, so stay as of the build.
    const asOf = all('.as-of time, .banner--current time').filter((time) => !time.closest('.document-card:not([data-document="privacy-statement"])')).map((time) => time.getAttribute('datetime')!);
    return { claims, asOf };
  });
}

describe.skipIf(!browserAvailable())('statuses on pages read after their build, in Chromium', () => {
  const session = browserSession(site, shots);

  /** Read every page at `now` in `timeZone`; returns each page's claims and as-of dates. */
  async function readAll(now: Date, timeZone: string, javaScriptEnabled = true, shoot = '') {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: timeZone, javaScriptEnabled });
    const page = await context.newPage();
    await page.clock.setFixedTime(now);
    const read = new Map<string, Awaited<ReturnType<typeof claimsOf>>>();
    for (const path of pages) {
      await page.goto(session.server.url + path.replace(/^\//, ''));
      await page.waitForLoadState('load');
      read.set(path, await claimsOf(page));
      if (shoot) await page.screenshot({ path: `${shots}/${shoot}${path.replaceAll('/', '_') || '_'}.png`, fullPage: false });
    }
    await context.close();
    return read;
  }

  /** Every claim of every page must agree with `expected`; "in effect" is what current or archived pages say. */
  function expectAgreement(read: Map<string, { claims: Claim[] }>, expected: Record<string, string>) {
    for (const [path, { claims }] of read) {
      expect(claims.filter((c) => c.status !== 'in effect').length, `${path} states no status`).toBeGreaterThan(0);
      for (const { effective, status } of claims) {
        const want = status === 'in effect' ? (expected[effective] === 'upcoming' ? 'upcoming' : 'in effect') : expected[effective];
        expect(`${path}: ${effective} ${status}`).toBe(`${path}: ${effective} ${want}`);
      }
    }
  }

  for (const timeZone of ['Etc/GMT+12', 'Pacific/Kiritimati']) {
    it(`should show every page as built until the version takes effect in Los Angeles (reader in ${timeZone})`, async () => {
      const read = await readAll(before, timeZone);
      expectAgreement(read, { '2023-01-15': 'archived', '2024-03-01': 'current', '2025-09-01': 'upcoming' });
      for (const [path, { asOf }] of read) for (const date of asOf) expect(`${path}: ${date}`).toBe(`${path}: 2025-06-01`);
      expect(read.get('/privacy-statement/2024-03-01/')!.claims).toContainEqual({ effective: '2024-03-01', status: 'current' });
    });

    it(`should make every page say the version is in effect from its first minute in Los Angeles (reader in ${timeZone})`, async () => {
      const read = await readAll(after, timeZone, true, timeZone === 'Etc/GMT+12' ? 'after' : '');
      expectAgreement(read, { '2023-01-15': 'archived', '2024-03-01': 'archived', '2025-09-01': 'current' });
      for (const [path, { asOf }] of read) for (const date of asOf) expect(`${path}: ${date}`).toBe(`${path}: 2025-09-01`);
      // The formerly current version's pages say it has been superseded; nothing announces the version as upcoming.
      for (const path of ['/privacy-statement/', '/privacy-statement/2024-03-01/']) expect(read.get(path)!.claims, path).toContainEqual({ effective: '2025-09-01', status: 'current' });
      for (const [path, { claims }] of read) expect(claims.filter((c) => c.status === 'upcoming'), path).toEqual([]);
    });
  }

  it('should keep the built statuses, with their as-of date, without JavaScript', async () => {
    const read = await readAll(after, 'Pacific/Kiritimati', false, 'no-js');
    expectAgreement(read, { '2023-01-15': 'archived', '2024-03-01': 'current', '2025-09-01': 'upcoming' });
    for (const [path, { asOf }] of read) for (const date of asOf) expect(`${path}: ${date}`).toBe(`${path}: 2025-06-01`);
  });

  it('should say so in words on the pages whose notices change (screenshots)', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Etc/GMT+12' });
    const page = await context.newPage();
    await page.clock.setFixedTime(after);
    await page.goto(`${session.server.url}privacy-statement/2025-09-01/`);
    expect((await page.locator('.banner:visible').innerText()).replace(/\s+/g, ' ')).toBe('Current version. This is the version in effect as of September 1, 2025.');
    expect((await page.locator('.version__dates:visible').innerText()).replace(/\s+/g, ' ')).toContain('Effective September 1, 2025');
    await page.goto(`${session.server.url}privacy-statement/2024-03-01/`);
    expect((await page.locator('.superseded-notice:visible').innerText()).replace(/\s+/g, ' ')).toBe('This text has been superseded. A new version took effect on September 1, 2025: read the version in effect.');
    await page.screenshot({ path: `${shots}/superseded-dated.png`, fullPage: false });
    await page.goto(session.server.url);
    expect((await page.locator('[data-document="privacy-statement"] .document-card__dates:visible').innerText()).replace(/\s+/g, ' ')).toBe('Effective September 1, 2025 · Status as of September 1, 2025.');
    await page.screenshot({ path: `${shots}/home-after.png`, fullPage: true });
    await page.goto(`${session.server.url}privacy-statement/compare/`);
    expect(await page.locator('select[name="to"] option[value="2025-09-01"]').textContent()).toBe('September 1, 2025 (current)');
    await context.close();
  });
});
