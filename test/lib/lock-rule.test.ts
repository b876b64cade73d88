/**
 * The lock as `npm run check` applies it (issue 11, "Immutability that cannot be edited away"):
 * each way of editing a published version past its lock is an error with file, line and rule id,
 * and says how to fix it. Content from editor-sources.ts: the locked base, checked as of 2025-06-01.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/content-check.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { asOf, base, checkChanged, locked, lockFor, places, sourcesOf } from './editor-sources.ts';

const FIRST = 'privacy-statement/2022-03-31.mdx';
const firstText = base[FIRST]!;
/** The first version with a corrections list (its entries start on line 4) and its text changed. */
const corrected = (corrections: string, text = firstText) => text.replace('material: false', `material: false\ncorrections:\n${corrections}`);
const typo = '  - date: 2024-05-01\n    reason: Fixes a typo.\n';
/** The base, locked with the first version corrected once. */
const withTypo: Record<string, string> = { ...locked, [FIRST]: corrected(typo, firstText.replace('Names.', 'Names!')) };
withTypo['versions.lock'] = lockFor(withTypo);
const checkTypo = (text: string) => checkContent(sourcesOf({ ...withTypo, [FIRST]: text }), asOf).diagnostics;

describe('a lock that is missing', () => {
  it('should be an error while any version is in effect or published, naming how many', () => {
    const found = checkChanged({ 'versions.lock': undefined });
    expect(found.map((d) => [d.file, d.line, d.ruleId, d.severity])).toEqual([['content/versions.lock', 1, 'lock-missing', 'error']]);
    expect(found[0]!.message).toContain('3 versions are in effect or published for notice');
    expect(found[0]!.message).toContain('git checkout origin/main -- content/versions.lock');
  });

  it('should only warn while every version is still a draft', () => {
    const found = checkChanged({ 'versions.lock': undefined }, '2020-01-01');
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['lock-missing', 'warning']]);
  });
});

describe('a published version edited past its lock', () => {
  it('should refuse an .mdx version renamed to .md, and name the locked file', () => {
    const found = checkChanged({ [FIRST]: undefined, 'privacy-statement/2022-03-31.md': firstText });
    expect(places(found)).toEqual(['content/privacy-statement/2022-03-31.md:1 lock-renamed']);
    expect(formatDiagnostic(found[0]!)).toContain('was locked as privacy-statement/2022-03-31.mdx; it is now privacy-statement/2022-03-31.md');
    expect(found[0]!.message).toContain('Rename it back to 2022-03-31.mdx');
  });

  it('should refuse a rewritten correction date at the line of that correction', () => {
    const found = checkTypo(corrected(typo.replace('2024-05-01', '2022-04-01'), firstText.replace('Names.', 'Names!')));
    expect(places(found)).toEqual([`content/${FIRST}:4 lock-correction-rewritten`]);
    expect(found[0]!.message).toContain('Correction 1 was locked as "2024-05-01: Fixes a typo." and now reads "2022-04-01: Fixes a typo."');
  });

  it('should refuse a rewritten correction reason', () => {
    const found = checkTypo(corrected(typo.replace('Fixes a typo.', 'Clarifies the retention period.'), firstText.replace('Names.', 'Names!')));
    expect(places(found)).toEqual([`content/${FIRST}:4 lock-correction-rewritten`]);
  });

  it('should refuse removing a correction', () => {
    expect(places(checkTypo(firstText.replace('Names.', 'Names!')))).toEqual([`content/${FIRST}:1 lock-correction-removed`]);
  });

  it('should refuse a substantive rewrite recorded as a "Typo." correction dated before the one above it', () => {
    const backdated = corrected(`${typo}  - date: 2022-04-01\n    reason: Typo.\n    changed:\n      - from: "Names!"\n        to: "Names, addresses and location history."\n`, firstText.replace('Names.', 'Names, addresses and location history.'));
    const found = checkTypo(backdated);
    expect(places(found)).toEqual([`content/${FIRST}:6 lock-correction-order`]);
    expect(found[0]!.message).toContain('dated 2022-04-01, before the correction listed above it (2024-05-01)');
  });

  it('should accept a correction appended on the same day or later, and ask for npm run lock', () => {
    const appended = corrected(`${typo}  - date: 2024-05-01\n    reason: Fixes another typo.\n    changed:\n      - from: "Names!"\n        to: "Names!!"\n`, firstText.replace('Names.', 'Names!!'));
    expect(places(checkTypo(appended))).toEqual([`content/${FIRST}:3 lock-stale`]);
  });

  it('should refuse a new correction that does not say what it changed, at its line', () => {
    const found = checkTypo(corrected(`${typo}  - date: 2024-05-01\n    reason: Fixes another typo.\n`, firstText.replace('Names.', 'Names!!')));
    expect(places(found)).toEqual([`content/${FIRST}:6 lock-correction-unrecorded`]);
    expect(found[0]!.message).toContain('changed: [{ from: "adress", to: "address" }]');
  });

  it('should refuse a "typo" correction that hides a substantive edit it does not list', () => {
    const sneaky = firstText.replace('Names.', 'Names!!').replace(/\n$/, '\n\nWe sell your data.\n');
    const found = checkTypo(corrected(`${typo}  - date: 2024-05-01\n    reason: Fixes another typo.\n    changed:\n      - from: "Names!"\n        to: "Names!!"\n`, sneaky));
    expect(places(found)).toEqual([`content/${FIRST}:6 lock-correction-incomplete`]);
    expect(found[0]!.message).toContain('The text changed more than this correction\'s `changed:` list says');
  });

  it('should point at an edit whose `to` is not in the text, or is in it twice', () => {
    const edit = (to: string) => corrected(`${typo}  - date: 2024-05-01\n    reason: Fixes another typo.\n    changed:\n      - from: "x"\n        to: "${to}"\n`, firstText.replace('Names.', 'Names!!'));
    const missing = checkTypo(edit('Nmes!!')).filter((d) => d.ruleId.startsWith('correction-'));
    expect(places(missing)).toEqual([`content/${FIRST}:10 correction-change-not-found`]);
    expect(missing[0]!.message).toContain('`to: "Nmes!!"` does not occur in the version\'s text');
    const twice = checkTypo(edit('e')).filter((d) => d.ruleId.startsWith('correction-'));
    expect(places(twice)).toEqual([`content/${FIRST}:10 correction-change-ambiguous`]);
  });

  it('should refuse lastUpdated added to a locked version, at its line', () => {
    const found = checkChanged({ [FIRST]: firstText.replace('material: false', 'material: false\nlastUpdated: 2024-05-01') });
    expect(places(found)).toEqual([`content/${FIRST}:3 lock-last-updated`]);
    expect(found[0]!.message).toMatch(/^`lastUpdated: 2024-05-01` was added after this version was locked\. .*remove `lastUpdated`/);
  });

  it('should refuse a changed publication date, at its line', () => {
    const announced: Record<string, string> = { ...locked, [FIRST]: firstText.replace('material: false', 'material: false\npublished: 2022-03-01') };
    announced['versions.lock'] = lockFor(announced);
    const found = checkContent(sourcesOf({ ...announced, [FIRST]: firstText.replace('material: false', 'material: false\npublished: 2022-02-01') }), asOf).diagnostics;
    expect(places(found)).toEqual([`content/${FIRST}:3 lock-changed`]);
    expect(found[0]!.message).toContain('its `published:` date is 2022-02-01 where content/versions.lock recorded 2022-03-01');
  });
});

describe('a lock in the old format', () => {
  const format1 = locked['versions.lock']!.replace(/ {2}file: "[^"]+"\n/g, '  corrections: 0\n');

  it('should be read and checked, with one error asking for npm run lock at the first old entry', () => {
    const found = checkChanged({ 'versions.lock': format1 });
    expect(places(found)).toEqual(['content/versions.lock:3 lock-format']);
    expect(found[0]!.message).toContain('3 entries in the old lock format (format 1)');
    expect(found[0]!.message).toContain('Run `npm run lock`');
  });

  it('should still refuse a changed text against a format-1 entry', () => {
    expect(places(checkChanged({ 'versions.lock': format1, [FIRST]: firstText.replace('Names.', 'Names and more.') }))).toEqual(['content/versions.lock:3 lock-format', `content/${FIRST}:1 lock-changed`]);
  });
});
