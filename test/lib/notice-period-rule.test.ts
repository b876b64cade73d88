/**
 * The notice-period rule (issue 5): material versions are published long enough before they take
 * effect; the publication date is frontmatter, never git.
 */
import { describe, expect, it } from 'vitest';
import { checkFiles, cookieVersion, firstVersion, only, registry, version } from './rule-sources.ts';

const body = '## What we collect {#information-we-collect}\n\nNames and e-mail addresses.\n\n## Contact us {#contact-us}\n\nWrite to us.';
/** As of the day before the version takes effect: every \`published:\` below is in the past then (issue 13: never in the future). */
const notices = (frontmatter: string, setting = '', asOf = '2025-08-31') =>
  only(checkFiles({
    'documents.yaml': registry(setting),
    'privacy-statement/2022-03-31.mdx': firstVersion,
    'privacy-statement/2025-09-01.mdx': version(frontmatter, body),
    'cookie-notice/2024-01-01.mdx': cookieVersion,
  }, asOf), 'notice-');

describe('notice-period rule', () => {
  it('should accept a material version published at least 30 days (the default) before it takes effect', () => {
    expect(notices('summary: Adds e-mail.\nmaterial: true\npublished: 2025-08-02')).toEqual([]);
  });

  it('should report a material version published fewer days ahead than required, with the numbers', () => {
    const found = notices('summary: Adds e-mail.\nmaterial: true\npublished: 2025-08-20');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/privacy-statement/2025-09-01.mdx', line: 4, ruleId: 'notice-period', severity: 'error' });
    expect(found[0]!.message).toBe("This material change was published on 2025-08-20, 12 days before it takes effect on 2025-09-01; the Privacy Statement requires at least 30 days' notice (documents.yaml, notice.materialDays). Move the effective date to 2025-09-19 or later (rename the file), or correct `published:` if the version was in fact published on or before 2025-08-02.");
  });

  it('should follow the document\'s own notice setting: days and severity', () => {
    const setting = '    notice:\n      materialDays: 60\n      severity: warning\n';
    const found = notices('summary: Adds e-mail.\nmaterial: true\npublished: 2025-08-02', setting);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['notice-period', 'warning']]);
    expect(found[0]!.message).toContain('30 days before it takes effect on 2025-09-01; the Privacy Statement requires at least 60 days');
  });

  it('should report an upcoming material version without `published` and say how to fix it', () => {
    const found = notices('summary: Adds e-mail.\nmaterial: true');
    expect(found.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['notice-published-missing', 'error', 4]]);
    expect(found[0]!.message).toBe('This upcoming version is a material change, so it needs `published: YYYY-MM-DD`: the date it was published for notice, at least 30 days before it takes effect on 2025-09-01 (so on or before 2025-08-02). Add the key, or set `material: false` if the change is not material.');
  });

  it('should not require `published` once a material version is in effect (older history)', () => {
    expect(notices('summary: Adds e-mail.\nmaterial: true', '', '2025-10-01')).toEqual([]);
  });

  it('should not check versions that are not material', () => {
    expect(notices('summary: Fixes a typo.\nmaterial: false\npublished: 2025-08-31')).toEqual([]);
  });

  it('should report a publication date after the effective date as too short a notice', () => {
    expect(notices('summary: Adds e-mail.\nmaterial: true\npublished: 2025-09-05', '', '2025-09-10')[0]!.message).toContain('published on 2025-09-05, -4 days before it takes effect');
  });

  it('should reject an unknown key in the notice setting and name the allowed ones', () => {
    const found = checkFiles({ 'documents.yaml': registry('    notice:\n      days: 30\n'), 'privacy-statement/2022-03-31.mdx': firstVersion, 'cookie-notice/2024-01-01.mdx': cookieVersion });
    expect(found[0]!.message).toContain('Unknown key "days" in the entry for "privacy-statement" (line 2), under `notice`. Allowed: materialDays, severity.');
  });

  it('should refuse a publication date after the as-of date, at its line, for any version', () => {
    for (const frontmatter of ['summary: Adds e-mail.\nmaterial: true\npublished: 2025-08-02', 'summary: Fixes a typo.\nmaterial: false\npublished: 2025-08-02']) {
      const found = notices(frontmatter, '', '2025-06-01').filter((d) => d.ruleId === 'notice-published-future');
      expect(found.map((d) => [d.line, d.severity])).toEqual([[frontmatter.split('\n').findIndex((l) => l.startsWith('published')) + 2, 'error']]);
      expect(found[0]!.message).toContain('`published: 2025-08-02` is after the as-of date 2025-06-01');
    }
  });
});
