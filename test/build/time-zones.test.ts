import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite, fixtureAsOf, fixtureContent } from '../helpers/site.ts';

/** Every `<time>` of every page of a site: `path: datetime=text`. */
function datesOf(dir: string): string[] {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
  return pages.flatMap((page) =>
    parse(readFileSync(join(dir, page), 'utf8')).querySelectorAll('time').map((t) => `${page}: ${t.getAttribute('datetime')}=${t.textContent}`),
  );
}

describe('dates whatever the build machine time zone', () => {
  const reference = datesOf(inject('fixtureSite'));
  const outputs: string[] = [];
  afterAll(() => outputs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each(['Etc/GMT+12', 'Pacific/Kiritimati'])('should print the same dates when built under TZ=%s', (tz) => {
    const run = buildSite(`tz-${tz.replace('/', '-')}-${process.pid}`, { TZ: tz, LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: fixtureAsOf });
    outputs.push(run.outDir);
    expect(run.status, run.stderr).toBe(0);
    expect(reference.length).toBeGreaterThan(20);
    expect(reference).toContain('privacy-statement/index.html: 2024-03-01=March 1, 2024');
    expect(datesOf(run.outDir)).toEqual(reference);
  });
});
