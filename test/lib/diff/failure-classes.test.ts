/**
 * The redline failure classes found on a real policy history (issue 12), one small fixture each,
 * asserting the exact changes: every change in its place, no false moves, no more words marked
 * than the edit needs.
 */
import { describe, expect, it } from 'vitest';
import { diffSources, type Change, type VersionDiff } from '../../../src/lib/diff/index.ts';
import { showsSpaceBefore } from '../../../src/lib/diff/tokens.ts';
import { segmentsHtml } from '../../../src/components/diff/render-diff.ts';

const diff = (before: string, after: string): VersionDiff => diffSources({ text: before, format: 'md' }, { text: after, format: 'md' });
/** A change as `kind type [section → section]: redline`, `[-deleted-]` and `{+inserted+}`. */
const line = (change: Change) => `${change.kind} ${change.type} [${change.oldSection?.anchor ?? '-'} → ${change.newSection?.anchor ?? '-'}]: ${redline(change)}`;
const redline = (change: Change) => change.segments.map((s, i, all) => {
  const text = s.target !== undefined ? `<${s.target}>` : s.text;
  const shown = s.op === 'equal' ? text : s.op === 'insert' ? `{+${text}+}` : `[-${text}-]`;
  return (showsSpaceBefore(all[i - 1], s) ? ' ' : '') + shown;
}).join('');
const lines = (result: VersionDiff) => result.changes.map(line);

describe('heading levels', () => {
  const old = '# Privacy\n\nIntro.\n\n## Data {#data}\n\nWe collect data.\n\n### Cookies {#cookies}\n\nWe set cookies.\n\n## Rights {#rights}\n\nYou have rights.\n';
  it('should show every heading moved up one level as one formatting change per heading, nothing moved, summarised', () => {
    const shifted = old.replace(/^# /m, 'X ').replace(/^## /gm, '# ').replace(/^### /gm, '## ').replace(/^X /m, '# ');
    const result = diff(old, shifted.replace('# Privacy', '# Privacy'));
    expect(result.stats.blocksMoved).toBe(0);
    expect(result.changes.every((c) => c.kind === 'formatting' && c.type === 'heading')).toBe(true);
    expect(result.stats.headingLevelChanges).toBe(3);
    expect(result.stats.wordsInserted + result.stats.wordsDeleted).toBe(0);
  });
});

describe('deletions in place', () => {
  it('should show a deleted sentence in the paragraph it was deleted from, not at the start of the next section', () => {
    const old = '## One {#one}\n\nFirst paragraph. A sentence to go.\n\n## Two {#two}\n\nSecond paragraph, changed a bit here.\n';
    const next = '## One {#one}\n\nFirst paragraph.\n\n## Two {#two}\n\nSecond paragraph, changed a lot here.\n';
    expect(lines(diff(old, next))).toEqual([
      'modified paragraph [one → one]: First paragraph. [-A sentence to go.-]',
      'modified paragraph [two → two]: Second paragraph, changed a [-bit-] {+lot+} here.',
    ]);
  });

  it('should keep a paragraph that lost words and changed a link target modified, however long it is', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const old = `## A {#a}\n\n${words} see [the terms](https://example.com/old) for more very old details.\n`;
    const next = `## A {#a}\n\n${words} see [the terms](https://example.com/new) for more.\n`;
    const [change, ...rest] = diff(old, next).changes;
    expect(rest).toEqual([]);
    expect(change!.kind).toBe('modified');
    expect(change!.wordsDeleted + change!.wordsInserted).toBe(5);
  });
});

describe('headings paired by their sections, not their words', () => {
  it('should not pair two headings of different meaning that share words', () => {
    const old = '## Retention of personal data {#retention}\n\nWe keep records for six years after you leave.\n';
    const next = '## Sharing of personal data {#sharing}\n\nWe give processors only what they need to act for us.\n';
    const result = diff(old, next);
    expect(result.changes.filter((c) => c.type === 'heading').map((c) => c.kind).sort()).toEqual(['deleted', 'inserted']);
  });

  it('should pair a renamed heading whose section kept its content', () => {
    const body = 'We keep records for six years after you leave, then delete them.';
    const result = diff(`## Retention {#retention}\n\n${body}\n`, `## How long we keep data {#how-long}\n\n${body}\n`);
    expect(lines(result)).toEqual(['modified heading [retention → how-long]: [-Retention-] {+How long we keep data+}']);
  });

  it('should align renumbered slugs by content: a new "Cookies" section before the old one', () => {
    const old = '## Cookies\n\nWe set session cookies.\n\n## Contact\n\nWrite to us.\n';
    const next = '## Cookies\n\nWe use no tracking pixels.\n\n## Cookies\n\nWe set session cookies.\n\n## Contact\n\nWrite to us.\n';
    const result = diff(old, next);
    expect(result.stats.blocksMoved).toBe(0);
    expect(lines(result)).toEqual([
      'inserted heading [- → cookies]: {+Cookies+}',
      'inserted paragraph [- → cookies]: {+We use no tracking pixels.+}',
    ]);
  });

  it('should align pinned anchors by anchor, not heading text', () => {
    const old = '### Details {#details-name}\n\nName details.\n\n### Details {#details-email}\n\nEmail details.\n';
    const next = '### Details {#details-phone}\n\nPhone details.\n\n### Details {#details-name}\n\nName details.\n\n### Details {#details-email}\n\nEmail details.\n';
    const result = diff(old, next);
    expect(result.stats.blocksMoved).toBe(0);
    expect(lines(result)).toEqual([
      'inserted heading [- → details-phone]: {+Details+}',
      'inserted paragraph [- → details-phone]: {+Phone details.+}',
    ]);
  });
});

describe('no noise', () => {
  it('should never strike and re-insert the same text', () => {
    const old = '## A {#a}\n\nWe use it to provide the services and to bill you monthly.\n';
    const next = '## A {#a}\n\nWe use it only to provide the services, never to bill you.\n';
    for (const change of diff(old, next).changes) {
      const deleted = change.segments.filter((s) => s.op === 'delete').map((s) => s.text);
      const inserted = new Set(change.segments.filter((s) => s.op === 'insert').map((s) => s.text));
      expect(deleted.filter((text) => text !== '' && inserted.has(text))).toEqual([]);
    }
  });

  it('should keep a space between a deleted and an inserted run, in the redline and in each side', () => {
    const result = diff('## Retention {#x}\n\nFinally, we keep it.\n', '## Sharing {#x}\n\nWe keep it.\n');
    expect(lines(result)).toEqual([
      'modified heading [x → x]: [-Retention-] {+Sharing+}',
      'modified paragraph [x → x]: [-Finally, we-] {+We+} keep it.',
    ]);
    const text = (html: string) => html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '');
    expect(text(segmentsHtml(result.changes[0]!.segments, 'inline'))).toBe('Retention Sharing');
    expect(text(segmentsHtml(result.changes[1]!.segments, 'old'))).toBe('Finally, we keep it.');
    expect(text(segmentsHtml(result.changes[1]!.segments, 'new'))).toBe('We keep it.');
    // Within a word's punctuation, each side keeps its own spacing.
    const bracket = diff('## A {#a}\n\nThe (big) thing.\n', '## A {#a}\n\nThe (small) thing.\n').changes[0]!;
    expect(text(segmentsHtml(bracket.segments, 'new'))).toBe('The (small) thing.');
  });

  it('should show a paragraph split in two, or two merged, without any word change', () => {
    const one = '## A {#a}\n\nWe collect your name. We collect your e-mail address. We keep both for a year.\n';
    const two = '## A {#a}\n\nWe collect your name. We collect your e-mail address.\n\nWe keep both for a year.\n';
    const cut = '## A {#a}\n\nWe collect your name.\n\nWe collect your e-mail address. We keep both for a year.\n';
    for (const [before, after] of [[one, two], [two, one], [two, cut]] as const) {
      const result = diff(before, after);
      expect(result.stats.wordsInserted + result.stats.wordsDeleted, `${before} → ${after}`).toBe(0);
    }
  });

  it('should show a case-only edit as such', () => {
    expect(lines(diff('## A {#a}\n\nThe Services are ours.\n', '## A {#a}\n\nThe services are ours.\n'))).toEqual(['modified paragraph [a → a]: The [-Services-] {+services+} are ours.']);
  });
});
