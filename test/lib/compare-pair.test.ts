import { describe, expect, it } from 'vitest';
import { defaultComparePair } from '../../src/lib/site/compare-pair.ts';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';

const entries = [{ id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'd' }];
const version = (effective: string, frontmatter = {}) => ({ document: 'privacy-statement', effective, frontmatter });

describe('defaultComparePair', () => {
  it('should compare the shown version with the one before it', () => {
    expect(defaultComparePair({ effective: '2024-03-01', previous: '2023-01-15', next: '2025-09-01' })).toEqual({ from: '2023-01-15', to: '2024-03-01' });
  });

  it('should compare a first shown version with the next one, the first as the earlier', () => {
    expect(defaultComparePair({ effective: '2022-03-31', previous: undefined, next: '2027-01-15' })).toEqual({ from: '2022-03-31', to: '2027-01-15' });
  });

  it('should give no pair for a document with a single version', () => {
    expect(defaultComparePair({ effective: '2022-03-31', previous: undefined, next: undefined })).toBeUndefined();
  });
});

describe('the site model\'s compare pair', () => {
  const pairAt = (asOf: string, dates: string[]) => buildSiteModel(entries, dates.map((d) => version(d)), asOf, '/')[0]!.comparePair;

  it('should be chronological when the current version is the first and one is upcoming (2022-03-31, 2027-01-15 at 2027-01-14)', () => {
    expect(pairAt('2027-01-14', ['2027-01-15', '2022-03-31'])).toEqual({ from: '2022-03-31', to: '2027-01-15' });
  });

  it('should compare the current version with its previous one, not with the upcoming one', () => {
    expect(pairAt('2025-06-01', ['2023-01-15', '2025-09-01', '2024-03-01'])).toEqual({ from: '2023-01-15', to: '2024-03-01' });
  });

  it('should compare the first two versions when none is in effect yet', () => {
    expect(pairAt('2020-01-01', ['2030-01-01', '2031-01-01'])).toEqual({ from: '2030-01-01', to: '2031-01-01' });
  });
});

describe('the site model\'s dates and kinds of change', () => {
  const [document] = buildSiteModel(entries, [
    version('2022-03-31', { material: true }),
    version('2024-01-01', { summary: 's', material: false }),
    version('2027-01-15', { summary: 's', material: true, published: '2026-11-02' }),
  ], '2027-01-14', '/');
  const [upcoming, current, first] = document!.versions;

  it('should give an upcoming version no last-updated date, which would be in the future', () => {
    expect(upcoming!.lastUpdated).toBeUndefined();
    expect(upcoming!.published).toBe('2026-11-02');
    expect(current!.lastUpdated).toBe('2024-01-01');
  });

  it('should call the first version a first version, never a material or non-material change', () => {
    expect([first, current, upcoming].map((v) => v!.change)).toEqual(['first-version', 'non-material-change', 'material-change']);
    expect(first!.material).toBe(false);
    expect(upcoming!.material).toBe(true);
  });
});
