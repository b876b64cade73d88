import { describe, expect, it } from 'vitest';
import { placeVersions, versionInEffectOn } from '../../src/lib/site/timeline.ts';

const versions = [{ effective: '2024-03-01' }, { effective: '2023-01-15' }, { effective: '2025-09-01' }];

describe('timeline', () => {
  it('should make the latest version on or before the as-of date current, earlier archived, later upcoming', () => {
    const placed = placeVersions(versions, '2025-06-01');
    expect(placed.map((v) => [v.effective, v.status])).toEqual([
      ['2023-01-15', 'archived'],
      ['2024-03-01', 'current'],
      ['2025-09-01', 'upcoming'],
    ]);
  });

  it('should make a version current on its effective date itself', () => {
    expect(placeVersions(versions, '2025-09-01').find((v) => v.status === 'current')?.effective).toBe('2025-09-01');
    expect(placeVersions(versions, '2025-08-31').find((v) => v.status === 'current')?.effective).toBe('2024-03-01');
  });

  it('should have no current version before the first effective date', () => {
    expect(placeVersions(versions, '2022-01-01').map((v) => v.status)).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });

  it('should end each version the day before the next one takes effect', () => {
    const placed = placeVersions(versions, '2025-06-01');
    expect(placed.map((v) => v.inEffectUntil)).toEqual(['2024-02-29', '2025-08-31', undefined]);
    expect(placed[1]!.previous?.effective).toBe('2023-01-15');
    expect(placed[1]!.next?.effective).toBe('2025-09-01');
  });

  it('should tell which version was in effect on a date', () => {
    expect(versionInEffectOn(versions, '2024-02-29')?.effective).toBe('2023-01-15');
    expect(versionInEffectOn(versions, '2024-03-01')?.effective).toBe('2024-03-01');
    expect(versionInEffectOn(versions, '2020-01-01')).toBeUndefined();
  });
});
