/**
 * The output folder's lock (src/node/output-lock.ts, issue 11 "Build and deploy"): one build at a time,
 * the next one waits or fails naming the holder, and a dead build's lock is taken over, also when many
 * builds race for it. Other processes are real child processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutputFolder, OutputFolderBusyError, processAlive, removeDeadLock, type LockOwner } from '../../src/node/output-lock.ts';
import { root } from '../helpers/site.ts';

const dir = mkdtempSync(join(tmpdir(), 'output-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;
const lockPath = () => join(dir, `.build-site-${++count}.lock`);
const moduleUrl = pathToFileURL(join(root, 'src', 'node', 'output-lock.ts')).href;

/** Start a Node process running an ES module body that can use `lockOutputFolder`. */
function child(body: string) {
  const code = `import { lockOutputFolder } from ${JSON.stringify(moduleUrl)};\n${body}`;
  return spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Resolve with the child's stdout once it contains `text`. */
function untilPrinted(process: ReturnType<typeof child>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    process.on('close', () => reject(new Error(`child exited without printing "${text}": ${seen}`)));
  });
}

const exited = (process: ReturnType<typeof child>) => new Promise<number | null>((resolve) => process.on('close', (code) => resolve(code)));

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

function owner(overrides: Partial<LockOwner>): string {
  return JSON.stringify({ pid: deadPid(), host: hostname(), started: null, since: '2025-01-01T00:00:00.000Z', id: 'feedface', ...overrides });
}

describe('lockOutputFolder', () => {
  it('should write its owner into the lock file and delete it on release', async () => {
    const path = lockPath();
    const lock = await lockOutputFolder(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(lock.held()).toBe(true);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('should make a second build wait, naming the first, until the first releases the lock', async () => {
    const path = lockPath();
    const first = child(`const lock = await lockOutputFolder(${JSON.stringify(path)}); console.log('locked'); setTimeout(() => { lock.release(); console.log('released'); }, 800);`);
    // Listen for the exit at once: the child may be gone before this test gets to ask.
    const firstExit = exited(first);
    await untilPrinted(first, 'locked');
    const waitedFor: (LockOwner | null)[] = [];
    const started = Date.now();
    const lock = await lockOutputFolder(path, { timeoutMs: 20_000, pollMs: 20, onWait: (o) => waitedFor.push(o) });
    expect(waitedFor.map((o) => o?.pid)).toEqual([first.pid]);
    expect(Date.now() - started).toBeGreaterThan(300);
    expect(await firstExit).toBe(0);
    lock.release();
  });

  it('should fail after the time limit with a message naming the build that holds the lock', async () => {
    const path = lockPath();
    const first = child(`await lockOutputFolder(${JSON.stringify(path)}); console.log('locked'); setTimeout(() => {}, 30_000);`);
    try {
      await untilPrinted(first, 'locked');
      const attempt = lockOutputFolder(path, { timeoutMs: 300, pollMs: 20 });
      await expect(attempt).rejects.toThrow(OutputFolderBusyError);
      await expect(attempt).rejects.toThrow(new RegExp(`pid ${first.pid} on ${hostname()}.*lock ${path.replace(/[.]/g, '\\.')}.*LEGAL_BUILD_WAIT`));
    } finally {
      first.kill('SIGKILL');
      await exited(first);
    }
  });

  it('should take over the lock of a build that was killed (kill -9) without waiting', async () => {
    const path = lockPath();
    const killed = child(`await lockOutputFolder(${JSON.stringify(path)}); process.kill(process.pid, 'SIGKILL');`);
    await exited(killed);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(killed.pid);
    const takenFrom: (number | undefined)[] = [];
    const lock = await lockOutputFolder(path, { timeoutMs: 0, onTakeOver: (o) => takenFrom.push(o?.pid) });
    expect(takenFrom).toEqual([killed.pid]);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.skipIf(!existsSync('/proc/self/stat'))('should take over a lock whose pid now belongs to another process (a reused pid)', async () => {
    const path = lockPath();
    writeFileSync(path, owner({ pid: process.pid, started: '1' }));
    const lock = await lockOutputFolder(path, { timeoutMs: 0 });
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('should count a lock from another host as held, and say that it cannot tell whether that build runs', async () => {
    const path = lockPath();
    writeFileSync(path, owner({ pid: 1, host: 'elsewhere.example' }));
    await expect(lockOutputFolder(path, { timeoutMs: 0 })).rejects.toThrow(/on elsewhere\.example.*cannot tell whether a build on elsewhere\.example is still running/);
    expect(existsSync(path)).toBe(true);
  });

  it('should wait for an empty lock file that was just created, and take over one left empty for long', async () => {
    const path = lockPath();
    writeFileSync(path, '');
    await expect(lockOutputFolder(path, { timeoutMs: 0 })).rejects.toThrow(/the lock file names no owner yet/);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path, minuteAgo, minuteAgo);
    const lock = await lockOutputFolder(path, { timeoutMs: 0 });
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('should not delete a lock that another build took on release', async () => {
    const path = lockPath();
    const lock = await lockOutputFolder(path);
    writeFileSync(path, owner({ pid: 1 }));
    expect(lock.held()).toBe(false);
    lock.release();
    expect(existsSync(path)).toBe(true);
  });

  it('should give a dead build\'s lock to exactly one of many builds racing for it, and each its turn', async () => {
    const path = lockPath();
    const log = join(dir, `race-${count}.log`);
    writeFileSync(path, owner({}));
    // All start at the same instant, once every process has loaded the module.
    const startAt = Date.now() + 1_500;
    const racers = Array.from({ length: 8 }, () =>
      child(`import { appendFileSync } from 'node:fs';
while (Date.now() < ${startAt});
const lock = await lockOutputFolder(${JSON.stringify(path)}, { pollMs: 5, timeoutMs: 60_000 });
appendFileSync(${JSON.stringify(log)}, 'enter ' + process.pid + '\\n');
await new Promise((resolve) => setTimeout(resolve, 40));
appendFileSync(${JSON.stringify(log)}, 'leave ' + process.pid + '\\n');
lock.release();`),
    );
    expect(await Promise.all(racers.map(exited))).toEqual(racers.map(() => 0));
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(16);
    for (let i = 0; i < lines.length; i += 2) {
      const pid = lines[i]!.split(' ')[1];
      expect([lines[i], lines[i + 1]]).toEqual([`enter ${pid}`, `leave ${pid}`]);
    }
    expect(new Set(lines.map((line) => line.split(' ')[1])).size).toBe(8);
    expect(existsSync(path)).toBe(false);
  });
});

describe('removeDeadLock', () => {
  it('should remove the lock it judged dead', () => {
    const path = lockPath();
    const dead = owner({});
    writeFileSync(path, dead);
    expect(removeDeadLock(path, dead)).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('should leave in place a lock that another build took after the dead one was read', async () => {
    const path = lockPath();
    const dead = owner({});
    const lock = await lockOutputFolder(path); // a faster build took the dead lock over and locked
    const live = readFileSync(path, 'utf8');
    expect(removeDeadLock(path, dead)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(live);
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('should do nothing when the lock is already gone', () => {
    expect(removeDeadLock(lockPath(), owner({}))).toBe(false);
  });
});

describe('processAlive', () => {
  it('should say this process is alive and an exited one is not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
    expect(processAlive(0)).toBe(false);
  });
});
