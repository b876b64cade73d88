/**
 * Worker-thread body of `checkInWorker` (check-in-worker.ts): runs the content check and posts back
 * its diagnostics, or the error's message when the check could not run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContentOnDisk } from './run-check.ts';
import type { Settings } from '../settings.ts';

const { settings, cwd } = workerData as { settings: Settings; cwd: string };
try {
  parentPort!.postMessage({ diagnostics: checkContentOnDisk(settings, cwd).diagnostics });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
