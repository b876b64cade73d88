// @ts-check
import { defineConfig } from 'astro/config';
import { resolveSettings } from './src/settings.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { precomputeDiffs } from './src/integrations/precompute-diffs.ts';
import { legalSitemap } from './src/integrations/sitemap.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { robotsFile } from './src/integrations/robots.ts';

const settings = resolveSettings(process.env);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  // URLs are a contract: one style, always with a trailing slash (/privacy-statement/2022-03-31/).
  trailingSlash: 'always',
  // Never inline stylesheets or scripts: the Content-Security-Policy allows only files from 'self'
  // (src/lib/security/security-policy.ts), with no 'unsafe-inline' and no hashes to keep in step.
  build: { format: 'directory', inlineStylesheets: 'never' },
  output: 'static',
  // The preview (`astro dev`) shows the pages as the site does: no toolbar over them, and no inline script (the
  // toolbar's settings), which the Content-Security-Policy refuses (src/lib/security/security-policy.ts).
  devToolbar: { enabled: false },
  outDir: process.env.LEGAL_OUT_DIR || './dist',
  // Each build script run gets a fresh cache, so builds are reproducible and can run side by side.
  cacheDir: process.env.LEGAL_CACHE_DIR || './node_modules/.astro',
  // Versions are data, never code (docs/decisions/0010-versions-are-data.md): the versions loader
  // (src/content.config.ts) parses, allows and renders every version itself, so neither @astrojs/mdx
  // nor Astro's Markdown pipeline ever sees a content file. The site has no Markdown or MDX pages.
  integrations: [contentCheck(settings), precomputeDiffs(settings), securityHeaders(settings.base), robotsFile(settings.site, settings.base), pagefindIndex(), legalSitemap(settings)],
  vite: {
    logLevel: 'warn',
    // The dev server's watcher never follows a symbolic link: a link in the content folder to / or /usr (refused by
    // the check, but watched before any check runs) had it walk the whole tree, ~1 GB and a core while it did.
    server: { watch: { followSymlinks: false } },
    build: {
      assetsInlineLimit: 0,
    },
  },
});
