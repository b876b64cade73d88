import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, fromYamlDate, isCivilDate, todayIn } from '../../src/lib/dates.ts';

describe('civil dates', () => {
  it('should accept real dates written YYYY-MM-DD, leap days included', () => {
    expect(['2022-03-31', '2024-02-29', '1999-12-31'].every(isCivilDate)).toBe(true);
  });

  it('should reject impossible dates and other spellings', () => {
    expect(['2022-02-30', '2023-02-29', '2022-13-01', '2022-3-31', '31/03/2022', '2022-03-31T00:00', ''].some(isCivilDate)).toBe(false);
  });

  it('should print a date in US English whatever the process time zone', () => {
    expect(formatDate('2022-03-31')).toBe('March 31, 2022');
    expect(formatDate('2024-01-01')).toBe('January 1, 2024');
  });

  it('should take today in the given time zone, not the machine one', () => {
    const instant = new Date('2026-11-30T07:30:00Z');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-29');
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2026-11-30');
    expect(todayIn('Etc/GMT+12', new Date('2026-11-30T11:59:00Z'))).toBe('2026-11-29');
  });

  it('should add days across month and year ends and count days between dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2024-01-01', '2024-01-31')).toBe(30);
    expect(daysBetween('2024-03-31', '2024-03-01')).toBe(-30);
  });

  it('should read YAML dates as civil dates whether the parser made a Date or kept a string', () => {
    expect(fromYamlDate(new Date(Date.UTC(2022, 3, 2)))).toBe('2022-04-02');
    expect(fromYamlDate('2022-04-02')).toBe('2022-04-02');
    expect(fromYamlDate(42)).toBeUndefined();
  });

  it('should throw a RangeError on a date that does not exist', () => {
    expect(() => formatDate('2022-02-30')).toThrow(RangeError);
  });
});
