/**
 * Astro integration that writes `robots.txt` into the built site when the site is served at the root of its
 * origin, and says at build time why it writes none under a base path (src/lib/site/robots.ts `robotsPlan`).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { robotsPlan } from '../lib/site/robots.ts';

/**
 * @param site Origin, e.g. `https://legal.prodsmart.com`.
 * @param base The base path the site is served under (`/` or `/legal/`).
 * @returns The integration; its `astro:build:done` hook writes `<outDir>/robots.txt` or logs a warning.
 */
export function robotsFile(site: string, base: string): AstroIntegration {
  return {
    name: 'legal-robots',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const plan = robotsPlan(site, base);
        if ('text' in plan) writeFileSync(fileURLToPath(new URL('robots.txt', dir)), plan.text);
        else logger.warn(plan.skipped);
      },
    },
  };
}
