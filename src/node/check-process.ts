/**
 * Body of the process `checkInSubprocess` starts (check-in-subprocess.ts): reads `{ settings, cwd }`
 * as JSON on stdin, runs the content check, and writes `{ diagnostics }` or `{ error }` as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { checkContentOnDisk } from './run-check.ts';
import type { Settings } from '../settings.ts';

const { settings, cwd } = JSON.parse(readFileSync(0, 'utf8')) as { settings: Settings; cwd: string };
try {
  process.stdout.write(JSON.stringify({ diagnostics: checkContentOnDisk(settings, cwd).diagnostics }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
}
