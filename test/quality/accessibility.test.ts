/**
 * Accessibility of every page type in Chromium: no axe-core violation of WCAG 2.2 A/AA rules, a
 * working skip link, reachable table of contents, visible focus, keyboard-usable diff controls and
 * redlines that do not rely on colour. Screenshots at 390 px and 1280 px go to /tmp/shots/quality (or
 * QUALITY_SHOTS_DIR) for people to look at.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession } from '../helpers/browser.ts';
import { openPage } from './page-session.ts';
import { pageTypesIn } from './page-types.ts';

const site = inject('fixtureSite');
const types = pageTypesIn(site);
const has = (name: string) => types.some((t) => t.name === name);
const pathOf = (name: string) => types.find((t) => t.name === name)!.path;
/** axe-core tags for WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const shots = process.env.QUALITY_SHOTS_DIR || '/tmp/shots/quality';

describe.skipIf(!browserAvailable())('accessibility in Chromium', () => {
  const chromium = browserSession(site, shots);

  /** Run `check` on a page of the fixture site loaded at `width`, then close it. */
  async function onPage<T>(path: string, check: (page: Page) => Promise<T>, width = 1280): Promise<T> {
    const session = await openPage(chromium.browser, chromium.server.origin + path, width);
    try {
      return await check(session.page);
    } finally {
      await session.close();
    }
  }

  describe.each(types)('the $name page ($path)', ({ name, path }) => {
    test.each([390, 1280])('has no WCAG 2.2 A or AA violation at %i px wide (and is photographed)', async (width) => {
      await onPage(path, async (page) => {
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
        const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`);
        expect(report).toEqual([]);
      }, width);
    });

    test('has no horizontal scrolling at 390 px wide', async () => {
      const overflow = await onPage(path, (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 390);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test('starts with a skip link that Tab focuses visibly and Enter follows to the main content', async () => {
      await onPage(path, async (page) => {
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return { text: element.textContent, href: element.getAttribute('href'), outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), top: box.top, height: box.height };
        });
        expect(first).toMatchObject({ text: 'Skip to content', href: '#main' });
        expect(first.outline).not.toBe('none');
        expect(first.outlineWidth).toBeGreaterThanOrEqual(2);
        expect(first.top).toBeGreaterThanOrEqual(0);
        expect(first.height).toBeGreaterThan(10);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      });
    });

    test('shows a visible focus outline on every control reached by Tab', async () => {
      const unmarked = await onPage(path, async (page) => {
        const missing: string[] = [];
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || element === document.body) return undefined;
            const style = getComputedStyle(element);
            const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
            return { marked, label: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"` };
          });
          if (!focus) break;
          if (!focus.marked) missing.push(focus.label);
        }
        return missing;
      });
      expect(unmarked).toEqual([]);
    });
  });

  test('the table of contents is reached by Tab and Enter on an entry moves to its section', async () => {
    await onPage(pathOf('current'), async (page) => {
      let href: string | null = null;
      for (let i = 0; i < 30 && !href; i++) {
        await page.keyboard.press('Tab');
        href = await page.evaluate(() => (document.activeElement?.closest('.toc') ? document.activeElement.getAttribute('href') : null));
      }
      expect(href).toMatch(/^#/);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => location.hash)).toBe(href);
      // The section is the target and on screen (short fixture pages cannot scroll it to the very top).
      const target = await page.evaluate(() => {
        const element = document.querySelector(':target');
        return { id: element?.id, top: element?.getBoundingClientRect().top ?? -1, height: innerHeight };
      });
      expect(target.id).toBe(href!.slice(1));
      expect(target.top).toBeGreaterThanOrEqual(0);
      expect(target.top).toBeLessThan(target.height - 40);
    });
  });

  test.runIf(has('search'))('search works from the keyboard: Tab reaches the header search box and Enter shows results', async () => {
    await onPage(pathOf('current'), async (page) => {
      let inBox = false;
      for (let i = 0; i < 10 && !inBox; i++) {
        await page.keyboard.press('Tab');
        inBox = await page.evaluate(() => document.activeElement?.closest('header') !== null && document.activeElement?.matches('input') === true);
      }
      expect(inBox).toBe(true);
      await page.keyboard.type('zebra');
      await Promise.all([page.waitForURL(/\/search\/\?q=zebra/), page.keyboard.press('Enter')]);
      await expect.poll(() => page.locator('main a[href*="privacy-statement"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    });
  });

  test.runIf(has('changes'))('redlines on the changes page are understandable without colour', async () => {
    const marks = await onPage(pathOf('changes'), (page) => page.evaluate(() =>
      [...document.querySelectorAll('main ins, main del')].map((element) => {
        const style = getComputedStyle(element);
        const before = getComputedStyle(element, '::before').content;
        // A visually hidden label inside ("inserted", "deleted") or generated text tells screen readers.
        const hidden = [...element.querySelectorAll('*')].some((child) => {
          const box = (child as HTMLElement).getBoundingClientRect();
          return box.width <= 1 && box.height <= 1 && (child.textContent ?? '').trim().length > 0;
        });
        // The key ("inserted text is underlined") says it in its own words.
        const selfDescribing = /insert|delet/i.test(element.textContent ?? '');
        return { tag: element.tagName.toLowerCase(), decoration: style.textDecorationLine, labelled: hidden || selfDescribing || (before !== 'none' && before !== 'normal') };
      })));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.decoration).toContain(mark.tag === 'ins' ? 'underline' : 'line-through');
      expect(mark.labelled).toBe(true);
    }
  });

  describe.each(types.filter((t) => t.name === 'changes' || t.name === 'compare'))('the $name page controls', ({ path }) => {
    const controlSelector = 'main :is(button, summary, input, select, [role="tab"])';

    test('every control is reached by Tab (radio groups count once)', async () => {
      await onPage(path, async (page) => {
        for (let i = 0; i < 300; i++) {
          await page.keyboard.press('Tab');
          const done = await page.evaluate((selector) => {
            const element = document.activeElement;
            if (!element || element === document.body) return true;
            if (element.matches(selector)) element.setAttribute('data-reached', '');
            return false;
          }, controlSelector);
          if (done) break;
        }
        // A radio group is one Tab stop (its checked radio); arrow keys move within it.
        const unreached = await page.evaluate((selector) => [...document.querySelectorAll(selector)]
          .filter((e) => !(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked) && e.getAttribute('type') !== 'hidden')
          .filter((e) => !e.hasAttribute('data-reached') && !(e as HTMLInputElement).disabled && (e as HTMLElement).offsetParent !== null)
          .map((e) => e.outerHTML.slice(0, 120)), controlSelector);
        expect(unreached).toEqual([]);
      });
    });

    test('the diff view switch works from the keyboard: an arrow key turns the inline redline into side by side', async () => {
      await onPage(path, async (page) => {
        const radios = page.locator('input[name="diff-view"]');
        if (await radios.count() === 0) return;
        let focused = false;
        for (let i = 0; i < 100 && !focused; i++) {
          await page.keyboard.press('Tab');
          focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'diff-view');
        }
        expect(focused).toBe(true);
        const view = () => page.evaluate(() => ({
          checked: (document.querySelector('input[name="diff-view"]:checked') as HTMLInputElement).value,
          inline: [...document.querySelectorAll('.redline--inline')].some((e) => (e as HTMLElement).offsetParent !== null),
          side: [...document.querySelectorAll('.redline-pair')].some((e) => (e as HTMLElement).offsetParent !== null),
        }));
        expect(await view()).toMatchObject({ checked: 'inline', inline: true, side: false });
        await page.keyboard.press('ArrowRight');
        expect(await view()).toMatchObject({ checked: 'side', inline: false, side: true });
        // Side by side still fits a phone: no horizontal scrolling at 390 px.
        await page.setViewportSize({ width: 390, height: 900 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      });
    });

    test('Space or Enter on a disclosure or button changes its state', async () => {
      await onPage(path, async (page) => {
        const toggle = page.locator('main :is(summary, button[aria-expanded], button[aria-pressed])').first();
        if (await toggle.count() === 0) return;
        const state = () => toggle.evaluate((e) => [e.getAttribute('aria-pressed'), e.getAttribute('aria-expanded'), e.closest('details')?.open].join('|'));
        const before = await state();
        await toggle.focus();
        await page.keyboard.press(await toggle.evaluate((e) => e.tagName) === 'SUMMARY' ? 'Enter' : 'Space');
        expect(await state()).not.toBe(before);
      });
    });
  });
});
