// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { resolveSettings } from './src/settings.ts';
import { baseLinksPlugin } from './src/lib/base-links.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { precomputeDiffs } from './src/integrations/precompute-diffs.ts';
import { legalSitemap } from './src/integrations/sitemap.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

const settings = resolveSettings(process.env);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  // URLs are a contract: one style, always with a trailing slash (/privacy-statement/2022-03-31/).
  trailingSlash: 'always',
  // Never inline stylesheets or scripts: the Content-Security-Policy allows only files from 'self'
  // (src/lib/security-policy.ts), with no 'unsafe-inline' and no hashes to keep in step.
  build: { format: 'directory', inlineStylesheets: 'never' },
  output: 'static',
  outDir: process.env.LEGAL_OUT_DIR || './dist',
  // Each build script run gets a fresh cache, so builds are reproducible and can run side by side.
  cacheDir: process.env.LEGAL_CACHE_DIR || './node_modules/.astro',
  markdown: {
    // `## Heading {#anchor}` pins a section's anchor; the text is published as written (no smart quotes).
    // Links and images in the text are written from the site's root; under a base they are rebased (src/lib/base-links.ts).
    processor: satteri({
      features: { headingAttributes: true, smartPunctuation: false },
      hastPlugins: settings.base === '/' ? [] : [baseLinksPlugin(settings.base)],
    }),
  },
  integrations: [contentCheck(settings), precomputeDiffs(settings), mdx(), securityHeaders(settings.base), pagefindIndex(), legalSitemap(settings)],
  vite: {
    logLevel: 'warn',
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro's own MDX modules carry a "use astro:head-inject" directive the bundler warns about on every
        // version file; the warning is noise for editors and says nothing about their content.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
