/**
 * Astro integration that writes the `_headers` file (security headers for hosts that read one)
 * into the built site, from the same policy the pages carry in their `<meta>`, and tells the pages
 * whether the dev server renders them (`import.meta.env.LEGAL_DEV_SERVER`), so that only the editor's
 * preview gets its own policy (src/lib/security/security-policy.ts `pageMetaPolicy`).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security/security-policy.ts';

/**
 * Name under `import.meta.env` of the flag that is `true` only in pages `astro dev` renders. Not
 * `import.meta.env.DEV`: Vite derives that from NODE_ENV, and a build run with NODE_ENV=test (as
 * under Vitest) or development would print the preview's policy into the built site.
 */
export const devServerFlag = 'LEGAL_DEV_SERVER';

/**
 * @param base The base path the site is served under (`/` or `/legal/`).
 * @returns The integration; its `astro:config:setup` hook defines `import.meta.env.LEGAL_DEV_SERVER`
 *   (`true` for `astro dev`, `false` for every other command), its `astro:build:done` hook writes
 *   `<outDir>/_headers`.
 */
export function securityHeaders(base: string): AstroIntegration {
  return {
    name: 'legal-security-headers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [`import.meta.env.${devServerFlag}`]: JSON.stringify(command === 'dev') } } });
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile(base));
      },
    },
  };
}
