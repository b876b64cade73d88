/**
 * An exclusive lock on an output folder, so that two builds never write one folder at once.
 *
 * The lock is a file beside the folder (`.build-<name>.lock`, see publish-folder.ts), created with
 * `open(…, 'wx')` (O_CREAT | O_EXCL: exactly one process can create it) and holding its owner as JSON: pid,
 * host, the process's start time from `/proc` (so a reused pid is not taken for the owner) and a random id.
 * A build that finds the lock held by a live build waits, saying who holds it, up to a time limit; a lock
 * whose owner is dead (killed, or the machine restarted) is taken over. A lock from another host cannot be
 * judged from here and counts as held.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, constants, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** Who holds a lock: what the lock file says. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Start time of the process in clock ticks since boot (`/proc/<pid>/stat`, field 22), or null off Linux. */
  started: string | null;
  /** When the lock was taken, ISO 8601 in UTC (for messages only). */
  since: string;
  /** Random hex id, so two owners are never equal. */
  id: string;
}

/** A lock this process holds. */
export interface OutputLock {
  /** Path of the lock file. */
  path: string;
  owner: LockOwner;
  /** Whether the lock file still names this process (false if someone deleted or took it). */
  held(): boolean;
  /** Delete the lock file if it still names this process; safe to call twice. */
  release(): void;
}

/** Options of {@link lockOutputFolder}. */
export interface LockOptions {
  /** How long to wait for a live owner to finish, in ms (0: fail at once). Default 600,000 (10 min). */
  timeoutMs?: number;
  /** Interval between two attempts while waiting, in ms. Default 250. */
  pollMs?: number;
  /** Called once for each owner the caller starts waiting for. */
  onWait?: (owner: LockOwner | null) => void;
  /** Called when a dead owner's lock is taken over. */
  onTakeOver?: (owner: LockOwner | null) => void;
}

/** Thrown when the lock is still held by a live build (or one on another host) after the time limit. */
export class OutputFolderBusyError extends Error {
  /** The lock file. */
  readonly lockPath: string;
  /** Its owner, or null when the file could not be read. */
  readonly owner: LockOwner | null;
  /**
   * @param lockPath The lock file.
   * @param owner Its owner, or null when the file could not be read.
   * @param waitedMs How long this build waited, in ms.
   */
  constructor(lockPath: string, owner: LockOwner | null, waitedMs: number) {
    const who = owner ? describeOwner(owner) : 'another build (the lock file names no owner yet)';
    const remote = owner && owner.host !== hostname() ? ` This machine (${hostname()}) cannot tell whether a build on ${owner.host} is still running.` : '';
    super(
      `${who} is writing the same output folder (lock ${lockPath}); gave up after waiting ${Math.round(waitedMs / 1000)} s.${remote}` +
        ` Wait for that build to finish, set LEGAL_BUILD_WAIT to wait longer (seconds), or, if no build is running, delete ${lockPath}.`,
    );
    this.name = 'OutputFolderBusyError';
    this.lockPath = lockPath;
    this.owner = owner;
  }
}

/** Age in ms below which a lock file that names no owner yet is taken to be in the middle of being written. */
const UNWRITTEN_GRACE_MS = 5_000;

/**
 * Take the lock on an output folder, waiting while a live build holds it.
 *
 * @param lockPath The lock file (its folder must exist).
 * @param options Time limit and progress callbacks.
 * @returns The lock, held by this process.
 * @throws OutputFolderBusyError when a live build still holds the lock after `timeoutMs`; an Error from the
 *   file system when the lock file cannot be created (e.g. EACCES).
 */
export async function lockOutputFolder(lockPath: string, options: LockOptions = {}): Promise<OutputLock> {
  const { timeoutMs = 600_000, pollMs = 250, onWait, onTakeOver } = options;
  const owner = currentOwner();
  const text = `${JSON.stringify(owner)}\n`;
  const startedAt = Date.now();
  let waitingFor: string | undefined;
  for (;;) {
    if (tryCreate(lockPath, text)) return heldLock(lockPath, owner, text);
    const found = readLock(lockPath);
    if (found === null) continue; // released in between: try again at once
    if (!ownerAlive(found)) {
      if (removeDeadLock(lockPath, found.text)) onTakeOver?.(found.owner);
      continue;
    }
    if (Date.now() - startedAt >= timeoutMs) throw new OutputFolderBusyError(lockPath, found.owner, Date.now() - startedAt);
    if (waitingFor !== found.text) {
      waitingFor = found.text;
      onWait?.(found.owner);
    }
    await sleep(pollMs);
  }
}

/**
 * Whether a process on this machine is alive.
 *
 * @param pid Process id.
 * @param started Its start time as recorded (`/proc/<pid>/stat` field 22); when given and `/proc` is
 *   readable, a process with that pid but another start time (a reused pid) counts as dead.
 * @returns False when no such process exists, it is a zombie, or the pid was reused; true otherwise
 *   (also when it belongs to another user: EPERM).
 */
export function processAlive(pid: number, started: string | null = null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(pid);
  if (stat === null) return true;
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return started === null || stat.started === started;
}

/**
 * Describe a lock's owner for a message.
 *
 * @returns E.g. `Another build (pid 4242 on ci-runner, since 2025-06-01T08:10:00.000Z)`.
 */
export function describeOwner(owner: LockOwner): string {
  return `Another build (pid ${owner.pid} on ${owner.host}, since ${owner.since})`;
}

function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    started: procStat(process.pid)?.started ?? null,
    since: new Date().toISOString(),
    id: randomBytes(8).toString('hex'),
  };
}

/** Create the lock file with `text` in it; false when it already exists. */
function tryCreate(lockPath: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface FoundLock {
  text: string;
  owner: LockOwner | null;
  ageMs: number;
}

/** The lock file's text and owner, or null when there is no lock file. */
function readLock(lockPath: string): FoundLock | null {
  try {
    const text = readFileSync(lockPath, 'utf8');
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    return { text, owner: parseOwner(text), ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.id === 'string') {
      return { pid: value.pid, host: value.host, started: value.started ?? null, since: value.since ?? '?', id: value.id };
    }
  } catch {
    // An empty or half-written file: judged by its age below.
  }
  return null;
}

/** Whether a found lock may still be in use. */
function ownerAlive(found: FoundLock): boolean {
  // Between open('wx') and write() the file is empty: young, it is being written; old, its writer died.
  if (found.owner === null) return found.ageMs < UNWRITTEN_GRACE_MS;
  if (found.owner.host !== hostname()) return true;
  return processAlive(found.owner.pid, found.owner.started);
}

/**
 * Remove a lock judged dead, unless it changed since it was read. The lock file is first renamed aside
 * (atomic: of several builds taking over at once, one moves it), then its text is compared with what was
 * judged dead: if another build had taken over and locked in between, its live lock is put back (a copy with
 * COPYFILE_EXCL, which never overwrites a lock taken meanwhile).
 *
 * @param lockPath The lock file.
 * @param deadText The text of the lock file that was judged dead.
 * @returns True when that dead lock was removed; false when the lock file is gone or holds another lock
 *   (left in place).
 */
export function removeDeadLock(lockPath: string, deadText: string): boolean {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') === deadText) return true;
    try {
      copyFileSync(aside, lockPath, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A third build locked in between: the build whose lock was moved finds it lost (held() is false)
      // before it replaces the folder, and fails.
    }
    return false;
  } finally {
    rmSync(aside, { force: true });
  }
}

function heldLock(path: string, owner: LockOwner, text: string): OutputLock {
  const held = () => {
    try {
      return readFileSync(path, 'utf8') === text;
    } catch {
      return false;
    }
  };
  return {
    path,
    owner,
    held,
    release() {
      if (held()) rmSync(path, { force: true });
    },
  };
}

/** State and start time of a process from `/proc/<pid>/stat`, or null when unreadable (not Linux, or gone). */
function procStat(pid: number): { state: string; started: string } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields are counted after the last `)`.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields.length > 19 ? { state: fields[0]!, started: fields[19]! } : null;
}
