/**
 * Feeds readers can find (issue 16, "Readers"): every page of a document announces that document's
 * feed beside the site's (`<link rel="alternate">`, which feed readers and browsers discover), and
 * home and history show a visible "Subscribe" link; each points at a feed the build wrote.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readPage } from '../helpers/site.ts';

const site = inject('fixtureSite');
const feeds = (path: string) => readPage(site, path).querySelectorAll('link[rel="alternate"][type="application/atom+xml"]').map((link) => [link.getAttribute('title'), link.getAttribute('href')]);
const written = (href: string) => existsSync(join(site, href));

describe('feed discovery', () => {
  it.each(['/privacy-statement/', '/privacy-statement/history/', '/privacy-statement/compare/', '/privacy-statement/2024-03-01/', '/privacy-statement/2024-03-01/changes/'])('should announce the document\'s feed and the site\'s on %s', (path) => {
    expect(feeds(path)).toEqual([
      ['Privacy Statement: new versions', '/privacy-statement/feed.xml'],
      [expect.stringContaining('Legal Centre: new versions'), '/feed.xml'],
    ]);
    expect(written('/privacy-statement/feed.xml')).toBe(true);
  });

  it('should announce only the site\'s feed on pages of no document', () => {
    expect(feeds('/')).toEqual([[expect.stringContaining('Legal Centre'), '/feed.xml']]);
  });

  it('should show a Subscribe link to the document\'s feed on its history, and to the site\'s on home', () => {
    const history = readPage(site, '/privacy-statement/history/').querySelector('.subscribe a')!;
    expect(history.getAttribute('href')).toBe('/privacy-statement/feed.xml');
    expect(history.textContent).toBe('Subscribe to new versions of the Privacy Statement');
    const home = readPage(site, '/').querySelector('.subscribe a')!;
    expect(home.getAttribute('href')).toBe('/feed.xml');
    expect(written('/feed.xml')).toBe(true);
  });
});
