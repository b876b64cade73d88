/**
 * Site settings, with the environment variables that override them for one build.
 *
 * | setting     | default                        | variable           |
 * |-------------|--------------------------------|--------------------|
 * | timeZone    | America/Los_Angeles            | LEGAL_TIME_ZONE    |
 * | asOf        | today in `timeZone`            | LEGAL_AS_OF        |
 * | contentDir  | content                        | LEGAL_CONTENT_DIR  |
 * | base        | /                              | LEGAL_BASE         |
 * | site        | https://legal.prodsmart.com    | LEGAL_SITE         |
 *
 * The time zone is the company's (San Francisco): "today" there decides which version is current.
 */
import { isCivilDate, todayIn, type CivilDate } from './lib/dates.ts';

/** Settings of one build. */
export interface Settings {
  /** Company name shown in the header. */
  company: string;
  /** IANA time zone in which "today" is reckoned. */
  timeZone: string;
  /** The as-of date, `YYYY-MM-DD`. */
  asOf: CivilDate;
  /** Content folder, relative to the project root or absolute. */
  contentDir: string;
  /** Base path the site is served under, starting and ending with `/`, e.g. `/legal/`. */
  base: string;
  /** Origin the site is published at, for canonical links and feeds. */
  site: string;
}

/** Thrown when an environment variable holds an unusable value. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * Resolve the settings of a build from defaults and environment variables.
 *
 * @param env Usually `process.env`.
 * @param now The instant "today" is taken from; defaults to now.
 * @throws SettingsError when `LEGAL_AS_OF` is not a real `YYYY-MM-DD` date or `LEGAL_TIME_ZONE` is unknown.
 */
export function resolveSettings(env: Record<string, string | undefined>, now: Date = new Date()): Settings {
  const timeZone = env.LEGAL_TIME_ZONE || 'America/Los_Angeles';
  let today: CivilDate;
  try {
    today = todayIn(timeZone, now);
  } catch (error) {
    throw new SettingsError(`LEGAL_TIME_ZONE="${timeZone}" is not an IANA time zone; use e.g. America/Los_Angeles.`);
  }
  const asOf = env.LEGAL_AS_OF || today;
  if (!isCivilDate(asOf)) {
    throw new SettingsError(`LEGAL_AS_OF="${asOf}" is not a real date; write it YYYY-MM-DD, e.g. LEGAL_AS_OF=2024-05-01.`);
  }
  const base = `/${(env.LEGAL_BASE || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return {
    company: 'Prodsmart',
    timeZone,
    asOf,
    contentDir: env.LEGAL_CONTENT_DIR || 'content',
    base,
    site: (env.LEGAL_SITE || 'https://legal.prodsmart.com').replace(/\/+$/, ''),
  };
}
