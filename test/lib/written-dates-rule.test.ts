/**
 * Dates written in the text (issue 13, "Dates readers see"): a date right after "effective",
 * "takes effect", "last updated" or "updated" must be the version's own date, or the page shows
 * two different dates; an error in the first block, a warning elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles, cookieVersion, only, registry, version } from './rule-sources.ts';
import { sharedDir } from '../helpers/site.ts';
import { addDays } from '../../src/lib/dates.ts';
import { parseVersionSource } from '../../src/lib/content/version-source.ts';
import { writtenDatesRule } from '../../src/lib/check/rules/written-dates.ts';
import type { RuleContext } from '../../src/lib/check/rule.ts';

const section = '## What we collect {#information-we-collect}\n\nNames.';
/** The `text-date-*` findings for one privacy statement version (effective `effective`, in effect at the as-of date). */
const findings = (effective: string, body: string, frontmatter = 'material: false') =>
  only(checkFiles({
    'documents.yaml': registry(),
    [`privacy-statement/${effective}.mdx`]: version(frontmatter, body),
    'cookie-notice/2024-01-01.mdx': cookieVersion,
  }, '2031-01-01'), 'text-date-');

describe('dates written in the text', () => {
  it('should refuse "Effective date: June 2nd, 2024" in the first block of the version effective 2024-06-03, at the date', () => {
    const found = findings('2024-06-03', `Effective date: June 2nd, 2024\n\n${section}`);
    expect(found).toEqual([{
      file: 'content/privacy-statement/2024-06-03.mdx', line: 5, column: 17, ruleId: 'text-date-effective', severity: 'error',
      message: 'The text says "Effective date: June 2nd, 2024" (2024-06-02), but this version\'s effective date is 2024-06-03 (the file name), which the page shows as "Effective June 3, 2024". Change the text to June 3, 2024, or, if the text is right, rename the file to 2024-06-02.mdx.',
    }]);
  });

  it('should warn about a "Last updated" date that contradicts the frontmatter outside the first block', () => {
    const found = findings('2023-05-05', `We explain how we use data.\n\n${section}\n\nLast updated: May 5, 2023`, 'material: false\nlastUpdated: 2023-06-01');
    expect(found.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([['text-date-updated', 'warning', 12, 15]]);
    expect(found[0]!.message).toBe('The text says "Last updated: May 5, 2023" (2023-05-05), but this version was last updated on 2023-06-01 (`lastUpdated:` in the frontmatter), which the page shows as "Last updated June 1, 2023". Change the text to June 1, 2023, or, if the text is right, correct `lastUpdated:` (or record a correction) in the frontmatter.');
  });

  it('should take the last-updated date from the latest correction when there are corrections', () => {
    const frontmatter = 'material: false\ncorrections:\n  - date: 2023-07-01\n    reason: Fixes a typo.';
    expect(findings('2023-05-05', `Last updated: July 1, 2023\n\n${section}`, frontmatter)).toEqual([]);
    expect(findings('2023-05-05', `Last updated: May 5, 2023\n\n${section}`, frontmatter)[0]!.message).toContain('last updated on 2023-07-01 (the date of its latest correction)');
  });

  it('should accept dates that agree, in any of the usual English forms, and Markdown around the words', () => {
    for (const lead of ['Effective date: March 31, 2022', '**Effective date:** 31 March 2022', 'These terms take effect on the 31st of March, 2022.', 'Effective 2022-03-31 · Last updated Mar 31, 2022', 'Version 1.1, *Effective* March 31st, 2022']) {
      expect(findings('2022-03-31', `${lead}\n\n${section}`), lead).toEqual([]);
    }
  });

  it('should find the date across Markdown marks and report its own line and column', () => {
    const found = findings('2022-03-31', `Hello.\n\n${section}\n\nThis statement is **effective as of** _April 1, 2022_.`);
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([['warning', 11, 40]]);
  });

  it.each([
    ['Effective date: June 31, 2024', 17, 'effective'],
    ['Effective date: 31st of June 2024', 17, 'effective'],
    ['Effective 2024-02-30.', 11, 'effective'],
    ['Last updated: Feb. 30, 2024', 15, 'updated'],
  ])('should refuse a date that does not exist: %s', (text, column, kind) => {
    const found = findings('2024-06-03', `${text}\n\n${section}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 5, column, ruleId: `text-date-${kind}`, severity: 'error' });
    expect(found[0]!.message).toContain('a date that does not exist. Write the version\'s');
    expect(found[0]!.message).toContain('June 3, 2024');
  });

  it('should leave real dates of those forms to the comparison, once', () => {
    expect(findings('2024-06-30', 'Effective date: June 30, 2024\n\n' + section)).toEqual([]);
    expect(findings('2024-06-03', 'Effective date: 30th of June 2024\n\n' + section)).toHaveLength(1);
  });

  it('should not flag dates that are about something else', () => {
    for (const text of [
      'Before March 31, 2022, the previous terms were effective.',
      'The previous version took effect on January 1, 2020.',
      'Our prior statement, effective January 1, 2020, is archived.',
      'We were founded on June 2, 2001 and became effective partners later.',
      'The law took effect. On June 2, 2001 we opened.',
      'Effective date: 06/02/2024.',
      'Effective June 2024.',
      'Effective from June 1 to June 5, 2024.',
      'Effective date: `2024-06-01`.',
    ]) expect(findings('2022-03-31', `${text}\n\n${section}`), text).toEqual([]);
  });

  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;
  /** The date forms the issue lists, and a few more. */
  const formats: ((date: string) => string)[] = [
    (d) => `${months[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}, ${d.slice(0, 4)}`,
    (d) => `${months[Number(d.slice(5, 7)) - 1]} ${ordinal(Number(d.slice(8)))}, ${d.slice(0, 4)}`,
    (d) => `${Number(d.slice(8))} ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`,
    (d) => `${ordinal(Number(d.slice(8)))} of ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`,
    (d) => d,
  ];
  const keywords: [string, 'effective' | 'updated'][] = [
    ['Effective date:', 'effective'], ['Effective', 'effective'], ['This statement is effective as of', 'effective'], ['It takes effect on', 'effective'],
    ['Last updated:', 'updated'], ['Last updated on', 'updated'], ['Updated', 'updated'],
  ];
  const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2001-01-01', n));

  it('should flag a random keyword, date form and day exactly when the date differs, as an error in the first block only', () => {
    fc.assert(fc.property(day, fc.oneof(fc.constant(0), fc.integer({ min: -400, max: 400 })), fc.nat(formats.length - 1), fc.nat(keywords.length - 1), fc.boolean(), (effective, shift, format, keyword, first) => {
      const written = addDays(effective, shift);
      const [words, kind] = keywords[keyword]!;
      const phrase = `${words} ${formats[format]!(written)}.`;
      const body = first ? `${phrase}\n\n${section}` : `We explain how we use data.\n\n${section}\n\n${phrase}`;
      const found = findings(effective, body);
      if (written === effective) {
        expect(found).toEqual([]);
        return;
      }
      expect(found.map((d) => [d.ruleId, d.severity])).toEqual([[`text-date-${kind}`, first ? 'error' : 'warning']]);
      expect(found[0]!.message).toContain(`(${written})`);
    }), { numRuns: 150 });
  });
});

/** Run the rule on corpus files (GitHub-flavoured Markdown with frontmatter the site does not know: read as none). */
function corpusFindings(dir: string, effectiveOf: (file: string) => string) {
  const files = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f)).sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const versions = [{ document: 'corpus', effective: effectiveOf(file), path: file, format: 'md' as const, frontmatter: {}, text, tree: parseVersionSource(text, 'md') }];
    return { file, found: writtenDatesRule({ versions, display: (path: string) => path } as unknown as RuleContext) };
  });
}

const github = join(sharedDir, 'corpora', 'github-terms-of-service');
const mozilla = join(sharedDir, 'corpora', 'mozilla-accounts-privacy-notice', 'en');
if (!existsSync(github) || !existsSync(mozilla)) console.warn(`\n${'⚠'.repeat(60)}\n⚠ WRITTEN-DATE RULE ON THE REAL CORPORA SKIPPED: no corpus at ${github} or ${mozilla}\n${'⚠'.repeat(60)}\n`);

describe.skipIf(!existsSync(github) || !existsSync(mozilla))('written dates in the real corpora', () => {
  it('should find every "Effective date:" line of the GitHub terms in agreement with its file name', () => {
    const results = corpusFindings(github, (file) => file.slice(0, 10));
    expect(results.length).toBeGreaterThanOrEqual(11);
    for (const { file, found } of results) expect(found, file).toEqual([]);
  });

  it('should warn once per GitHub version when its file name is a day off (the line is below the summary, not in the first block)', () => {
    for (const { file, found } of corpusFindings(github, (file) => addDays(file.slice(0, 10), 1))) {
      expect(found.map((d) => [d.ruleId, d.severity]), file).toEqual([['text-date-effective', 'warning']]);
      const line = readFileSync(join(github, file), 'utf8').split('\n')[found[0]!.line - 1]!;
      expect(line.slice(found[0]!.column - 1), file).toMatch(/^[A-Z][a-z]{2,8} \d{1,2}, \d{4}$/);
    }
  });

  it('should refuse a Mozilla version whose "Effective <date>" line, its first block, disagrees with its file name', () => {
    for (const { file, found } of corpusFindings(mozilla, (file) => file.slice(0, 10))) expect(found, file).toEqual([]);
    for (const { file, found } of corpusFindings(mozilla, (file) => addDays(file.slice(0, 10), -1))) {
      expect(found.map((d) => [d.ruleId, d.severity, d.line]), file).toEqual([['text-date-effective', 'error', 3]]);
    }
  });
});
