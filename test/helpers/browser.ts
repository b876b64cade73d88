/**
 * Browser test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * and a static server for a built site, optionally under a base path.
 *
 * When /usr/bin/chromium is missing, browser tests are skipped with a loud message, except in CI
 * (`CI` set), where a missing Chromium is a failure: `.ci/run` installs it with apt-get.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Where Debian installs Chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether browser tests can run here. Prints a loud warning when they cannot; throws in CI. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${chromiumPath}; CI must install it (apt-get install -y chromium).`);
  console.warn(`\n${'⚠'.repeat(60)}\n⚠ BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}. Install it: apt-get install -y chromium\n${'⚠'.repeat(60)}\n`);
  return false;
}

/**
 * Launch headless Chromium with the flags this sandbox needs.
 *
 * @returns The browser; close it in `afterAll`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.txt': 'text/plain', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

/** A running static server. */
export interface StaticServer {
  /** Origin plus base, e.g. `http://127.0.0.1:41234/legal/`. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serve a built site like a static host: `/x/` serves `x/index.html`, unknown paths get `404.html`
 * with status 404. Paths outside `base` are 404.
 *
 * @param dir The site folder.
 * @param base Base path the site was built for, `/` or `/legal/`.
 */
export async function serveSite(dir: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string) => {
      response.writeHead(status, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    };
    if (path.startsWith(base)) {
      let file = normalize(join(dir, path.slice(base.length)));
      if (file.startsWith(normalize(dir)) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (file.startsWith(normalize(dir)) && existsSync(file) && statSync(file).isFile()) return send(200, file);
    }
    send(404, join(dir, '404.html'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin + base, origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The browser and server of one test file, set once its `beforeAll` has run. */
export interface BrowserSession {
  browser: Browser;
  server: StaticServer;
}

/**
 * Start Chromium and serve a built site before the tests of the calling `describe`, and stop both after.
 *
 * @param dir The site folder.
 * @param shots A folder for screenshots, created before the tests (outside the repository).
 * @returns The session; read `browser` and `server` inside tests, not at collection time.
 */
export function browserSession(dir: string, shots?: string): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    [session.browser, session.server] = await Promise.all([launchBrowser(), serveSite(dir)]);
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
