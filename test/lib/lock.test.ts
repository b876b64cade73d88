/**
 * The lock (issues 6 and 11): what the hash covers, how the lock file reads and writes (format 2,
 * and format 1 still read), what `npm run lock` may and may not rewrite, how a version is judged
 * against its entry, and how the pull-request check compares a lock with the base branch's.
 */
import { describe, expect, it } from 'vitest';
import { compareLocks, isFormat1, judgeVersion, lockEntryOf, LockSyntaxError, mustBeLocked, parseLock, planLock, serializeLock, versionHash, type Lock, type LockableVersion, type LockEntry } from '../../src/lib/check/lock.ts';

const text = '---\nsummary: Adds retention.\nmaterial: true\n---\n\n## Retention {#retention}\n\nA year.\n';
const withCorrection = (t: string) => t.replace('material: true', 'material: true\nlastUpdated: 2024-05-02\ncorrections:\n  - date: 2024-05-02\n    reason: Typo.');

describe('versionHash', () => {
  it('should give 64 hex digits and the same hash for the same text', () => {
    expect(versionHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(versionHash(text)).toBe(versionHash(`${text}`));
  });

  it('should ignore CRLF line endings, a byte-order mark and trailing blank lines', () => {
    expect(versionHash(`\uFEFF${text.replace(/\n/g, '\r\n')}\r\n\r\n`)).toBe(versionHash(text));
  });

  it('should ignore the order, quoting and comments of frontmatter keys', () => {
    expect(versionHash(text.replace('summary: Adds retention.\nmaterial: true', '# note\nmaterial: true\n"summary": "Adds retention."'))).toBe(versionHash(text));
  });

  it('should ignore corrections and lastUpdated, so a correction can be recorded without a new hash', () => {
    expect(versionHash(withCorrection(text))).toBe(versionHash(text));
  });

  it('should change with one character of the body, the summary, the material flag or the title', () => {
    const variants = [text.replace('A year.', 'A year!'), text.replace('Adds', 'Add'), text.replace('true', 'false'), text.replace('---\n\n', 'title: Other\n---\n\n')];
    for (const variant of variants) expect(versionHash(variant)).not.toBe(versionHash(text));
  });

  it('should keep trailing spaces inside the body, which Markdown reads as a line break', () => {
    expect(versionHash(text.replace('A year.', 'A  \nyear.'))).not.toBe(versionHash(text.replace('A year.', 'A\nyear.')));
  });
});

describe('mustBeLocked', () => {
  it('should require a lock once the version takes effect or is published for notice', () => {
    expect(mustBeLocked('2024-01-01', {}, '2024-01-01')).toBe(true);
    expect(mustBeLocked('2024-02-01', {}, '2024-01-01')).toBe(false);
    expect(mustBeLocked('2024-02-01', { published: '2024-01-01' }, '2024-01-01')).toBe(true);
    expect(mustBeLocked('2024-02-01', { published: '2024-01-15' }, '2024-01-01')).toBe(false);
  });
});

describe('the lock file', () => {
  const entry = (sha: string, extra: Partial<LockEntry> = {}): LockEntry => ({ sha256: sha.repeat(64), file: '2022-03-31.mdx', corrections: 0, line: 0, ...extra });

  it('should read back what it writes, sorted by version, one line per field', () => {
    const lock: Lock = new Map([
      ['terms/2024-01-01', { ...entry('b'), file: '2024-01-01.md' }],
      ['privacy/2022-03-31', entry('a')],
    ]);
    const written = serializeLock(lock);
    expect(written.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      'privacy/2022-03-31:', `  sha256: "${'a'.repeat(64)}"`, '  file: "2022-03-31.mdx"',
      'terms/2024-01-01:', `  sha256: "${'b'.repeat(64)}"`, '  file: "2024-01-01.md"', '',
    ]);
    expect([...parseLock(written)].map(([key, e]) => [key, e.sha256[0], e.file, e.corrections, e.line])).toEqual([['privacy/2022-03-31', 'a', '2022-03-31.mdx', 0, 3], ['terms/2024-01-01', 'b', '2024-01-01.md', 0, 6]]);
  });

  it('should record published, lastUpdated and every correction, and read back any reason exactly as written', () => {
    const reasons = ['Fixes a "typo": #1.', 'Two\nlines', "It's -- [x] & *y* {z} \u0007 \u2028 end  ", '- item'];
    const correctionList = reasons.map((reason, index) => (index === 3 ? { date: `2024-0${index + 1}-01`, reason, before: 'c'.repeat(64) } : { date: `2024-0${index + 1}-01`, reason }));
    const written = serializeLock(new Map([['privacy/2022-03-31', entry('a', { published: '2022-02-28', lastUpdated: '2024-04-01', correctionList, corrections: 4 })]]));
    expect(written).toContain('  published: "2022-02-28"\n  lastUpdated: "2024-04-01"\n  corrections:\n    - date: "2024-01-01"\n      reason: "Fixes a \\"typo\\": #1."\n');
    const read = parseLock(written).get('privacy/2022-03-31')!;
    expect(read).toMatchObject({ published: '2022-02-28', lastUpdated: '2024-04-01', corrections: 4, correctionList });
    expect(read.correctionList).toEqual(correctionList);
    expect(written).toContain(`      reason: "- item"\n      before: "${'c'.repeat(64)}"\n`);
  });

  it('should read a hash of digits only as a hash, not a number', () => {
    const digits = '1'.repeat(64);
    expect(parseLock(serializeLock(new Map([['privacy/2022-03-31', { ...entry('a'), sha256: digits }]]))).get('privacy/2022-03-31')!.sha256).toBe(digits);
  });

  it('should still read a format-1 entry (a hash and a count of corrections), and never write one', () => {
    const old = parseLock(`privacy/2022-03-31:\n  sha256: "${'a'.repeat(64)}"\n  corrections: 2\n`).get('privacy/2022-03-31')!;
    expect(old).toEqual({ sha256: 'a'.repeat(64), corrections: 2, line: 1 });
    expect(isFormat1(old)).toBe(true);
    expect(() => serializeLock(new Map([['privacy/2022-03-31', old]]))).toThrow(/only format-2 entries/);
  });

  it.each([
    ['a malformed key', `terms/2024:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024.md"\n`, /not a version key/],
    ['no sha256', 'terms/2024-01-01:\n  file: "2024-01-01.md"\n', /no valid sha256/],
    ['an unknown key', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-01.md"\n  note: hi\n`, /unknown key "note"/],
    ['a file name of another date', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-02.md"\n`, /not 2024-01-01\.md or 2024-01-01\.mdx/],
    ['a file name with another extension', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-01.txt"\n`, /not 2024-01-01\.md/],
    ['a correction without a reason', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-01.md"\n  corrections:\n    - date: "2024-02-01"\n`, /corrections that are not a list/],
    ['a correction count in a format-2 entry', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-01.md"\n  corrections: 1\n`, /corrections that are not a list/],
    ['an invalid date', `terms/2024-01-01:\n  sha256: "${'a'.repeat(64)}"\n  file: "2024-01-01.md"\n  published: "2024-02-30"\n`, /invalid published/],
  ])('should refuse %s, naming the line of its entry', (_case, text, message) => {
    const bad = `privacy/2022-03-31:\n  sha256: "${'a'.repeat(64)}"\n  file: "2022-03-31.mdx"\n${text}`;
    expect(() => parseLock(bad)).toThrow(message);
    try {
      parseLock(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(LockSyntaxError);
      expect((error as LockSyntaxError).line).toBe(4);
    }
  });
});

/** A version of `privacy` effective on a date, with its text (corrections are read from the text's frontmatter by the caller). */
const v = (effective: string, t: string, frontmatter: LockableVersion['frontmatter'] = {}, ext = 'mdx'): LockableVersion => ({ document: 'privacy', effective, path: `privacy/${effective}.${ext}`, text: t, frontmatter });
const typo = { date: '2024-05-02', reason: 'Typo.' };
const later = { date: '2024-09-01', reason: 'Fixes a broken link.' };
/** Corrections that list their edit: `A year.` corrected to `One year.`. */
const oneYear = { from: 'A year.', to: 'One year.' };
const typoFix = { ...typo, changed: [oneYear] };
const laterFix = { ...later, changed: [oneYear] };
/** The lock `npm run lock` writes for some versions. */
const lockOf = (...versions: LockableVersion[]): Lock => new Map(versions.map((version) => [`privacy/${version.effective}`, { ...lockEntryOf(version), line: 3 }]));

describe('planLock (npm run lock)', () => {
  it('should lock new versions, published or upcoming, and leave locked ones alone', () => {
    const plan = planLock([v('2022-03-31', text), v('2030-01-01', text)], lockOf(v('2022-03-31', text)), '2025-01-01');
    expect(plan.added).toEqual(['privacy/2030-01-01']);
    expect(plan.lock.get('privacy/2022-03-31')!.line).toBe(3);
  });

  it('should refuse to rewrite the hash of a published version changed without a new correction', () => {
    const changed = text.replace('A year.', 'Two years.');
    const plan = planLock([v('2022-03-31', changed)], lockOf(v('2022-03-31', text)), '2025-01-01');
    expect(plan.refused).toEqual(['privacy/2022-03-31']);
    expect(plan.problems.get('privacy/2022-03-31')).toEqual([{ rule: 'lock-changed', what: ['text'] }]);
    expect(plan.lock.get('privacy/2022-03-31')!.sha256).toBe(versionHash(text));
  });

  it('should rewrite the entry of a published version that appends a correction, recording it', () => {
    const corrected = withCorrection(text.replace('A year.', 'One year.'));
    const plan = planLock([v('2022-03-31', corrected, { corrections: [typoFix], lastUpdated: typo.date })], lockOf(v('2022-03-31', text)), '2025-01-01');
    expect(plan.corrected).toEqual(['privacy/2022-03-31']);
    // The correction records the hash of the text it replaced: the locked one.
    expect(plan.lock.get('privacy/2022-03-31')).toEqual({ sha256: versionHash(corrected), file: '2022-03-31.mdx', corrections: 1, correctionList: [{ ...typo, before: versionHash(text) }], lastUpdated: typo.date, line: 0 });
  });

  it('should lock the edited text of a version that was neither in effect nor published when it was locked', () => {
    const edited = text.replace('A year.', 'Two years.');
    expect(planLock([v('2030-01-01', edited)], lockOf(v('2030-01-01', text)), '2025-01-01').updatedDrafts).toEqual(['privacy/2030-01-01']);
    // Announcing a locked draft: `published:` added, then `npm run lock` records it.
    expect(planLock([v('2030-01-01', edited, { published: '2024-12-01' })], lockOf(v('2030-01-01', text)), '2025-01-01').updatedDrafts).toEqual(['privacy/2030-01-01']);
    // Once locked as announced, it is refused.
    expect(planLock([v('2030-01-01', edited, { published: '2024-12-01' })], lockOf(v('2030-01-01', text, { published: '2024-12-01' })), '2025-01-01').refused).toEqual(['privacy/2030-01-01']);
  });

  it('should never remove the entry of a version whose file is gone', () => {
    expect([...planLock([], lockOf(v('2022-03-31', text)), '2025-01-01').lock.keys()]).toEqual(['privacy/2022-03-31']);
  });

  it('should refuse a renamed published version even when it appends a correction', () => {
    const renamed = v('2022-03-31', withCorrection(text.replace('A year.', 'One year.')), { corrections: [typoFix], lastUpdated: typo.date }, 'md');
    const plan = planLock([renamed], lockOf(v('2022-03-31', text)), '2025-01-01');
    expect(plan.refused).toEqual(['privacy/2022-03-31']);
    expect(plan.problems.get('privacy/2022-03-31')).toEqual([{ rule: 'lock-renamed', locked: '2022-03-31.mdx', now: '2022-03-31.md' }]);
    expect(plan.lock.get('privacy/2022-03-31')!.file).toBe('2022-03-31.mdx');
  });

  it('should refuse a rewritten correction even when another one is appended', () => {
    const locked = lockOf(v('2022-03-31', text, { corrections: [typo] }));
    const plan = planLock([v('2022-03-31', text.replace('A year.', 'Ten years.'), { corrections: [{ ...typo, date: '2022-04-01' }, later] })], locked, '2025-01-01');
    expect(plan.problems.get('privacy/2022-03-31')!.map((p) => p.rule)).toEqual(['lock-correction-rewritten', 'lock-changed']);
  });

  it('should rewrite a format-1 entry in format 2 when the version still matches its hash, and refuse it otherwise', () => {
    const old: Lock = new Map([['privacy/2022-03-31', { sha256: versionHash(text), corrections: 0, line: 1 }]]);
    const plan = planLock([v('2022-03-31', text)], old, '2025-01-01');
    expect(plan.migrated).toEqual(['privacy/2022-03-31']);
    expect(plan.lock.get('privacy/2022-03-31')).toMatchObject({ file: '2022-03-31.mdx' });
    expect(planLock([v('2022-03-31', text.replace('A year.', 'Ten years.'))], old, '2025-01-01').refused).toEqual(['privacy/2022-03-31']);
  });
});

describe('judgeVersion', () => {
  const asOf = '2025-06-01';
  const locked = (version: LockableVersion) => lockEntryOf(version);
  const problems = (version: LockableVersion, entry: LockEntry) => {
    const verdict = judgeVersion(version, entry, asOf);
    return verdict.status === 'refused' ? verdict.problems : verdict.status;
  };

  it('should find a version recorded as it is locked, YAML layout aside', () => {
    expect(problems(v('2022-03-31', text, { corrections: [typo] }), locked(v('2022-03-31', text.replace('summary: Adds', '"summary": Adds'), { corrections: [typo] })))).toBe('locked');
  });

  it('should refuse a published .mdx version renamed to .md (an .mdx comment would become published text)', () => {
    expect(problems(v('2022-03-31', text, {}, 'md'), locked(v('2022-03-31', text)))).toEqual([{ rule: 'lock-renamed', locked: '2022-03-31.mdx', now: '2022-03-31.md' }]);
  });

  it('should refuse an old correction whose date or reason was rewritten', () => {
    const entry = locked(v('2022-03-31', text, { corrections: [typo, later] }));
    expect(problems(v('2022-03-31', text, { corrections: [{ ...typo, date: '2023-01-01' }, later] }), entry)).toEqual([{ rule: 'lock-correction-rewritten', index: 0, locked: typo, now: { ...typo, date: '2023-01-01' } }]);
    expect(problems(v('2022-03-31', text, { corrections: [typo, { ...later, reason: 'Rewrites the retention period.' }] }), entry)).toMatchObject([{ rule: 'lock-correction-rewritten', index: 1 }]);
  });

  it('should refuse a correction removed, or the corrections reordered', () => {
    const entry = locked(v('2022-03-31', text, { corrections: [typo, later] }));
    expect(problems(v('2022-03-31', text, { corrections: [typo] }), entry)).toEqual([{ rule: 'lock-correction-removed', locked: 2, now: 1 }]);
    expect(problems(v('2022-03-31', text, { corrections: [later, typo] }), entry)).toMatchObject([{ rule: 'lock-correction-rewritten', index: 0 }, { rule: 'lock-correction-rewritten', index: 1 }]);
  });

  it('should accept corrections appended in date order, same day included, with the corrected text', () => {
    const entry = locked(v('2022-03-31', text, { corrections: [typo] }));
    expect(problems(v('2022-03-31', text.replace('A year.', 'One year.'), { corrections: [typo, laterFix] }), entry)).toBe('corrected');
    expect(problems(v('2022-03-31', text.replace('A year.', 'One year.'), { corrections: [typo, { ...laterFix, date: typo.date }] }), entry)).toBe('corrected');
  });

  it('should refuse a new "Typo." correction dated before the correction above it', () => {
    const entry = locked(v('2022-03-31', text, { corrections: [later] }));
    const rewrite = v('2022-03-31', text.replace('A year.', 'Ten years.'), { corrections: [later, { date: '2022-04-01', reason: 'Typo.', changed: [{ from: 'A year.', to: 'Ten years.' }] }] });
    expect(problems(rewrite, entry)).toEqual([{ rule: 'lock-correction-order', index: 1, previous: later.date, date: '2022-04-01' }]);
  });

  it('should refuse lastUpdated added, changed or removed without a new correction', () => {
    expect(problems(v('2022-03-31', text, { lastUpdated: '2024-01-01' }), locked(v('2022-03-31', text)))).toEqual([{ rule: 'lock-last-updated', locked: undefined, now: '2024-01-01' }]);
    expect(problems(v('2022-03-31', text, { lastUpdated: '2024-02-01' }), locked(v('2022-03-31', text, { lastUpdated: '2024-01-01' })))).toEqual([{ rule: 'lock-last-updated', locked: '2024-01-01', now: '2024-02-01' }]);
    expect(problems(v('2022-03-31', text), locked(v('2022-03-31', text, { lastUpdated: '2024-01-01' })))).toEqual([{ rule: 'lock-last-updated', locked: '2024-01-01', now: undefined }]);
  });

  it('should tell a changed publication date from a changed text', () => {
    const announced = (t: string, published: string) => v('2025-09-01', t.replace('material: true', `material: true\npublished: ${published}`), { published });
    const entry = locked(announced(text, '2025-05-01'));
    expect(problems(announced(text, '2025-05-02'), entry)).toEqual([{ rule: 'lock-changed', what: ['published'] }]);
    expect(problems(announced(text.replace('A year.', 'Ten years.'), '2025-05-02'), entry)).toEqual([{ rule: 'lock-changed', what: ['text', 'published'] }]);
  });

  it('should judge a format-1 entry by its hash and count only, and offer to migrate it', () => {
    const old: LockEntry = { sha256: versionHash(text), corrections: 1, line: 1 };
    expect(problems(v('2022-03-31', text, { corrections: [typo] }, 'md'), old)).toBe('migrate');
    expect(problems(v('2022-03-31', text), old)).toEqual([{ rule: 'lock-correction-removed', locked: 1, now: 0 }]);
    expect(problems(v('2022-03-31', text, { corrections: [later, typo] }), old)).toEqual([{ rule: 'lock-correction-order', index: 1, previous: later.date, date: typo.date }, { rule: 'lock-correction-unrecorded', index: 1 }]);
  });

  it('should refuse a new correction that does not list its edits', () => {
    const entry = locked(v('2022-03-31', text));
    expect(problems(v('2022-03-31', text.replace('A year.', 'One year.'), { corrections: [typo] }), entry)).toEqual([{ rule: 'lock-correction-unrecorded', index: 0 }]);
  });

  it('should refuse a "Typo." correction whose edits are not the whole change: a substantive edit it does not list', () => {
    const entry = locked(v('2022-03-31', text));
    const sneaky = text.replace('A year.', 'One year.').replace('## Retention', 'We sell your data.\n\n## Retention');
    expect(problems(v('2022-03-31', sneaky, { corrections: [typoFix] }), entry)).toEqual([{ rule: 'lock-correction-incomplete', index: 0 }]);
    // The same substance listed as an edit passes the lock, and is then published as its redline.
    const listed = { ...typo, changed: [oneYear, { from: '## Retention', to: 'We sell your data.\n\n## Retention' }] };
    expect(problems(v('2022-03-31', sneaky, { corrections: [listed] }), entry)).toBe('corrected');
  });

  it('should refuse the edits of a locked correction rewritten, or added after it was locked', () => {
    const corrected = text.replace('A year.', 'One year.');
    const entry = locked(v('2022-03-31', corrected, { corrections: [typoFix] }));
    expect(entry.correctionList).toEqual([{ ...typo, before: versionHash(text) }]);
    // Rewritten: `One year.` claimed to have been `Two years.` — the text before no longer has the locked hash.
    expect(problems(v('2022-03-31', corrected, { corrections: [{ ...typo, changed: [{ from: 'Two years.', to: 'One year.' }] }] }), entry)).toMatchObject([{ rule: 'lock-correction-rewritten', index: 0 }]);
    // Added later to a correction locked without them.
    const legacy = locked(v('2022-03-31', corrected, { corrections: [typo] }));
    expect(problems(v('2022-03-31', corrected, { corrections: [typoFix] }), legacy)).toMatchObject([{ rule: 'lock-correction-rewritten', index: 0 }]);
  });
});

describe('compareLocks (the pull-request check)', () => {
  const asOf = '2025-06-01';
  const base = lockOf(v('2022-03-31', text, { corrections: [typo] }), v('2024-01-01', text), v('2030-01-01', text));
  const rules = (next: Lock) => compareLocks(base, next, asOf).map((r) => `${r.rule} ${r.key}`);
  const withEntry = (key: string, entry: LockEntry): Lock => new Map([...base, [key, entry]]);

  it('should accept the same lock, new entries and corrections appended', () => {
    expect(rules(base)).toEqual([]);
    const next = withEntry('privacy/2022-03-31', lockEntryOf(v('2022-03-31', text.replace('A year.', 'One year.'), { corrections: [typo, laterFix], lastUpdated: later.date })));
    next.set('privacy/2031-01-01', lockEntryOf(v('2031-01-01', text)));
    expect(rules(next)).toEqual([]);
  });

  it('should refuse a correction appended with a hash of the text before it that is not the base branch\'s', () => {
    const corrected = lockEntryOf(v('2022-03-31', text.replace('A year.', 'One year.'), { corrections: [typo, laterFix], lastUpdated: later.date }));
    const forged = { ...corrected, correctionList: [typo, { ...later, before: 'f'.repeat(64) }] };
    const [rewrite] = compareLocks(base, withEntry('privacy/2022-03-31', forged), asOf);
    expect(rewrite!.changes).toEqual([`correction 2 (${later.date}) records the text before it as "${'f'.repeat(64)}", not the hash "${versionHash(text)}" locked on the base branch`]);
  });

  it('should name every entry removed, as when the lock is emptied and written again', () => {
    expect(rules(new Map())).toEqual(['lock-entry-removed privacy/2022-03-31', 'lock-entry-removed privacy/2024-01-01', 'lock-entry-removed privacy/2030-01-01']);
    expect(compareLocks(base, new Map(), asOf)[0]).toMatchObject({ baseLine: 3, line: 0 });
  });

  it('should name an entry whose hash changed without a new correction, with the old and new values', () => {
    const [rewrite] = compareLocks(base, withEntry('privacy/2024-01-01', { ...base.get('privacy/2024-01-01')!, sha256: 'f'.repeat(64), line: 9 }), asOf);
    expect(rewrite).toMatchObject({ rule: 'lock-entry-rewritten', key: 'privacy/2024-01-01', baseLine: 3, line: 9 });
    expect(rewrite!.changes).toEqual([`sha256: "${versionHash(text)}" -> "${'f'.repeat(64)}" without a new correction`]);
  });

  it.each([
    ['the file name', { file: '2022-03-31.md' }, 'file: "2022-03-31.mdx" -> "2022-03-31.md"'],
    ['an old correction', { correctionList: [{ ...typo, date: '2022-04-01' }, later], corrections: 2 }, 'correction 1: {"date":"2024-05-02","reason":"Typo."} -> {"date":"2022-04-01","reason":"Typo."}'],
    ['a correction removed', { correctionList: undefined, corrections: 0 }, 'correction 1 (2024-05-02) removed'],
    ['lastUpdated', { lastUpdated: '2025-01-01' }, 'lastUpdated: none -> "2025-01-01" without a new correction'],
    ['the publication date', { published: '2022-01-01' }, 'published: none -> "2022-01-01"'],
  ])('should name an entry whose %s was rewritten', (_case, change, phrase) => {
    const [rewrite] = compareLocks(base, withEntry('privacy/2022-03-31', { ...base.get('privacy/2022-03-31')!, ...change }), asOf);
    expect(rewrite?.changes).toContain(phrase);
  });

  it('should let the entry of a draft change, by the base entry\'s publication date', () => {
    expect(rules(withEntry('privacy/2030-01-01', lockEntryOf(v('2030-01-01', text.replace('A year.', 'Two years.'), {}, 'md'))))).toEqual([]);
    const announced = lockOf(v('2030-01-01', text, { published: '2025-05-01' }));
    expect(compareLocks(announced, lockOf(v('2030-01-01', text.replace('A year.', 'Two years.'), { published: '2025-05-01' })), asOf).map((r) => r.rule)).toEqual(['lock-entry-rewritten']);
  });

  it('should compare a format-1 base entry by its hash and count, so migrating it is no rewrite', () => {
    const old: Lock = new Map([['privacy/2022-03-31', { sha256: versionHash(text), corrections: 1, line: 3 }]]);
    expect(compareLocks(old, lockOf(v('2022-03-31', text, { corrections: [typo] })), asOf)).toEqual([]);
    expect(compareLocks(old, lockOf(v('2022-03-31', text)), asOf).map((r) => r.changes)).toEqual([['corrections: 1 -> 0']]);
    expect(compareLocks(old, lockOf(v('2022-03-31', text.replace('A year.', 'Ten years.'), { corrections: [typo] })), asOf).map((r) => r.rule)).toEqual(['lock-entry-rewritten']);
    expect(compareLocks(base, new Map([['privacy/2022-03-31', { sha256: versionHash(text), corrections: 1, line: 3 }]]), asOf)[0]!.changes[0]).toContain('old format');
  });
});

describe('compareLocks and versions locked after they took effect (issue 13)', () => {
  const asOf = '2025-06-01';
  const base = lockOf(v('2022-03-31', text));
  it('should refuse a new entry for a version already in effect, unless it was locked as history', () => {
    const next = new Map([...base, ['privacy/2025-05-16', lockEntryOf(v('2025-05-16', text))]]);
    expect(compareLocks(base, next, asOf).map((r) => `${r.rule} ${r.key}`)).toEqual(['lock-entry-backdated privacy/2025-05-16']);
    next.delete('privacy/2025-05-16');
    next.set('privacy/2021-01-01', { ...lockEntryOf(v('2021-01-01', text)), imported: true });
    expect(compareLocks(base, next, asOf)).toEqual([]);
    next.set('privacy/2025-07-01', lockEntryOf(v('2025-07-01', text)));
    expect(compareLocks(base, next, asOf)).toEqual([]);
  });

  it('should refuse history imported after the version the base already had in force, which would replace what readers read', () => {
    const next = new Map([...base, ['privacy/2025-05-16', { ...lockEntryOf(v('2025-05-16', text)), imported: true }]]);
    expect(compareLocks(base, next, asOf).map((r) => `${r.rule} ${r.key}`)).toEqual(['lock-entry-imported-late privacy/2025-05-16']);
    // A document the base did not have: all of its history may be imported.
    const other = new Map([...base, ['terms/2024-01-01', { ...lockEntryOf(v('2024-01-01', text)), imported: true }], ['terms/2025-05-16', { ...lockEntryOf(v('2025-05-16', text)), imported: true }]]);
    expect(compareLocks(base, other, asOf)).toEqual([]);
  });

  it('should write and read back `imported: true`', () => {
    const written = serializeLock(new Map([['privacy/2025-05-16', { ...lockEntryOf(v('2025-05-16', text)), imported: true }]]));
    expect(written).toContain('  imported: true\n');
    expect(parseLock(written).get('privacy/2025-05-16')!.imported).toBe(true);
  });
});
