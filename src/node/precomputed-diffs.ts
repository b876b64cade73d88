/**
 * Diffs computed ahead of the pages that print them: the diff integration starts a worker thread
 * (src/node/diff-worker.ts) when `astro build` starts, which diffs every pair of consecutive
 * versions on another core while Vite compiles the site; src/data/diffs.ts takes each diff from
 * here when it is ready, and computes any other itself. Same functions, same inputs, so the same
 * diffs either way (docs/decisions/0004-build-pipeline.md).
 */
import { Worker } from 'node:worker_threads';
import type { VersionDiff } from '../lib/diff/index.ts';

/** The diffs a worker is computing, by `<document>/<from>/<to>` (effective dates `YYYY-MM-DD`). */
export class PrecomputedDiffs {
  readonly #worker: Worker;
  readonly #diffs = new Map<string, VersionDiff>();
  readonly #waiting = new Map<string, ((diff: VersionDiff | undefined) => void)[]>();
  #finished = false;
  #stopped = false;

  /**
   * Start diffing a content folder.
   *
   * @param contentDir Absolute path of the content folder.
   * @param onFailure Told when the worker stops before it has diffed every pair (the pages then
   *   diff the rest themselves, so the build only gets slower: say so).
   */
  constructor(contentDir: string, onFailure: (error: Error) => void = () => {}) {
    const worker = (this.#worker = new Worker(new URL('./diff-worker.ts', import.meta.url), {
      workerData: { contentDir },
      // The worker runs while Vite compiles the site, when Astro's memory peaks; it keeps two versions at a time,
      // and small heaps cut its resident memory by a third (395 -> 260 MB at 1,000 versions) at the same speed. A
      // version too large for them stops the worker (an 'error' below), and the pages diff for themselves.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 },
    }));
    worker.on('message', (message: { key: string; diff: VersionDiff } | { done: true }) => {
      if ('done' in message) return this.#finish();
      this.#diffs.set(message.key, message.diff);
      for (const resolve of this.#waiting.get(message.key) ?? []) resolve(message.diff);
      this.#waiting.delete(message.key);
    });
    // On any failure the pages compute what is missing themselves.
    worker.on('error', (error) => {
      if (!this.#finished) onFailure(error instanceof Error ? error : new Error(String(error)));
      this.#finish();
    });
    worker.on('exit', (code) => {
      if (!this.#finished && code !== 0 && !this.#stopped) onFailure(new Error(`the diff worker exited with code ${code}`));
      this.#finish();
    });
  }

  /** Stop the worker (when the build is over); diffs not yet computed are then never computed here. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#worker.terminate();
    this.#finish();
  }

  /**
   * The diff of one pair, once the worker has it.
   *
   * @param key `<document>/<from>/<to>`.
   * @returns The diff, or `undefined` when the worker finished without it (the caller diffs itself).
   */
  get(key: string): Promise<VersionDiff | undefined> {
    const diff = this.#diffs.get(key);
    if (diff || this.#finished) return Promise.resolve(diff);
    return new Promise((resolve) => this.#waiting.set(key, [...(this.#waiting.get(key) ?? []), resolve]));
  }

  #finish(): void {
    this.#finished = true;
    for (const waiting of this.#waiting.values()) for (const resolve of waiting) resolve(undefined);
    this.#waiting.clear();
  }
}

/** Where the build's precomputed diffs are kept for src/data/diffs.ts (bundled by Vite, it shares no module state with integrations). */
const ACTIVE = Symbol.for('prodsmart-legal.precomputed-diffs');

/**
 * @returns The precomputed diffs of the build in progress, or `undefined` (in `astro dev`, in tests).
 */
export function activePrecomputedDiffs(): PrecomputedDiffs | undefined {
  return (globalThis as Record<symbol, PrecomputedDiffs | undefined>)[ACTIVE];
}

/**
 * @param diffs The build's precomputed diffs, or `undefined` when the build is over.
 */
export function setActivePrecomputedDiffs(diffs: PrecomputedDiffs | undefined): void {
  (globalThis as Record<symbol, PrecomputedDiffs | undefined>)[ACTIVE] = diffs;
}
