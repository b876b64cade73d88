/**
 * The lock (issue 6): what the hash covers, how the lock file reads and writes, and what
 * `npm run lock` may and may not rewrite.
 */
import { describe, expect, it } from 'vitest';
import { LockSyntaxError, mustBeLocked, parseLock, planLock, serializeLock, versionHash, type Lock } from '../../src/lib/lock.ts';

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
  it('should read back what it writes, sorted by version', () => {
    const lock: Lock = new Map([
      ['terms/2024-01-01', { sha256: 'b'.repeat(64), corrections: 1, line: 0 }],
      ['privacy/2022-03-31', { sha256: 'a'.repeat(64), corrections: 0, line: 0 }],
    ]);
    const written = serializeLock(lock);
    expect(written.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      'privacy/2022-03-31:', `  sha256: "${'a'.repeat(64)}"`, '  corrections: 0',
      'terms/2024-01-01:', `  sha256: "${'b'.repeat(64)}"`, '  corrections: 1', '',
    ]);
    expect([...parseLock(written)].map(([key, e]) => [key, e.sha256[0], e.corrections, e.line])).toEqual([['privacy/2022-03-31', 'a', 0, 3], ['terms/2024-01-01', 'b', 1, 6]]);
  });

  it('should read a hash of digits only as a hash, not a number', () => {
    const digits = '1'.repeat(64);
    expect(parseLock(serializeLock(new Map([['privacy/2022-03-31', { sha256: digits, corrections: 0, line: 0 }]]))).get('privacy/2022-03-31')!.sha256).toBe(digits);
  });

  it('should name the line of a malformed entry', () => {
    const bad = `privacy/2022-03-31:\n  sha256: ${'a'.repeat(64)}\n  corrections: 0\nterms/2024:\n  sha256: x\n`;
    expect(() => parseLock(bad)).toThrow(LockSyntaxError);
    try {
      parseLock(bad);
    } catch (error) {
      expect((error as LockSyntaxError).line).toBe(4);
    }
  });
});

describe('planLock (npm run lock)', () => {
  const v = (effective: string, t: string, published?: string) => ({ document: 'privacy', effective, text: t, frontmatter: { ...(published ? { published } : {}), corrections: t.includes('corrections:') ? [{ date: '2024-05-02', reason: 'Typo.' }] : undefined } });
  const lockOf = (entries: [string, string, number][]): Lock => new Map(entries.map(([k, t, c]) => [k, { sha256: versionHash(t), corrections: c, line: 3 }]));

  it('should lock new versions, published or upcoming, and leave locked ones alone', () => {
    const plan = planLock([v('2022-03-31', text), v('2030-01-01', text)], lockOf([['privacy/2022-03-31', text, 0]]), '2025-01-01');
    expect(plan.added).toEqual(['privacy/2030-01-01']);
    expect(plan.lock.get('privacy/2022-03-31')!.line).toBe(3);
  });

  it('should refuse to rewrite the hash of a published version changed without a new correction', () => {
    const changed = text.replace('A year.', 'Two years.');
    const plan = planLock([v('2022-03-31', changed)], lockOf([['privacy/2022-03-31', text, 0]]), '2025-01-01');
    expect(plan.refused).toEqual(['privacy/2022-03-31']);
    expect(plan.lock.get('privacy/2022-03-31')!.sha256).toBe(versionHash(text));
  });

  it('should rewrite the hash of a published version that lists a new correction', () => {
    const corrected = withCorrection(text.replace('A year.', 'One year.'));
    const plan = planLock([v('2022-03-31', corrected)], lockOf([['privacy/2022-03-31', text, 0]]), '2025-01-01');
    expect(plan.corrected).toEqual(['privacy/2022-03-31']);
    expect(plan.lock.get('privacy/2022-03-31')).toMatchObject({ sha256: versionHash(corrected), corrections: 1 });
  });

  it('should lock the edited text of a version that is neither in effect nor published', () => {
    const edited = text.replace('A year.', 'Two years.');
    expect(planLock([v('2030-01-01', edited)], lockOf([['privacy/2030-01-01', text, 0]]), '2025-01-01').updatedDrafts).toEqual(['privacy/2030-01-01']);
    expect(planLock([v('2030-01-01', edited, '2024-12-01')], lockOf([['privacy/2030-01-01', text, 0]]), '2025-01-01').refused).toEqual(['privacy/2030-01-01']);
  });

  it('should never remove the entry of a version whose file is gone', () => {
    expect([...planLock([], lockOf([['privacy/2022-03-31', text, 0]]), '2025-01-01').lock.keys()]).toEqual(['privacy/2022-03-31']);
  });
});
