/**
 * The diff engine's rules, one small pair of sources per rule, each asserting the exact changes.
 */
import { describe, expect, it } from 'vitest';
import { diffSources, type VersionDiff } from '../../../src/lib/diff/index.ts';

const diff = (before: string, after: string): VersionDiff => diffSources({ text: before, format: 'mdx' }, { text: after, format: 'mdx' });
/** The changes without section details, for exact comparisons. */
const brief = (result: VersionDiff) => result.changes.map(({ kind, type, segments }) => ({ kind, type, segments }));

describe('changes that are not changes', () => {
  it('should ignore re-wrapped lines, trailing whitespace and trailing newlines', () => {
    const before = '## Scope {#scope}\n\nWe collect your name and\ne-mail address when you sign up.\n';
    const after = '## Scope {#scope}\n\nWe collect your name and e-mail   \naddress when you\nsign up.   \n\n\n';
    expect(diff(before, after).changes).toEqual([]);
  });

  it('should ignore ordered-list renumbering', () => {
    const before = '1. First item.\n2. Second item.\n3. Third item.\n';
    const after = '1. First item.\n1. Second item.\n1. Third item.\n';
    expect(diff(before, after).changes).toEqual([]);
    expect(diff(before, '4. First item.\n5. Second item.\n6. Third item.\n').changes).toEqual([]);
  });

  it('should ignore list marker style and emphasis marker style', () => {
    const before = '* An *important* item.\n* A **strong** item.\n';
    const after = '- An _important_ item.\n- A __strong__ item.\n';
    expect(diff(before, after).changes).toEqual([]);
  });

  it('should ignore a change to anchor syntax only', () => {
    expect(diff('## Data retention\n\nText.\n', '## Data retention {#data-retention}\n\nText.\n').changes).toEqual([]);
  });
});

describe('changes', () => {
  it('should report a paragraph moved between sections as one move with its old and new section', () => {
    const before = '## A {#a}\n\nThe moving paragraph says five words.\n\nStays in A.\n\n## B {#b}\n\nStays in B.\n';
    const after = '## A {#a}\n\nStays in A.\n\n## B {#b}\n\nStays in B.\n\nThe moving paragraph says five words.\n';
    const result = diff(before, after);
    expect(brief(result)).toEqual([
      { kind: 'moved', type: 'paragraph', segments: [{ op: 'equal', text: 'The moving paragraph says five words.', space: false }] },
    ]);
    expect(result.changes[0]!.oldSection?.anchor).toBe('a');
    expect(result.changes[0]!.newSection?.anchor).toBe('b');
    expect(result.sections.find((s) => s.anchor === 'a')!.movedAway.map((c) => c.id)).toEqual(['change-1']);
    expect(result.stats).toMatchObject({ blocksMoved: 1, wordsInserted: 0, wordsDeleted: 0, sectionsChanged: 2 });
  });

  it('should report a paragraph moved with a small edit as a move with its word changes', () => {
    const before = '## A {#a}\n\nWe keep personal data for as long as your account is open.\n\n## B {#b}\n\nOther text.\n';
    const after = '## A {#a}\n\n## B {#b}\n\nOther text.\n\nWe keep personal data for as long as your account is active.\n';
    const result = diff(before, after);
    expect(brief(result)).toEqual([
      {
        kind: 'moved',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'We keep personal data for as long as your account is', space: false },
          { op: 'delete', text: 'open', space: true },
          { op: 'insert', text: 'active', space: true },
          { op: 'equal', text: '.', space: false },
        ],
      },
    ]);
    expect(result.stats).toMatchObject({ blocksMoved: 1, wordsInserted: 1, wordsDeleted: 1 });
  });

  it('should report a renamed heading with the same anchor as a changed heading of the same section', () => {
    const result = diff('## What we collect {#collect}\n\nText.\n', '## Information we collect {#collect}\n\nText.\n');
    expect(brief(result)).toEqual([
      {
        kind: 'modified',
        type: 'heading',
        segments: [
          { op: 'delete', text: 'What', space: false },
          { op: 'insert', text: 'Information', space: false },
          { op: 'equal', text: 'we collect', space: true },
        ],
      },
    ]);
    expect(result.sections.map((s) => [s.anchor, s.oldAnchor, s.newAnchor, s.status])).toEqual([['collect', 'collect', 'collect', 'changed']]);
  });

  it('should report a changed table cell as a changed table row', () => {
    const before = '| Data | Kept for |\n| --- | --- |\n| Logs | 30 days |\n| Invoices | 7 years |\n';
    const after = '| Data | Kept for |\n| --- | --- |\n| Logs | 90 days |\n| Invoices | 7 years |\n';
    expect(brief(diff(before, after))).toEqual([
      {
        kind: 'modified',
        type: 'table-row',
        segments: [
          { op: 'equal', text: 'Logs |', space: false },
          { op: 'delete', text: '30', space: true },
          { op: 'insert', text: '90', space: true },
          { op: 'equal', text: 'days', space: true },
        ],
      },
    ]);
  });

  it('should report an item inserted in the middle of a list as one inserted list item', () => {
    const before = '- Your name.\n- Your e-mail address.\n';
    const after = '- Your name.\n- Your postal address.\n- Your e-mail address.\n';
    expect(brief(diff(before, after))).toEqual([
      { kind: 'inserted', type: 'list-item', segments: [{ op: 'insert', text: 'Your postal address.', space: false }] },
    ]);
  });

  it('should report a sentence inserted in a paragraph as inserted words in that paragraph', () => {
    const before = 'We use information to provide the services. We never sell it.\n';
    const after = 'We use information to provide the services. We keep it safe. We never sell it.\n';
    const result = diff(before, after);
    expect(brief(result)).toEqual([
      {
        kind: 'modified',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'We use information to provide the services.', space: false },
          { op: 'insert', text: 'We keep it safe.', space: true },
          { op: 'equal', text: 'We never sell it.', space: true },
        ],
      },
    ]);
    expect(result.stats).toMatchObject({ wordsInserted: 4, wordsDeleted: 0, sectionsChanged: 1 });
  });

  it('should report a changed link target even when the link text is the same', () => {
    const result = diff('Write to [our team](mailto:privacy@example.com).\n', 'Write to [our team](mailto:legal@example.com).\n');
    expect(brief(result)).toEqual([
      {
        kind: 'modified',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'Write to', space: false },
          { op: 'equal', text: 'our team', space: true, href: 'mailto:legal@example.com' },
          { op: 'delete', text: '', space: true, target: 'mailto:privacy@example.com' },
          { op: 'insert', text: '', space: true, target: 'mailto:legal@example.com' },
          { op: 'equal', text: '.', space: false },
        ],
      },
    ]);
    expect(result.stats).toMatchObject({ wordsInserted: 1, wordsDeleted: 1 });
  });

  it('should show a paragraph split into a list as changed text, not as all its words deleted and inserted', () => {
    const before = '## Use {#use}\n\nWe use your data to run the services, to bill you for them, and to answer your questions.\n';
    const after = '## Use {#use}\n\nWe use your data:\n\n- to run the services and to bill you for them;\n- to answer your questions.\n';
    const result = diff(before, after);
    expect(brief(result)).toEqual([
      { kind: 'modified', type: 'paragraph', segments: [{ op: 'equal', text: 'We use your data', space: false }, { op: 'insert', text: ':', space: false }] },
      {
        kind: 'modified',
        type: 'list-item',
        segments: [
          { op: 'equal', text: 'to run the services', space: false },
          { op: 'delete', text: ',', space: false },
          { op: 'insert', text: 'and', space: true },
          { op: 'equal', text: 'to bill you for them', space: true },
          { op: 'delete', text: ', and', space: false },
          { op: 'insert', text: ';', space: false },
        ],
      },
      { kind: 'formatting', type: 'list-item', segments: [{ op: 'equal', text: 'to answer your questions.', space: false }] },
    ]);
    expect(result.stats).toMatchObject({ wordsInserted: 3, wordsDeleted: 3, sectionsChanged: 1 });
  });

  it('should report a quote-style change as a formatting change, apart from wording changes', () => {
    const result = diff('## Terms {#terms}\n\nThe "Service" is ours.\n', '## Terms {#terms}\n\nThe \u201cService\u201d is ours.\n');
    expect(brief(result)).toEqual([
      {
        kind: 'formatting',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'The', space: false },
          { op: 'delete', text: '"', space: true },
          { op: 'insert', text: '\u201c', space: true },
          { op: 'equal', text: 'Service', space: false },
          { op: 'delete', text: '"', space: false },
          { op: 'insert', text: '\u201d', space: false },
          { op: 'equal', text: 'is ours.', space: true },
        ],
      },
    ]);
    expect(result.stats).toMatchObject({ formattingChanges: 1, sectionsChanged: 0, sectionsFormattingOnly: 1, wordsInserted: 0, wordsDeleted: 0 });
  });

  it('should show only the wording when a block changes both wording and typography', () => {
    const result = diff("It's 30 days - or less.\n", 'It\u2019s 60 days \u2013 or less.\n');
    expect(brief(result)).toEqual([
      {
        kind: 'modified',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'It\u2019s', space: false },
          { op: 'delete', text: '30', space: true },
          { op: 'insert', text: '60', space: true },
          { op: 'equal', text: 'days \u2013 or less.', space: true },
        ],
      },
    ]);
  });

  it('should report blocks of a new section as inserted, with the section added', () => {
    const result = diff('## A {#a}\n\nOne.\n', '## A {#a}\n\nOne.\n\n## B {#b}\n\nTwo words.\n');
    expect(result.changes.map((c) => [c.kind, c.type, c.newSection?.anchor])).toEqual([
      ['inserted', 'heading', 'b'],
      ['inserted', 'paragraph', 'b'],
    ]);
    expect(result.stats).toMatchObject({ sectionsAdded: 1, sectionsChanged: 0, wordsInserted: 3 });
  });

  it('should count a removed section and its words', () => {
    const result = diff('## A {#a}\n\nOne.\n\n## B {#b}\n\nTwo words.\n', '## A {#a}\n\nOne.\n');
    expect(result.changes.map((c) => [c.kind, c.type, c.oldSection?.anchor])).toEqual([
      ['deleted', 'heading', 'b'],
      ['deleted', 'paragraph', 'b'],
    ]);
    expect(result.sections.map((s) => [s.anchor, s.status])).toEqual([['a', 'unchanged'], ['b', 'removed']]);
    expect(result.stats).toMatchObject({ sectionsRemoved: 1, wordsDeleted: 3 });
  });

  it('should compare the title and term of content components and ignore MDX comments', () => {
    const before = '<Notice title="Important">\nWe may change these terms.\n</Notice>\n\n<Definition term="Personal data">Any information about you.</Definition>\n\n{/* note */}\n';
    const after = '<Notice title="Very Important">\nWe may change these terms.\n</Notice>\n\n<Definition term="Personal information">Any information about you.</Definition>\n\n{/* another note */}\n';
    expect(brief(diff(before, after))).toEqual([
      { kind: 'modified', type: 'paragraph', segments: [{ op: 'insert', text: 'Very', space: false }, { op: 'equal', text: 'Important', space: true, oldSpace: false }] },
      {
        kind: 'modified',
        type: 'paragraph',
        segments: [
          { op: 'equal', text: 'Personal', space: false },
          { op: 'delete', text: 'data', space: true },
          { op: 'insert', text: 'information', space: true },
          { op: 'equal', text: ': Any information about you.', space: false },
        ],
      },
    ]);
  });

  it('should cut words with Intl.Segmenter, so text without spaces is diffed word by word', () => {
    const result = diffSources({ text: '我们收集您的姓名。\n', format: 'md' }, { text: '我们收集您的地址。\n', format: 'md' }, { locale: 'zh' });
    const segments = result.changes[0]!.segments;
    expect(segments.filter((s) => s.op === 'delete').map((s) => s.text).join('')).toBe('姓名');
    expect(segments.filter((s) => s.op === 'insert').map((s) => s.text).join('')).toBe('地址');
  });
});
