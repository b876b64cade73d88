/**
 * Status phases (issue 13): each upcoming version starts a phase of its document, in which the
 * document stands as a build on that day would place it; the browser picks the phase of its day
 * with the timeline's rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.ts';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';
import { statusPhases, versionOf } from '../../src/lib/site/status-phases.ts';
import { versionInEffectOn } from '../../src/lib/site/timeline.ts';

const entries = [
  { id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'd' },
  { id: 'terms', title: 'Terms', kind: 'terms' as const, description: 'd' },
];
const inputs = [
  { document: 'privacy-statement', effective: '2022-03-31', frontmatter: {} },
  { document: 'privacy-statement', effective: '2025-09-01', frontmatter: { summary: 's', material: true, published: '2025-05-01' } },
  { document: 'privacy-statement', effective: '2026-01-01', frontmatter: { summary: 's', material: false } },
  { document: 'terms', effective: '2023-06-01', frontmatter: {} },
];

describe('status phases', () => {
  const phases = statusPhases(entries, inputs, '2025-06-01', '/');

  it('should start with the build\'s own model, then one phase per upcoming version on its effective date', () => {
    expect(phases.get('privacy-statement')!.map((p) => [p.start, p.document.current?.effective, p.document.upcoming.map((v) => v.effective)])).toEqual([
      ['2025-06-01', '2022-03-31', ['2025-09-01', '2026-01-01']],
      ['2025-09-01', '2025-09-01', ['2026-01-01']],
      ['2026-01-01', '2026-01-01', []],
    ]);
    expect(phases.get('terms')!.map((p) => p.start)).toEqual(['2025-06-01']);
    expect(versionOf(phases.get('privacy-statement')![1]!.document, '2022-03-31').status).toBe('archived');
    expect(() => versionOf(phases.get('terms')![0]!.document, '2022-03-31')).toThrow('terms has no version effective 2022-03-31');
  });

  it('should show on any later day what a build on that day shows', () => {
    const starts = phases.get('privacy-statement')!;
    fc.assert(fc.property(fc.integer({ min: 0, max: 800 }), (days) => {
      const today = addDays('2025-06-01', days);
      const shown = starts.find((p) => p.start === versionInEffectOn(starts.map((s) => ({ effective: s.start })), today)!.effective)!;
      const built = buildSiteModel(entries, inputs, today, '/')[0]!;
      expect(shown.document.versions.map((v) => [v.effective, v.status])).toEqual(built.versions.map((v) => [v.effective, v.status]));
    }));
  });
});
