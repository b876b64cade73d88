/**
 * One `astro dev` of this project at a time across test files. Dev servers of one project share its
 * `.astro/` folder: the content store every page reads in dev (`.astro/data-store.json`, watched and
 * reloaded by each server) and the dev-server lock (`.astro/dev.json`), so a second server started by
 * another test file replaced the first one's content under its pages, or refused to start.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tmp } from './site.ts';

const lock = join(tmp, 'dev-server.lock');

/**
 * Wait for this test file's turn to run `astro dev` before the tests of the calling `describe`, and
 * give it back after them. Call it before the `beforeAll` that starts the server.
 *
 * @throws Error (from the hook) when no turn came within 10 minutes.
 */
export function devServerTurn(): void {
  let held = false;
  beforeAll(async () => {
    mkdirSync(tmp, { recursive: true });
    for (const start = Date.now(); Date.now() - start < 600_000;) {
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
        held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!alive(Number(readFileSync(lock, 'utf8')))) rmSync(lock, { force: true }); // left by a test run that died
        else await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    throw new Error(`Another test file has held ${lock} for 10 minutes: is a test run stuck?`);
  }, 660_000);
  afterAll(() => {
    if (held) rmSync(lock, { force: true });
  });
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
