/**
 * Astro integration that runs the content check before anything is built, so `astro build` and
 * `astro dev` refuse content that `npm run check` would refuse: `astro build` once at the start,
 * `astro dev` at the first page request after the dev server's watcher saw a change under the content
 * folder (src/node/dev-content-guard.ts).
 */
import type { AstroIntegration } from 'astro';
import { assertContentValid } from '../node/run-check.ts';
import { resolve } from 'node:path';
import { blocksPreview, contentErrorPage, DevContentGuard, isUnderContent, namesContentFile } from '../node/dev-content-guard.ts';
import { checkedToken } from '../node/check-in-subprocess.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { count } from '../lib/editor-messages.ts';
import type { Settings } from '../settings.ts';

/**
 * @param settings The build's settings (content folder, as-of date).
 * @returns The integration; its `astro:config:setup` hook throws ContentError on content errors.
 */
export function contentCheck(settings: Settings): AstroIntegration {
  return {
    name: 'legal-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // The dev server checks before every page instead (astro:server:setup below).
        if (command === 'dev') return;
        // scripts/build.ts has just checked this content at this as-of date: checking twice doubles the time.
        if (process.env.LEGAL_CONTENT_CHECKED === checkedToken(settings)) return logger.info(`content checked by the build script, as of ${settings.asOf}`);
        const result = assertContentValid(settings);
        for (const warning of result.diagnostics) logger.warn(formatDiagnostic(warning));
        logger.info(`${count(result.versions.length, 'version')} checked, as of ${settings.asOf} (${settings.timeZone})`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const guard = new DevContentGuard(settings, (diagnostics) => {
          for (const diagnostic of diagnostics) (blocksPreview(diagnostic) ? logger.error : logger.warn).call(logger, formatDiagnostic(diagnostic));
        });
        guard.blocking(); // report at start-up
        // Vite's watcher (the one the versions loader re-reads on) tells the guard of every change under the content
        // folder. `raw` comes straight from fs.watch, before chokidar stats the file and says `change`: a page
        // requested right after an edit is checked against it, never served from the text before.
        const folder = resolve(settings.contentDir);
        server.watcher.add(folder);
        server.watcher.on('all', (_event, path) => {
          if (isUnderContent(path, folder)) guard.changed();
        });
        server.watcher.on('raw', (_event, _path, details) => {
          const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
          if (typeof watched !== 'string' || isUnderContent(watched, folder)) guard.changed();
        });
        server.middlewares.use((request, response, next) => {
          // Files of the content folder are never served, by any route of Vite's (`/@fs/`, `?raw`, `.md?import`):
          // a version is shown only as its page (src/node/dev-content-guard.ts namesContentFile).
          const asked = [request.url, (request as { originalUrl?: string }).originalUrl].filter((url): url is string => typeof url === 'string');
          if (asked.some((url) => namesContentFile(url, server.config.root, settings.contentDir))) {
            response.statusCode = 403;
            response.setHeader('Content-Type', 'text/plain; charset=utf-8');
            response.end('403: the files of the content folder are not served. Versions are data: each is shown only as its page, e.g. /privacy-statement/.\n');
            return;
          }
          // Every request but Vite's own (modules, the client, files of the project's source) is held while the
          // content has errors: any method, any Accept header. Versions are data, so no request can run content
          // code anyway (src/node/versions-loader.ts); the guard keeps a refused text from being shown.
          if (/^\/(@vite|@id|@fs|@react-refresh|node_modules|src)\//.test(request.url ?? '')) return next();
          const blocking = guard.blocking();
          if (blocking.length === 0) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(contentErrorPage(blocking));
        });
      },
    },
  };
}
