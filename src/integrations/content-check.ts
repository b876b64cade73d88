/**
 * Astro integration that runs the content check before anything is built, so `astro build` and
 * `astro dev` refuse content that `npm run check` would refuse.
 */
import type { AstroIntegration } from 'astro';
import { assertContentValid } from '../node/run-check.ts';
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
      'astro:config:setup': ({ logger }) => {
        // scripts/build.ts has just checked this content at this as-of date: checking twice doubles the time.
        if (process.env.LEGAL_CONTENT_CHECKED === checkedToken(settings)) return logger.info(`content checked by the build script, as of ${settings.asOf}`);
        const result = assertContentValid(settings);
        for (const warning of result.diagnostics) logger.warn(formatDiagnostic(warning));
        logger.info(`${count(result.versions.length, 'version')} checked, as of ${settings.asOf} (${settings.timeZone})`);
      },
    },
  };
}
