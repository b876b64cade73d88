import { describe, expect, it } from 'vitest';
import { resolveSettings, SettingsError } from '../../src/settings.ts';

describe('settings', () => {
  const instant = new Date('2026-11-30T07:30:00Z');

  it('should default the as-of date to today in San Francisco', () => {
    expect(resolveSettings({}, instant).asOf).toBe('2026-11-29');
    expect(resolveSettings({}, instant).timeZone).toBe('America/Los_Angeles');
  });

  it('should take the as-of date and time zone from the environment', () => {
    expect(resolveSettings({ LEGAL_AS_OF: '2025-06-01' }, instant).asOf).toBe('2025-06-01');
    expect(resolveSettings({ LEGAL_TIME_ZONE: 'Europe/Lisbon' }, instant).asOf).toBe('2026-11-30');
  });

  it('should refuse an as-of date that is not a real date, saying how to write it', () => {
    expect(() => resolveSettings({ LEGAL_AS_OF: '2025-02-30' }, instant)).toThrow(SettingsError);
    expect(() => resolveSettings({ LEGAL_AS_OF: '06/01/2025' }, instant)).toThrow(/write it YYYY-MM-DD/);
  });

  it('should refuse an unknown time zone', () => {
    expect(() => resolveSettings({ LEGAL_TIME_ZONE: 'Mars/Olympus' }, instant)).toThrow(/not an IANA time zone/);
  });

  it('should normalise the base path to leading and trailing slashes', () => {
    expect(resolveSettings({ LEGAL_BASE: 'legal' }, instant).base).toBe('/legal/');
    expect(resolveSettings({ LEGAL_BASE: '/legal/' }, instant).base).toBe('/legal/');
    expect(resolveSettings({}, instant).base).toBe('/');
  });
});
