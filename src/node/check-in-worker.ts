/**
 * Run the content check in a worker thread, so the memory it uses (every version's parsed tree) is
 * returned when it ends instead of staying in the build script's heap while Astro builds.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../lib/diagnostics.ts';
import type { Settings } from '../settings.ts';

/**
 * Check the content folder named by the settings, in a worker thread.
 *
 * @param settings The build's settings.
 * @param cwd Folder a relative content folder is resolved against.
 * @returns Every diagnostic of the check (errors and warnings).
 * @throws Error with the check's message when it could not run (e.g. no content folder).
 */
export function checkInWorker(settings: Settings, cwd: string): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { settings, cwd } });
    worker.once('message', (result: { diagnostics?: Diagnostic[]; error?: string }) => {
      void worker.terminate();
      if (result.error !== undefined) reject(new Error(result.error));
      else resolve(result.diagnostics!);
    });
    worker.once('error', reject);
  });
}

/**
 * The value of `LEGAL_CONTENT_CHECKED` with which the build script tells the Astro integration that
 * this content, at this as-of date, has just been checked, so the integration does not check it twice.
 */
export function checkedToken(settings: Settings): string {
  return `${settings.contentDir}@${settings.asOf}`;
}
