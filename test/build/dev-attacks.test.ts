/**
 * `astro dev` run directly on an attacker's content (test/helpers/attacks.ts): it refuses to start,
 * listing each attack at its file and line; and a running dev server, when the attacks arrive,
 * refuses every request (pages with any method and Accept header, and the content files themselves
 * through every route of Vite's: `/@fs/`, `/@id/`, `?raw`, `?import`, from the project root, with
 * `..`), serves no attack text, no script and no handler, and runs no content code.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join, relative } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attacks, companions, danglingVersion, linkedFolder, registry, symlinkVersion } from '../helpers/attacks.ts';
import { fixtureAsOf, fixtureContent, root, tmp } from '../helpers/site.ts';
import { devServerTurn } from '../helpers/dev-server-turn.ts';

const work = join(tmp, `dev-attacks-${process.pid}`);
const marker = join(work, 'content-code-ran');
const list = attacks(marker);
const files = { ...companions, ...Object.fromEntries(list.map((a) => [a.path, a.text])) };
const env = {
  // Without Vitest's own variables (NODE_ENV=test, BASE_URL, VITEST…), with which the dev server serves no page.
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))),
  LEGAL_AS_OF: fixtureAsOf,
};
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Text that only an attack holds: none of it may be served, except quoted (escaped) in the list of problems. */
const attackText = ['alert(1)', 'evil.test', 'node:fs', 'globalThis', 'process.exit', 'root:x:0:0', 'Evil.astro'];

function writeAttacks(content: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  symlinkSync('/etc/passwd', join(content, symlinkVersion));
  symlinkSync('/nonexistent/version.md', join(content, danglingVersion));
  symlinkSync('/usr', join(content, linkedFolder));
}

/** A request sent as written (fetch would resolve `..` before sending it). */
function send(origin: string, path: string, method: string, accept: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method, headers: { accept } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('astro dev on an attacker\'s content', () => {
  devServerTurn(); // one dev server of this project at a time (test/helpers/dev-server-turn.ts)
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('should refuse to start, listing each attack at its file and line, and run nothing', () => {
    const content = join(work, 'attacks');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'documents.yaml'), registry);
    writeAttacks(content);
    const run = spawnSync(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(4900 + (process.pid % 50)), '--root', root], {
      cwd: root, encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024, env: { ...env, LEGAL_CONTENT_DIR: content },
    });
    const report = (run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(run.status, report.slice(-2000)).not.toBe(0);
    expect(report).not.toMatch(/Local\s+http/);
    for (const attack of list) expect(report, attack.what).toContain(`${attack.path}:${attack.buildLine ?? attack.expected[0]!.line}:`);
    expect(report).toContain(`${symlinkVersion}:1:1`);
    expect(report).toContain(`${danglingVersion}:1:1`);
    expect(report).toContain(`${linkedFolder}:1:1`);
    expect(report).not.toContain('root:x:0:0');
    expect(report).not.toContain('Maximum call stack');
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  describe('when the attacks arrive while it runs', () => {
    const content = join(work, 'content');
    const port = 4950 + (process.pid % 50);
    let origin = '';
    let server: ChildProcess | undefined;
    let output = '';

    beforeAll(async () => {
      cpSync(fixtureContent, content, { recursive: true });
      server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port), '--root', root], {
        cwd: root, env: { ...env, LEGAL_CONTENT_DIR: content }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      for (let attempt = 0; attempt < 180 && !origin; attempt++) {
        const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
        const listening = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(plain);
        if (listening && plain.includes('watching for file changes')) origin = listening[1]!;
        else await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (!origin) throw new Error(`astro dev did not start:\n${output}`);
    }, 120_000);

    afterAll(() => {
      server?.kill();
    });

    it('should watch links as links, never the tree they lead to', async () => {
      const config = (await import('../../astro.config.mjs')).default as { vite?: { server?: { watch?: { followSymlinks?: boolean } } } };
      expect(config.vite?.server?.watch?.followSymlinks).toBe(false);
    });

    it('should refuse every request for a page or a content file, serve no attack, and run no code', async () => {
      expect((await send(origin, '/privacy-statement/', 'GET', 'text/html')).status).toBe(200);
      writeAttacks(content);
      const pages = ['/', '/privacy-statement/', '/privacy-statement/2020-02-01/', '/terms-of-use/2020-02-01/', '/cookie-notice/2022-01-01/', '/cookie-notice/not-a-date/', '/feed.xml', '/api/documents.json', '/search/'];
      const fromRoot = relative(root, content).split('\\').join('/');
      const sources = [...Object.keys(files), symlinkVersion, danglingVersion, `${linkedFolder}/bin/env`].flatMap((path) => [
        `/@fs${join(content, path)}?raw`, `/@fs${join(content, path)}?import`, `/@fs${join(content, path)}`, `/@fs${join(content, path)}?url`,
        `/${fromRoot}/${path}?import`, `/${fromRoot}/${path}?raw`, `/src/../${fromRoot}/${path}?raw`, `/node_modules/../${fromRoot}/${path}?import`,
        `/@id/${join(content, path)}`, `/@id/__x00__${join(content, path)}`, `/@fs${join(content, path).replace('/content/', '/%63ontent/')}?raw`,
      ]);
      for (const path of [...pages, ...sources]) {
        for (const [method, accept] of [['GET', 'text/html'], ['GET', '*/*'], ['HEAD', '*/*']] as const) {
          const response = await send(origin, path, method, accept);
          const what = `${method} ${path} (Accept: ${accept})`;
          // Refused clearly: pages with the list of problems (500), content files as never served (403; Astro's own
          // routing answers 404 first for some shapes of path, or hands them on as a page, which the guard refuses).
          if (pages.includes(path)) expect(response.status, `${what}: ${response.body.slice(0, 300)}`).toBe(500);
          else expect([403, 404, 500], `${what}: ${response.status} ${response.body.slice(0, 300)}`).toContain(response.status);
          if (method === 'HEAD') continue;
          if (response.status !== 500) {
            if (response.status === 403) expect(response.type, what).toMatch(/^text\/plain/);
            for (const text of attackText) expect(response.body, what).not.toContain(text);
          } else {
            const page = parse(response.body);
            expect(page.querySelector('h1')?.textContent, what).toMatch(/The content has \d+ errors?/);
            expect(page.querySelectorAll('script, iframe, base, form, style, svg, math, template, img, meta[http-equiv]').length, what).toBe(0);
            for (const element of page.querySelectorAll('*')) expect(Object.keys(element.attributes).filter((name) => /^on/i.test(name)), what).toEqual([]);
            expect(response.body, what).not.toContain('root:x:0:0');
          }
        }
      }
      const blocked = await send(origin, '/terms-of-use/2020-02-01/', 'GET', 'text/html');
      // The list the page shows is the check's (src/node/dev-content-guard.ts): each attack at its line.
      for (const attack of list) for (const { line, ruleId } of attack.expected) expect(blocked.body, attack.what).toMatch(new RegExp(`${attack.path.replace(/[.]/g, '\\.')}:${line}:\\d+: error: [^<]*\\[${ruleId}\\]`));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(existsSync(marker)).toBe(false);
      expect(output).not.toContain('root:x:0:0');
      expect(output).not.toContain('Maximum call stack');

      // Once the attacks are gone the same server renders again: each refusal above was the attacks'.
      for (const path of [...Object.keys(files), symlinkVersion, danglingVersion, linkedFolder]) rmSync(join(content, path));
      expect((await send(origin, '/privacy-statement/', 'GET', 'text/html')).status).toBe(200);
      // A content file is never served, even when the content is fine.
      expect((await send(origin, `/@fs${join(content, 'privacy-statement', '2024-03-01.mdx')}?raw`, 'GET', '*/*')).status).toBe(403);
    }, 180_000);
  });
});
