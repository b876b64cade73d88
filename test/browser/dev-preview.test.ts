/**
 * The editor's preview (`npm run dev`, content/README.md) in Chromium: `astro dev` on a copy of the
 * fixture corpus breaks no rule of its Content-Security-Policy and logs no error, renders a version
 * page and a changes page like the built site does (screenshots compared pixel by pixel), its
 * side-by-side switch works, and an edit to a version file shows after a reload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, serveSite, type StaticServer } from '../helpers/browser.ts';
import { buildSite, fixtureAsOf, fixtureContent, root, tmp, type BuildRun } from '../helpers/site.ts';
import { devServerTurn } from '../helpers/dev-server-turn.ts';

const available = browserAvailable();
const work = join(tmp, `dev-preview-${process.pid}`);
const content = join(work, 'content');
const shots = process.env.DEV_PREVIEW_SHOTS_DIR || '/tmp/shots/dev-preview';
/** Pixels that may differ between the preview and the built page (anti-aliasing), as a share of the page. */
const tolerance = 0.001;
const pages = [
  { name: 'version', path: '/privacy-statement/2024-03-01/' },
  { name: 'changes', path: '/privacy-statement/2024-03-01/changes/' },
];

/** What a page reported while it loaded: CSP violations and console errors. */
interface Loaded {
  violations: string[];
  errors: string[];
}

/**
 * Open a page in a new tab of a 1280 px wide window and wait until it has loaded everything.
 *
 * @returns The tab and what it reported (violations from `securitypolicyviolation` events, errors
 *   from the console and from uncaught exceptions).
 */
async function open(browser: Browser, url: string): Promise<{ page: Page; loaded: Loaded }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loaded: Loaded = { violations: [], errors: [] };
  await page.exposeFunction('reportViolation', (text: string) => loaded.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') loaded.errors.push(message.text());
  });
  page.on('pageerror', (error) => loaded.errors.push(error.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, loaded };
}

/** Share of pixels that differ between two PNG screenshots (1 when their sizes differ). */
function difference(a: Buffer, b: Buffer, diffFile: string): number {
  const [one, two] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (one.width !== two.width || one.height !== two.height) return 1;
  const diff = new PNG({ width: one.width, height: one.height });
  const differing = pixelmatch(one.data, two.data, diff.data, one.width, one.height, { threshold: 0.1 });
  writeFileSync(diffFile, PNG.sync.write(diff));
  return differing / (one.width * one.height);
}

/** Start `astro dev` on the content copy, on a port of its own; resolves with its origin once it serves. */
async function startDev(): Promise<{ server: ChildProcess; origin: string; output: () => string }> {
  let output = '';
  const port = 5100 + (process.pid % 400);
  const server = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--root', root], {
    cwd: root,
    // Without Vitest's own variables (NODE_ENV=test, BASE_URL, VITEST…), with which the dev server serves no page.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))), LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: fixtureAsOf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 180; attempt++) {
    const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
    const listening = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(plain);
    if (listening && plain.includes('watching for file changes')) return { server, origin: listening[1]!, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error(`astro dev did not start:\n${output}`);
}

describe.skipIf(!available)("the editor's preview (astro dev) in Chromium", () => {
  devServerTurn(); // one dev server of this project at a time (test/helpers/dev-server-turn.ts)
  let browser: Browser;
  let built: BuildRun;
  let site: StaticServer;
  let dev: Awaited<ReturnType<typeof startDev>>;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(fixtureContent, content, { recursive: true });
    mkdirSync(shots, { recursive: true });
    built = buildSite(`dev-preview-site-${process.pid}`, { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: fixtureAsOf, LEGAL_SITE: 'https://legal.prodsmart.com' });
    if (built.status !== 0) throw new Error(`The fixture did not build:\n${built.stderr}`);
    [browser, site, dev] = await Promise.all([launchBrowser(), serveSite(built.outDir), startDev()]);
    // The first request has Vite optimise the pages' dependencies and reload them: let it, before anything is measured.
    for (const { path } of pages) await (await open(browser, `${dev.origin}${path}`)).page.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    dev?.server.kill();
    if (built) rmSync(built.outDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  for (const { name, path } of pages) {
    it(`should render the ${name} page like the built site, with no CSP violation and no error`, async () => {
      const [preview, published] = [await open(browser, `${dev.origin}${path}`), await open(browser, `${site.origin}${path}`)];
      expect(preview.loaded, `astro dev ${path}`).toEqual({ violations: [], errors: [] });
      expect(published.loaded, `built ${path}`).toEqual({ violations: [], errors: [] });
      const policy = (page: Page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(await policy(preview.page)).toContain("style-src 'self' 'unsafe-inline'");
      expect(await policy(published.page)).not.toContain('unsafe-inline');
      const [a, b] = [await preview.page.screenshot({ fullPage: true }), await published.page.screenshot({ fullPage: true })];
      writeFileSync(join(shots, `${name}-dev.png`), a);
      writeFileSync(join(shots, `${name}-built.png`), b);
      expect(difference(a, b, join(shots, `${name}-diff.png`)), `see ${shots}/${name}-*.png`).toBeLessThanOrEqual(tolerance);
      await preview.page.close();
      await published.page.close();
    });
  }

  it('should switch the changes page to side by side in the preview, as on the site', async () => {
    for (const origin of [dev.origin, site.origin]) {
      const { page } = await open(browser, `${origin}/privacy-statement/2024-03-01/changes/`);
      const display = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display);
      expect(await display('.redline-pair'), origin).toBe('none');
      await page.getByLabel('Side by side').check();
      expect(await display('.redline-pair'), origin).toBe('grid');
      expect(await display('.redline--inline'), origin).toBe('none');
      await page.locator('.diff-section').first().screenshot({ path: join(shots, `side-by-side-${origin === dev.origin ? 'dev' : 'built'}.png`) });
      await page.close();
    }
  });

  it('should show an edit of a version file after a reload', async () => {
    const sentence = 'This sentence was added while the preview ran.';
    const { page } = await open(browser, `${dev.origin}/privacy-statement/`);
    expect(await page.locator('main').innerText()).not.toContain(sentence);
    appendFileSync(join(content, 'privacy-statement', '2024-03-01.mdx'), `\n${sentence}\n`);
    await expect.poll(async () => {
      await page.reload({ waitUntil: 'networkidle' });
      return page.locator('main').innerText();
    }, { timeout: 20_000 }).toContain(sentence);
    expect(await page.locator('main').innerText()).toContain('The zebra clause appears in every version.');
    await page.close();
  });
});
