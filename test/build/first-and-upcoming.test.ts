/**
 * A document whose current version is its first, with one upcoming version (review fixes), built
 * the day before the upcoming version takes effect (as of 2027-01-14): the compare page preselects
 * the two versions in date order, an upcoming version has no "last updated" date (it would be in
 * the future), the first version is labelled as such, and the compare page is useful without
 * JavaScript. Fixture: test/fixtures/review-first-upcoming.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, root, type BuildRun } from '../helpers/site.ts';

const content = join(root, 'test', 'fixtures', 'review-first-upcoming');
let run: BuildRun;
const text = (node: { textContent: string } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const json = (path: string) => JSON.parse(readFileSync(join(run.outDir, path), 'utf8'));

beforeAll(() => {
  run = buildSite(`first-and-upcoming-${process.pid}`, { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2027-01-14' });
});
afterAll(() => {
  if (run) rmSync(run.outDir, { recursive: true, force: true });
});

describe('a first current version with an upcoming one, as of 2027-01-14', () => {
  it('should build', () => expect(run.status, run.stderr).toBe(0));

  it('should preselect the current (first) version as the earlier one and the upcoming one as the later one on the compare page', () => {
    const page = readPage(run.outDir, '/privacy-statement/compare/');
    expect(page.querySelector('select[name="from"] option[selected]')!.getAttribute('value')).toBe('2022-03-31');
    expect(page.querySelector('select[name="to"] option[selected]')!.getAttribute('value')).toBe('2027-01-15');
    expect(text(page.querySelector('select[name="from"] option[selected]'))).toBe('March 31, 2022 (current)');
    expect(text(page.querySelector('select[name="to"] option[selected]'))).toBe('January 15, 2027 (upcoming)');
  });

  it('should hide the compare form without JavaScript, say why, and link every changes page', () => {
    const page = readPage(run.outDir, '/privacy-statement/compare/');
    expect(page.querySelector('form[data-compare]')!.hasAttribute('hidden')).toBe(true);
    const needs = page.querySelector('[data-compare-needs-script]')!;
    expect(needs.closest('form')).toBeNull();
    expect(text(needs)).toContain('needs JavaScript');
    expect(page.querySelectorAll('.compare__consecutive a').map((a) => a.getAttribute('href'))).toEqual(['/privacy-statement/2027-01-15/changes/']);
  });

  it('should print "Takes effect" and "Published" on the upcoming version, never a future "Last updated"', () => {
    // What the page says as built (the status phase from January 15, 2027 on, hidden, says "Effective" and "Last updated" that day).
    const dates = readPage(run.outDir, '/privacy-statement/2027-01-15/').querySelector('.version__dates [data-phase="2027-01-14"]')!;
    expect(text(dates)).not.toContain('Last updated');
    expect(dates.querySelectorAll('span').map(text)).toEqual(['Takes effect January 15, 2027', 'Published November 2, 2026']);
    expect(text(readPage(run.outDir, '/privacy-statement/2027-01-15/').querySelector('.version__dates [data-phase="2027-01-15"][hidden]'))).toBe('Effective January 15, 2027 Last updated January 15, 2027');
    expect(text(readPage(run.outDir, '/privacy-statement/').querySelector('.version__dates'))).toContain('Last updated March 31, 2022');
  });

  it('should give an upcoming version a null lastUpdated in the JSON API, and the current one its date', () => {
    const [privacy] = json('api/documents.json').documents;
    expect(privacy.current.lastUpdated).toBe('2022-03-31');
    expect(privacy.upcoming.map((v: { lastUpdated: string | null }) => v.lastUpdated)).toEqual([null]);
    const detail = json('api/privacy-statement.json');
    expect(detail.versions.map((v: { effective: string; lastUpdated: string | null; material: boolean }) => [v.effective, v.lastUpdated, v.material])).toEqual([
      ['2027-01-15', null, true],
      ['2022-03-31', '2022-03-31', false],
    ]);
  });

  it('should label the first version "First version" on the history page and show when the upcoming one was published for notice', () => {
    const history = readPage(run.outDir, '/privacy-statement/history/');
    const first = history.querySelector('[data-effective="2022-03-31"]')!;
    expect(first.querySelectorAll('.badge').filter((badge) => !badge.closest('[hidden]')).map(text)).toEqual(['Current', 'First version']);
    const upcoming = history.querySelector('[data-effective="2027-01-15"]')!;
    expect(text(upcoming.querySelector('.history__dates'))).toBe('Published for notice on November 2, 2026.');
    expect(text(history)).not.toContain('Last updated January 15, 2027');
  });

  it('should categorise the first version as first-version in the feed, not as a change', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'category'].includes(name) });
    const [upcoming, first] = xml.parse(readFileSync(join(run.outDir, 'privacy-statement', 'feed.xml'), 'utf8')).feed.entry;
    expect(first.category.map((c: Record<string, string>) => [c['@term'], c['@label']])).toEqual([['privacy-statement', 'Privacy Statement'], ['first-version', 'First version']]);
    expect(first.content['#text']).not.toContain('material change');
    expect(upcoming.category.map((c: Record<string, string>) => c['@term'])).toEqual(['privacy-statement', 'material-change']);
  });

  it('should list the links to a changed section in both versions as list items, with no text separator', () => {
    const links = readPage(run.outDir, '/privacy-statement/2027-01-15/changes/').querySelectorAll('.diff-section__links');
    expect(links.length).toBeGreaterThan(0);
    for (const list of links) {
      expect(list.tagName).toBe('UL');
      expect(list.childNodes.every((node) => 'tagName' in node && (node as { tagName: string }).tagName === 'LI')).toBe(true);
      expect(text(list)).not.toContain('·');
    }
  });
});
