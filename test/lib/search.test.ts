import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';
import { archivedWeight, isIndexedPage, searchAttributes } from '../../src/lib/site/search-index.ts';
import { readSearchState, statusFilter, versionLabel, writeSearchState } from '../../src/lib/site/search-page.ts';

const entries = [
  { id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'd' },
  { id: 'new-notice', title: 'New Notice', kind: 'supplemental-notice' as const, parent: 'privacy-statement', description: 'd' },
];
const inputs = [
  { document: 'privacy-statement', effective: '2022-03-31', frontmatter: {} },
  { document: 'privacy-statement', effective: '2024-01-01', frontmatter: { summary: 's', material: true, title: 'Privacy Statement, 2024' } },
  { document: 'privacy-statement', effective: '2026-01-01', frontmatter: { summary: 's', material: true } },
  { document: 'new-notice', effective: '2030-01-01', frontmatter: {} },
];
const [statement, notice] = buildSiteModel(entries, inputs, '2025-01-01', '/');
const version = (effective: string) => [...statement!.versions, ...notice!.versions].find((v) => v.effective === effective)!;

describe('which page indexes a version', () => {
  it('should index the current version at /<document>/ and not on its own version page', () => {
    expect(isIndexedPage(statement!, version('2024-01-01'), 'document')).toBe(true);
    expect(isIndexedPage(statement!, version('2024-01-01'), 'version')).toBe(false);
  });

  it('should index archived and upcoming versions on their own version page', () => {
    expect(isIndexedPage(statement!, version('2022-03-31'), 'version')).toBe(true);
    expect(isIndexedPage(statement!, version('2026-01-01'), 'version')).toBe(true);
  });

  it('should index a document with only an upcoming version once, at /<document>/', () => {
    expect(isIndexedPage(notice!, version('2030-01-01'), 'document')).toBe(true);
    expect(isIndexedPage(notice!, version('2030-01-01'), 'version')).toBe(false);
  });
});

describe('search attributes of a version', () => {
  it('should read filters and metadata from attributes, so titles with commas survive', () => {
    const attributes = searchAttributes(statement!, version('2024-01-01'));
    expect(attributes).toMatchObject({
      'data-pagefind-body': '',
      'data-search-document': 'privacy-statement',
      'data-search-kind': 'statement',
      'data-search-status': 'current',
      'data-search-title': 'Privacy Statement, 2024',
      'data-search-effective': '2024-01-01',
    });
    expect(attributes['data-pagefind-filter']).toBe('document[data-search-document], kind[data-search-kind], status[data-search-status]');
    expect(attributes['data-pagefind-meta']).toBe('title[data-search-title], effective[data-search-effective]');
    expect(attributes['data-pagefind-weight']).toBeUndefined();
  });

  it('should rank archived text lower than text in force', () => {
    expect(searchAttributes(statement!, version('2022-03-31'))['data-pagefind-weight']).toBe(String(archivedWeight));
    expect(archivedWeight).toBeLessThan(1);
  });
});

describe('search page state', () => {
  it('should read and write ?q= and &archived=1 so that a search can be linked to', () => {
    expect(readSearchState('?q=california+rights&archived=1')).toEqual({ query: 'california rights', includeArchived: true });
    expect(readSearchState('?q=cookies&archived=0')).toEqual({ query: 'cookies', includeArchived: false });
    expect(readSearchState('')).toEqual({ query: '', includeArchived: false });
    expect(writeSearchState({ query: 'california rights', includeArchived: true })).toBe('?q=california+rights&archived=1');
    expect(writeSearchState({ query: '', includeArchived: false })).toBe('');
  });

  it('should search current and upcoming versions unless archived ones are included', () => {
    expect(statusFilter(false)).toEqual({ status: { any: ['current', 'upcoming'] } });
    expect(statusFilter(true)).toEqual({});
  });

  it('should label archived and upcoming results with their date, and leave current ones unlabelled', () => {
    expect(versionLabel('archived', '2022-03-31')).toEqual({ badge: 'Archived', dates: 'Version effective March 31, 2022' });
    expect(versionLabel('upcoming', '2026-01-01')).toEqual({ badge: 'Upcoming', dates: 'Version taking effect January 1, 2026' });
    expect(versionLabel('current', '2024-01-01')).toEqual({ badge: 'Current', dates: 'Version in effect since January 1, 2024' });
    expect(versionLabel('unknown', '2024-01-01')).toBeUndefined();
    expect(versionLabel('archived', 'not-a-date')).toBeUndefined();
  });
});
