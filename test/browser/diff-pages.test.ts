/**
 * The diff pages in Chromium: the compare page diffs two versions in the browser and prints the
 * same result as the static changes page; the side-by-side switch works without JavaScript.
 * Screenshots go to /tmp/diff-shots.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, browserSession } from '../helpers/browser.ts';

const site = inject('fixtureSite');
const shots = '/tmp/diff-shots';

describe.skipIf(!browserAvailable())('diff pages in Chromium', () => {
  const session = browserSession(site, shots);

  it('should compare the versions named in the address and print the same statistics as the changes page', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${session.server.url}privacy-statement/compare/?from=2023-01-15&to=2024-03-01`);
    await page.locator('[data-compare-output] .diff-stats').waitFor();
    const stats = async (selector: string) => page.locator(`${selector} .diff-stats__item dd`).allTextContents();
    const compared = await stats('[data-compare-output]');
    await page.screenshot({ path: `${shots}/compare.png`, fullPage: true });
    expect(await page.locator('[data-compare-status]').textContent()).toBe('Compared the version of January 15, 2023 with the version of March 1, 2024: 5 changes.');
    expect(await page.locator('[data-compare-needs-script]').count()).toBe(0);
    expect(await page.locator('form[data-compare]').isVisible()).toBe(true);

    await page.selectOption('select[name="to"]', '2025-09-01');
    await page.click('form[data-compare] button[type="submit"]');
    await page.waitForURL(/to=2025-09-01/);
    await page.locator('[data-compare-status]:has-text("September 1, 2025")').waitFor();
    expect(await page.locator('[data-compare-output] .diff-toc a').allTextContents()).toEqual(['What we collect', 'How we use information', 'Data retention', 'Your California privacy rights']);

    await page.goto(`${session.server.url}privacy-statement/2024-03-01/changes/`);
    expect(await stats('.changes')).toEqual(compared);
    expect(errors).toEqual([]);
  });

  it('should hide the compare form without JavaScript, say that picking versions needs it, and offer the changes pages', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}privacy-statement/compare/`);
    expect(await page.locator('form[data-compare]').isVisible()).toBe(false);
    expect(await page.locator('[data-compare-needs-script]').isVisible()).toBe(true);
    const links = page.locator('.compare__consecutive a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/privacy-statement/2025-09-01/changes/', '/privacy-statement/2024-03-01/changes/']);
    await links.first().click();
    await page.waitForURL(/\/2025-09-01\/changes\/$/);
    await page.goto(`${session.server.url}privacy-statement/compare/`);
    await page.screenshot({ path: `${shots}/compare-no-js-390.png`, fullPage: true });
    await context.close();
  });

  it('should keep the links to a section in both versions free of a separator on a line of its own at 390 px', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${session.server.url}privacy-statement/2024-03-01/changes/`);
    const lists = page.locator('.diff-section__links');
    expect(await lists.count()).toBeGreaterThan(0);
    for (const lines of await lists.evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.split('\n').map((l) => l.trim()).filter(Boolean)))) {
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/^This section in the version of /);
    }
    await page.locator('.diff-section').first().screenshot({ path: `${shots}/changes-section-390.png` });
    await page.screenshot({ path: `${shots}/changes-390.png`, fullPage: true });
    await context.close();
  });

  it('should switch to side by side and back without JavaScript', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}privacy-statement/2024-03-01/changes/`);
    const change = page.locator('#change-3');
    expect(await change.locator('.redline--inline').isVisible()).toBe(true);
    expect(await change.locator('.redline-pair').isVisible()).toBe(false);
    await page.getByLabel('Side by side').check();
    expect(await change.locator('.redline--inline').isVisible()).toBe(false);
    expect(await change.locator('.redline--old').isVisible()).toBe(true);
    expect(await change.locator('.redline--new del').count()).toBe(0);
    await page.screenshot({ path: `${shots}/side-by-side.png`, fullPage: true });
    await page.getByLabel('Inline redline').check();
    expect(await change.locator('.redline--inline').isVisible()).toBe(true);
    await context.close();
  });

  it('should mark insertions and deletions with more than colour: underline and strike-through', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}privacy-statement/2024-03-01/changes/`);
    const decoration = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(await decoration('#change-3 .redline--inline ins')).toBe('underline');
    expect(await decoration('#change-3 .redline--inline del')).toBe('line-through');
  });
});
