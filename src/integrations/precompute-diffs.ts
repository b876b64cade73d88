/**
 * Astro integration that starts diffing the versions as soon as `astro build` starts, on a worker
 * thread (src/node/precomputed-diffs.ts), so the changes pages find their diffs ready instead of
 * computing them one after another on Astro's thread. Does nothing in `astro dev`.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { PrecomputedDiffs, setActivePrecomputedDiffs } from '../node/precomputed-diffs.ts';
import type { Settings } from '../settings.ts';

/**
 * @param settings The build's settings (its content folder).
 * @returns The integration.
 */
export function precomputeDiffs(settings: Settings): AstroIntegration {
  let diffs: PrecomputedDiffs | undefined;
  return {
    name: 'legal-precompute-diffs',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        diffs = new PrecomputedDiffs(resolve(settings.contentDir), (error) =>
          logger.warn(`The diff worker stopped (${error.message}); the changes pages compute their diffs themselves, more slowly.`));
        setActivePrecomputedDiffs(diffs);
      },
      'astro:build:done': async () => {
        setActivePrecomputedDiffs(undefined);
        await diffs?.stop();
      },
    },
  };
}
