/**
 * Run a command and measure it: wall time, peak resident memory of its whole process tree, and the
 * size of what it wrote. Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What one measured run took. */
export interface Measurement {
  /** Wall-clock time in ms. */
  wallMs: number;
  /**
   * Peak of the summed resident set size (RSS) of the process and all its descendants, in bytes,
   * sampled every 50 ms from /proc (short spikes between samples can be missed).
   */
  peakTreeRss: number;
  /** When the tree peak was reached (ms after the start) and the processes holding it (`name rss-bytes`, largest first). */
  peakAt: { ms: number; processes: string[] };
  /** Peak RSS of the largest single process (from the kernel's `ru_maxrss` via /usr/bin/time), in bytes, or undefined. */
  peakProcessRss?: number;
  /** Exit code. */
  status: number | null;
  /** Last lines of stderr and stdout, for error messages. */
  tail: string;
  /** stdout and stderr interleaved (the last 5 MB). */
  output: string;
}

/**
 * Run `command args` with `env`, sampling the memory of its process tree until it exits.
 *
 * @param command Executable.
 * @param args Arguments.
 * @param options Working directory and environment (merged over process.env).
 * @returns The measurement; never throws for a failing command (see `status`).
 */
export async function measure(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Measurement> {
  const timeBinary = '/usr/bin/time';
  const useTime = exists(timeBinary);
  const [file, argv] = useTime ? [timeBinary, ['-v', command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-5_000_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-5_000_000)));
  let peakTreeRss = 0;
  let peakAt = { ms: 0, processes: [] as string[] };
  const timer = setInterval(() => {
    const sample = treeRss(child.pid!);
    if (sample.total <= peakTreeRss) return;
    peakTreeRss = sample.total;
    peakAt = { ms: performance.now() - start, processes: sample.processes.sort((a, b) => b[1] - a[1]).filter(([, rss]) => rss > 20 * 1024 * 1024).map(([name, rss]) => `${name} ${rss}`) };
  }, 50);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - start;
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  return {
    wallMs,
    peakTreeRss,
    peakAt,
    peakProcessRss: maxRss ? Number(maxRss[1]) * 1024 : undefined,
    status,
    output,
    tail: output.split('\n').filter((line) => !/^\s+(\w[\w ()/:%-]*): /.test(line) || !useTime).slice(-25).join('\n'),
  };
}

/**
 * Total size of the files under a folder.
 *
 * @returns `{ bytes, files }`: summed file sizes in bytes and the number of files.
 */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Summed RSS in bytes of `pid` and its descendants, from /proc/<pid>/stat (field 24, in pages), and each process's share. */
function treeRss(pid: number): { total: number; processes: [string, number][] } {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
      names.set(Number(name), processName(Number(name), stat));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const processes: [string, number][] = [];
  for (const [candidate, bytes] of rss) {
    for (let p: number | undefined = candidate; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === pid) {
        total += bytes;
        processes.push([names.get(candidate)!, bytes]);
        break;
      }
    }
  }
  return { total, processes };
}

/** A short name for a process: its script's file name (`build.ts`, `astro.mjs`) or its command. */
function processName(pid: number, stat: string): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = argv.slice(1).find((arg) => /\.(ts|mjs|js)$/.test(arg));
    return (script ?? argv[0] ?? '').split('/').pop()!;
  } catch {
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
