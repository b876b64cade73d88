/**
 * Astro integration that writes the `_headers` file (security headers for hosts that read one)
 * into the built site, from the same policy the pages carry in their `<meta>`.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security/security-policy.ts';

/**
 * @param base The base path the site is served under (`/` or `/legal/`).
 * @returns The integration; its `astro:build:done` hook writes `<outDir>/_headers`.
 */
export function securityHeaders(base: string): AstroIntegration {
  return {
    name: 'legal-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile(base));
      },
    },
  };
}
