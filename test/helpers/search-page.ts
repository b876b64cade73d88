/**
 * Browser test helpers for the search page: open a search and read its rendered results once the
 * search has finished.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One rendered result, as a reader sees it. */
export interface Shown {
  href: string;
  status: string;
  label: string;
  sections: string[];
}

/**
 * Open the search page for a query.
 *
 * @param url Site URL with base, ending in `/`.
 */
export async function openSearch(page: Page, url: string, query: string, includeArchived = false): Promise<void> {
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}${includeArchived ? '&archived=1' : ''}`);
}

/** The rendered results of a finished search for `query`, or `undefined` while it is still running or rendering. */
export async function read(page: Page, query: string): Promise<Shown[] | undefined> {
  const summary = (await page.locator('pagefind-summary').innerText()).trim();
  if (!new RegExp(`^(No results|\\d+ results?) for ${query}$`).test(summary)) return undefined;
  const expected = summary.startsWith('No') ? 0 : Number.parseInt(summary, 10);
  const shown = await page.locator('li.search-result').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector<HTMLAnchorElement>('.search-result__link')!.getAttribute('href')!,
      status: item.getAttribute('data-status')!,
      label: [...item.querySelectorAll('.badge, .search-result__version')].map((e) => e.textContent).join(' · '),
      sections: [...item.querySelectorAll<HTMLAnchorElement>('.search-result__section-link')].map((a) => a.getAttribute('href')!),
    })),
  );
  return shown.length === expected ? shown : undefined;
}

/**
 * Wait until the search for `query` shows exactly the results at `hrefs` (any order), and return them.
 * Polling (not a single read) because ticking a filter re-runs a search that is already showing results.
 */
export async function until(page: Page, query: string, hrefs: string[]): Promise<Shown[]> {
  let last: Shown[] | undefined;
  await expect
    .poll(async () => {
      last = await read(page, query);
      return last?.map((r) => r.href).sort();
    }, { timeout: 15_000 })
    .toEqual([...hrefs].sort());
  return last!;
}

