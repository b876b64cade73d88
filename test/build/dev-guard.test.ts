/**
 * `astro dev` renders versions on request: an edit made while it runs must be checked before any
 * page shows it, and code in the content must never run (src/node/dev-content-guard.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAsOf, fixtureContent, root, tmp } from '../helpers/site.ts';
import { devServerTurn } from '../helpers/dev-server-turn.ts';

const work = join(tmp, `dev-guard-${process.pid}`);
const content = join(work, 'content');
const port = 4700 + (process.pid % 200);
let origin = '';
let server: ChildProcess | undefined;
let output = '';

const page = async (path: string) => {
  const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
  return { status: response.status, body: await response.text() };
};

describe('astro dev with the content guard', () => {
  devServerTurn(); // one dev server of this project at a time (test/helpers/dev-server-turn.ts)
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(fixtureContent, content, { recursive: true });
    server = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--root', root], {
      cwd: root,
      // Without Vitest's own variables (NODE_ENV=test, BASE_URL, VITEST…), with which the dev server serves no page.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))), LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: fixtureAsOf },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Ready when it says where it listens (Astro takes the next free port when that one is taken).
    for (let attempt = 0; attempt < 120; attempt++) {
      const plain = output.replace(/\x1b\[[0-9;]*m/g, ''); // colours, when the environment asks for them (CI)
      const listening = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(plain);
      if (listening && plain.includes('watching for file changes')) {
        origin = listening[1]!;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`astro dev did not start:\n${output}`);
  }, 90_000);

  afterAll(() => {
    server?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('should refuse every page while an edit holds code, never run it, and render again once it is gone', async () => {
    expect((await page('/privacy-statement/')).status).toBe(200);
    const file = join(content, 'privacy-statement', '2024-03-01.mdx');
    const original = readFileSync(file, 'utf8');
    // The marker is only ever whole if the code runs: the check's message quotes the expression as written.
    appendFileSync(file, '\nTotal {process.stdout.write("CODE-" + "RAN-" + "MARK\\n") && ""} here.\n');
    for (const path of ['/privacy-statement/', '/privacy-statement/2024-03-01/', '/terms-of-use/']) {
      const refused = await page(path);
      expect(refused.status, path).toBe(500);
      expect(refused.body).toContain('privacy-statement/2024-03-01.mdx');
      expect(refused.body).toContain('[safe-mdx-expression]');
    }
    // Not only browsers' page requests: HEAD, and GET accepting anything, are refused too.
    const head = await fetch(`${origin}/privacy-statement/2024-03-01/`, { method: 'HEAD' });
    expect(head.status).toBe(500);
    const any = await fetch(`${origin}/privacy-statement/2024-03-01/`, { headers: { accept: '*/*' } });
    expect(any.status).toBe(500);
    expect(await any.text()).not.toContain('Total ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(output).not.toContain('CODE-RAN-MARK');
    writeFileSync(file, original);
    expect((await page('/privacy-statement/')).status).toBe(200);
  }, 60_000);
});
