/**
 * Replace an output folder (`dist/`, LEGAL_OUT_DIR) with a newly built site so that, whenever the build
 * stops, even by `kill -9`, the folder holds either the previous site or the new one, complete.
 *
 * Everything lives beside the output folder, in its parent, so every rename stays on one file system:
 * - `.build-<name>-<pid>`: the staging folder, the finished site waiting to move in;
 * - `.build-<name>-<pid>-old`: the previous site, between the two renames of the swap;
 * - `.build-<name>.lock`: the lock of output-lock.ts, held for the whole build.
 *
 * The swap is two renames: the output folder to `-old`, then the staging folder to the output folder; then
 * `-old` is deleted. Linux can exchange two folders in one step (renameat2 with RENAME_EXCHANGE), but Node
 * cannot call it, and a symlink in place of the folder would not suit hosts that want a real folder. So between
 * the two renames (microseconds) the output folder is missing; a build killed exactly then leaves the
 * previous site complete in `-old`, and the next build puts it back before anything else
 * ({@link recoverOutputFolder}), then removes the folders stopped builds left behind.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { processAlive } from './output-lock.ts';

/** The output folder and the paths beside it that a build uses to replace it. */
export interface OutputPaths {
  /** The output folder, absolute, through any symlinks (a symlinked output folder stays a symlink). */
  out: string;
  /** Its parent folder, where the other paths are. */
  parent: string;
  /** `.build-<name>-<pid>`: the finished site before it moves in. */
  staging: string;
  /** `.build-<name>-<pid>-old`: the previous site, between the two renames of the swap. */
  old: string;
  /** `.build-<name>.lock`: held by the build writing the output folder (output-lock.ts). */
  lock: string;
}

/** A step of {@link replaceOutputFolder}, reported as soon as it is done. */
export type SwapStep = 'moved-aside' | 'moved-in' | 'removed-old';

/** The file system calls this module makes that can fail across file systems, replaceable in tests. */
export interface MoveCalls {
  renameSync: (from: string, to: string) => void;
}

/** What {@link recoverOutputFolder} did. */
export interface Recovery {
  /** The `-old` folder moved back to the output folder, or null. */
  restored: string | null;
  /** Folders and files of stopped builds that were deleted. */
  removed: string[];
}

/** Thrown when the output folder cannot be replaced by renames (a mount point, or a file). */
export class OutputFolderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OutputFolderError';
  }
}

/**
 * Resolve the paths of an output folder, creating its parent folder if needed.
 *
 * @param outDir The output folder as given (relative to the working folder, or absolute).
 * @param pid Process id the staging and `-old` folders are named after. Default: this process.
 * @returns The paths; `out` is resolved through symlinks (its parent's, and its own when it is one).
 * @throws OutputFolderError when the output folder exists but is not a folder, or is a mount point (it cannot
 *   be renamed: mount its parent, or point LEGAL_OUT_DIR to a folder inside it).
 */
export function outputPaths(outDir: string, pid: number = process.pid): OutputPaths {
  const given = resolve(outDir);
  mkdirSync(dirname(given), { recursive: true });
  const out = existsSync(given) ? realpathSync(given) : join(realpathSync(dirname(given)), basename(given));
  const parent = dirname(out);
  if (existsSync(out)) {
    const stat = statSync(out);
    if (!stat.isDirectory()) throw new OutputFolderError(`The output folder ${out} is not a folder: delete it or set LEGAL_OUT_DIR to another path.`);
    if (stat.dev !== statSync(parent).dev) {
      throw new OutputFolderError(
        `The output folder ${out} is a mount point, so it cannot be replaced in one move: mount its parent folder instead, or set LEGAL_OUT_DIR to a folder inside it (e.g. ${join(out, 'site')}).`,
      );
    }
  }
  const name = basename(out);
  const staging = join(parent, `.build-${name}-${pid}`);
  return { out, parent, staging, old: `${staging}-old`, lock: join(parent, `.build-${name}.lock`) };
}

/**
 * Put back the previous site if a build was killed between the two renames of its swap, and delete what
 * stopped builds left beside the output folder (staging, `-old` and `-cache` folders, lock files set aside).
 * Call it while holding the lock (output-lock.ts).
 *
 * @param paths The output folder's paths.
 * @param alive Whether the build with a given pid is still running. Default: {@link processAlive}.
 *   Leftovers of running builds and of this process are kept.
 * @returns What was restored and removed.
 */
export function recoverOutputFolder(paths: OutputPaths, alive: (pid: number) => boolean = processAlive): Recovery {
  const stopped = leftovers(paths).filter((entry) => entry.pid !== process.pid && !alive(entry.pid));
  let restored: string | null = null;
  if (!existsSync(paths.out)) {
    // At most one `-old` folder exists (each build restores it before it swaps); should there be more, the one
    // moved aside last (its inode changed last) is the site that was published last.
    const olds = stopped.filter((entry) => entry.kind === 'old').sort((a, b) => lstatSync(b.path).ctimeMs - lstatSync(a.path).ctimeMs);
    if (olds.length > 0) {
      renameSync(olds[0]!.path, paths.out);
      restored = olds[0]!.path;
    }
  }
  const removed: string[] = [];
  for (const entry of stopped) {
    if (entry.path === restored) continue;
    rmSync(entry.path, { recursive: true, force: true });
    removed.push(entry.path);
  }
  return { restored, removed };
}

/**
 * Move a built site to the staging folder beside the output folder: a rename, or, when the site was built on
 * another file system (EXDEV), a copy followed by deleting the original. A copy interrupted half-way leaves a
 * half-written staging folder, never a half-written output folder; the next build deletes it.
 *
 * @param built The folder the site was built in.
 * @param paths The output folder's paths.
 * @param calls File system calls (tests inject a rename that fails with EXDEV).
 * @returns `renamed` or `copied`.
 * @throws The rename's error for anything other than EXDEV.
 */
export function moveToStaging(built: string, paths: OutputPaths, calls: MoveCalls = { renameSync }): 'renamed' | 'copied' {
  rmSync(paths.staging, { recursive: true, force: true });
  try {
    calls.renameSync(built, paths.staging);
    return 'renamed';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  cpSync(built, paths.staging, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true });
  rmSync(built, { recursive: true, force: true });
  return 'copied';
}

/**
 * Replace the output folder with the staging folder: rename the output folder to `-old`, rename the staging
 * folder to the output folder, delete `-old`. Both renames are within one folder, so neither crosses a file
 * system. If the second rename fails, the previous site is moved back before the error is thrown.
 *
 * @param paths The output folder's paths; the staging folder must hold the finished site.
 * @param onStep Called after each step (tests stop the process there).
 * @param calls File system calls (tests inject failures).
 * @throws OutputFolderError when the output folder cannot be moved (EBUSY: a mount point); otherwise the
 *   rename's error, after the previous site was put back.
 */
export function replaceOutputFolder(paths: OutputPaths, onStep: (step: SwapStep) => void = () => {}, calls: MoveCalls = { renameSync }): void {
  const hadSite = existsSync(paths.out);
  if (hadSite) {
    rmSync(paths.old, { recursive: true, force: true });
    try {
      calls.renameSync(paths.out, paths.old);
    } catch (error) {
      // A bind mount has the same device number as its parent, so outputPaths cannot see it: rename says EBUSY.
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY') throw error;
      throw new OutputFolderError(`The output folder ${paths.out} cannot be moved (it is in use or a mount point): mount its parent folder instead, or set LEGAL_OUT_DIR to a folder inside it.`, { cause: error });
    }
    onStep('moved-aside');
  }
  try {
    calls.renameSync(paths.staging, paths.out);
  } catch (error) {
    if (hadSite) renameSync(paths.old, paths.out);
    throw error;
  }
  onStep('moved-in');
  if (hadSite) rmSync(paths.old, { recursive: true, force: true });
  onStep('removed-old');
}

/**
 * Delete the folders named `<prefix><pid>` in a folder whose build is no longer running (e.g. Astro's working
 * folders `.astro/build-<pid>`, shared by builds into different output folders).
 *
 * @param dir The folder to look in (nothing happens when it does not exist).
 * @param prefix The name before the pid, e.g. `build-`.
 * @param alive Whether the build with a given pid is still running. Default: {@link processAlive}.
 * @returns The deleted paths.
 */
export function removeFoldersOfStoppedBuilds(dir: string, prefix: string, alive: (pid: number) => boolean = processAlive): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

interface Leftover {
  path: string;
  pid: number;
  kind: 'staging' | 'old' | 'cache' | 'lock';
}

/** Entries beside the output folder that builds (this version of the script or an earlier one) create. */
function leftovers(paths: OutputPaths): Leftover[] {
  const name = escapeRegExp(basename(paths.out));
  const folder = new RegExp(`^\\.build-${name}-(\\d+)(-old|-cache)?$`);
  const lockAside = new RegExp(`^\\.build-${name}\\.lock\\.stale-(\\d+)-[0-9a-f]+$`);
  const found: Leftover[] = [];
  for (const entry of readdirSync(paths.parent)) {
    const match = folder.exec(entry);
    if (match) found.push({ path: join(paths.parent, entry), pid: Number(match[1]), kind: match[2] === '-old' ? 'old' : match[2] === '-cache' ? 'cache' : 'staging' });
    const aside = lockAside.exec(entry);
    if (aside) found.push({ path: join(paths.parent, entry), pid: Number(aside[1]), kind: 'lock' });
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
