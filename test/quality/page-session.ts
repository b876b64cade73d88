/**
 * Open one page of a served site in a fresh browser context and record what it does: every request,
 * every Content-Security-Policy violation (console messages and `securitypolicyviolation` events).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A page loaded in its own context, with what it did while loading. */
export interface PageSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested (documents, styles, scripts, fetches), in order. */
  requests: string[];
  /** CSP violations, as `directive blocked-uri` strings or console messages. */
  cspViolations: () => Promise<string[]>;
  /** HTTP status of the main document. */
  status: number | undefined;
  close: () => Promise<void>;
}

/**
 * Load a page in a new browser context (no cookies or storage from other pages).
 *
 * @param browser A launched browser.
 * @param url Absolute URL to load.
 * @param width Viewport width in CSS pixels (height 900).
 * @returns The session; call `close()` when done.
 */
export async function openPage(browser: Browser, url: string, width = 1280): Promise<PageSession> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleViolations: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  // Runs before the page's own scripts; scripts injected by the test tool are exempt from the policy.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return {
    context,
    page,
    requests,
    status: response?.status(),
    cspViolations: async () => [...consoleViolations, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))],
    close: () => context.close(),
  };
}
