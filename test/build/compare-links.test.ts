/**
 * Paths to the compare page (issue 16, "Readers"): linked from the history and from every version
 * page, with the pair a reader on that page means (the previous version and this one; for the first
 * version, it and the next); and each version page says "What changed in this version" once.
 */
import { describe, expect, inject, it } from 'vitest';
import { readPage } from '../helpers/site.ts';

const site = inject('fixtureSite');
const compareLink = (path: string) => readPage(site, path).querySelectorAll('a').find((a) => a.textContent === 'Compare with another version')?.getAttribute('href');

describe('links to the compare page', () => {
  it.each([
    ['/privacy-statement/2024-03-01/', '/privacy-statement/compare/?from=2023-01-15&to=2024-03-01'],
    ['/privacy-statement/2025-09-01/', '/privacy-statement/compare/?from=2024-03-01&to=2025-09-01'],
    ['/privacy-statement/2023-01-15/', '/privacy-statement/compare/?from=2023-01-15&to=2024-03-01'],
    ['/privacy-statement/', '/privacy-statement/compare/?from=2023-01-15&to=2024-03-01'],
  ])('should link %s to the compare page with its pair', (path, href) => {
    expect(compareLink(path)).toBe(href);
  });

  it('should link the history to the compare page', () => {
    expect(readPage(site, '/privacy-statement/history/').querySelector('.history__compare a')!.getAttribute('href')).toBe('/privacy-statement/compare/');
  });

  it('should give no compare link to a document with a single version', () => {
    expect(compareLink('/terms-of-use/')).toBeUndefined();
  });

  it.each(['/privacy-statement/2025-09-01/', '/privacy-statement/2023-01-15/', '/privacy-statement/2024-03-01/'])('should say "What changed in this version" at most once on %s', (path) => {
    expect(readPage(site, path).querySelectorAll('a').filter((a) => a.textContent === 'What changed in this version').length).toBeLessThanOrEqual(1);
  });
});
