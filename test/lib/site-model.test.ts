import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';

const entries = [
  { id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'd' },
  { id: 'new-notice', title: 'New Notice', kind: 'supplemental-notice' as const, parent: 'privacy-statement', description: 'd' },
];
const inputs = [
  { document: 'privacy-statement', effective: '2022-03-31', frontmatter: {} },
  { document: 'privacy-statement', effective: '2024-01-01', frontmatter: { summary: 's', material: true, lastUpdated: '2024-02-01', title: 'Privacy Statement (2024)' } },
  { document: 'new-notice', effective: '2030-01-01', frontmatter: {} },
];

describe('site model', () => {
  const [statement, notice] = buildSiteModel(entries, inputs, '2025-01-01', '/legal/');

  it('should list versions newest first with URLs under the base path', () => {
    expect(statement!.versions.map((v) => v.url)).toEqual(['/legal/privacy-statement/2024-01-01/', '/legal/privacy-statement/2022-03-31/']);
    expect(statement!.url).toBe('/legal/privacy-statement/');
    expect(statement!.historyUrl).toBe('/legal/privacy-statement/history/');
  });

  it('should default last updated to the effective date and the title to the registry title', () => {
    expect(statement!.versions[1]!.lastUpdated).toBe('2022-03-31');
    expect(statement!.versions[0]!.lastUpdated).toBe('2024-02-01');
    expect(statement!.versions[0]!.title).toBe('Privacy Statement (2024)');
    expect(statement!.versions[1]!.title).toBe('Privacy Statement');
  });

  it('should show the first upcoming version of a document that is not yet in effect', () => {
    expect(notice!.current).toBeUndefined();
    expect(notice!.shown.effective).toBe('2030-01-01');
    expect(notice!.upcoming.map((v) => v.effective)).toEqual(['2030-01-01']);
  });
});
