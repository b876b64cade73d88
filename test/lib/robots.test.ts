/**
 * robots.txt (issue 16, "Search engines and sharing"): at the root of the origin it lets every crawler in and
 * names the sitemap; under a base path it is not written (crawlers read only `/robots.txt` at the root, RFC 9309
 * §2.3), and the build says so with the `Sitemap:` line to add there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { robotsPlan } from '../../src/lib/site/robots.ts';

describe('robotsPlan', () => {
  it('should write a robots.txt naming the sitemap index when the site is at the root', () => {
    expect(robotsPlan('https://legal.example.test', '/')).toEqual({ text: 'User-agent: *\nAllow: /\n\nSitemap: https://legal.example.test/sitemap-index.xml\n' });
  });

  it('should write none under a base path, and say where crawlers look and what to add there', () => {
    const plan = robotsPlan('https://example.test', '/legal/');
    expect(plan).not.toHaveProperty('text');
    expect(plan).toEqual({ skipped: expect.stringContaining('crawlers read only https://example.test/robots.txt') });
    expect('skipped' in plan && plan.skipped).toContain('add this line to https://example.test/robots.txt: Sitemap: https://example.test/legal/sitemap-index.xml');
  });

  it('should never write a robots.txt under any base path but /', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), (parts) => !('text' in robotsPlan('https://x.test', `/${parts.join('/')}/`))));
  });
});
