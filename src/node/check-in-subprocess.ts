/**
 * Run the content check in a process of its own, so the memory it takes (every version's parsed
 * tree: about 0.8 GB for 1,000 versions of 5,000 words) is given back before Astro builds. A worker
 * thread is not enough: its memory stays in the parent process's allocator after it ends.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../lib/diagnostics.ts';
import type { Settings } from '../settings.ts';

/**
 * Check the content folder named by the settings, in a child process (so the build script can
 * start Astro at the same time).
 *
 * @param settings The build's settings.
 * @param cwd Folder a relative content folder is resolved against (and messages are relative to).
 * @returns Every diagnostic of the check (errors and warnings).
 * @throws Error with the check's message when it could not run (e.g. no content folder), or when
 *   the child process failed (its stderr is included).
 */
export function checkInSubprocess(settings: Settings, cwd: string): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    // A small young generation (8 MB semi-spaces) keeps the check's resident memory about a third lower
    // at the same speed (measured on 200 versions): it runs beside Astro, so its memory adds to Astro's.
    const script = fileURLToPath(new URL('./check-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--max-semi-space-size=8', script], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      let result: { diagnostics?: Diagnostic[]; error?: string };
      try {
        result = JSON.parse(Buffer.concat(stdout).toString('utf8'));
      } catch (cause) {
        return reject(new Error(`The content check stopped (exit ${status}):\n${Buffer.concat(stderr).toString('utf8')}`, { cause }));
      }
      if (result.error !== undefined) reject(new Error(result.error));
      else resolve(result.diagnostics!);
    });
    child.stdin.end(JSON.stringify({ settings, cwd }));
  });
}

/**
 * The value of `LEGAL_CONTENT_CHECKED` with which the build script tells the Astro integration that
 * this content, at this as-of date, has just been checked, so the integration does not check it twice.
 *
 * @returns `<content folder>@<as-of date>`.
 */
export function checkedToken(settings: Settings): string {
  return `${settings.contentDir}@${settings.asOf}`;
}
