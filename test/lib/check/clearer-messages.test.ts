/**
 * The messages editors met in issue 13 ("Command line, for editors and CI: clearer messages"): each
 * case as an editor writes it, and the message that names the place and the fix.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content-check.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { closestChoice } from '../../../src/lib/editor-messages.ts';
import { readContent } from '../../../src/node/read-content.ts';
import { root, writeContent } from '../../helpers/site.ts';
import { asOf, checkChanged, locked, version } from '../editor-sources.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The findings other than the lock's (the cases edit locked files on purpose). */
const findings = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => !d.ruleId.startsWith('lock-'));
const withBody = (extra: string) => ({ 'privacy-statement/2024-01-01.mdx': `${locked['privacy-statement/2024-01-01.mdx']}\n${extra}\n` });
/** Check content written to disk, as `npm run check` reads it. */
function checkOnDisk(name: string, files: Record<string, string | Buffer>) {
  const written = writeContent(`clearer-${name}-${process.pid}`, files as Record<string, string>);
  dirs.push(written);
  const shown = (text: string) => text.replaceAll(/\S*clearer-[^/\s]+\//g, 'content/');
  return checkContent(readContent(written, root), asOf).diagnostics.map((d) => ({ ...d, file: shown(d.file), message: shown(d.message) }));
}

describe('links.yaml without the colon after a key', () => {
  it.each([
    ['on a later line', 'privacy-contact: privacy-statement#contact-us\nprivacy-retention privacy-statement#data-retention\n', 2],
    ['on the first line', 'privacy-retention privacy-statement#data-retention\nprivacy-contact: privacy-statement#contact-us\n', 1],
  ])('should say the colon is missing and write the line with it, %s', (_, links, line) => {
    const [found] = findings(checkChanged({ 'links.yaml': links }));
    expect(found).toMatchObject({ file: 'content/links.yaml', line, ruleId: 'deep-link-yaml' });
    expect(found!.message).toContain('this line has no colon between the key and its value: write privacy-retention: privacy-statement#data-retention');
    expect(found!.message).not.toMatch(/indented|quotes/);
  });

  it('should still say "close the quotes" for an unclosed quote, and only then', () => {
    const [found] = findings(checkChanged({ 'links.yaml': 'privacy-contact: "privacy-statement#contact-us\n' }));
    expect(found!.message).toContain('close the quotes');
  });
});

describe('HTML and Markdown habits in MDX', () => {
  it('should tell an e-mail address in angle brackets to become a link, at the bracket', () => {
    const found = findings(checkChanged(withBody('Write to <privacy@prodsmart.com>.')));
    expect(found).toEqual([expect.objectContaining({ line: 18, column: 10, ruleId: 'mdx-autolink' })]);
    expect(found[0]!.message).toBe('`<privacy@prodsmart.com>`: in MDX, `<` starts a tag, so an e-mail address cannot be written in angle brackets. Write it as a link, [privacy@prodsmart.com](mailto:privacy@prodsmart.com), or without the angle brackets.');
  });

  it('should tell a web address in angle brackets the same', () => {
    const [found] = findings(checkChanged(withBody('See <https://prodsmart.com/legal>.')));
    expect(found).toMatchObject({ ruleId: 'mdx-autolink', column: 5 });
    expect(found!.message).toContain('[https://prodsmart.com/legal](https://prodsmart.com/legal)');
  });

  it('should give <br> the help <br/> gets, at the tag', () => {
    const [found] = findings(checkChanged(withBody('One line<br>and the next.')));
    expect(found).toMatchObject({ line: 18, column: 9, ruleId: 'mdx-unclosed-tag' });
    expect(found!.message).toBe('In HTML `<br>` stands alone, but MDX reads it as an opening tag and looks for its `</br>`. Instead, write a backslash at the end of the line.');
  });

  it('should name an unclosed tag and its Markdown', () => {
    const [found] = findings(checkChanged(withBody('This is <b>important.')));
    expect(found).toMatchObject({ ruleId: 'mdx-unclosed-tag', column: 9 });
    expect(found!.message).toContain('The tag `<b>` is opened here and never closed. Instead, write Markdown bold: **text**.');
  });
});

describe('a link to an anchor that is not there', () => {
  const many = `${locked['privacy-statement/2024-01-01.mdx']}\n${Array.from({ length: 15 }, (_, i) => `## Part ${i} {#part-${i}}\n\nText.\n`).join('\n')}`;

  it('should say which anchor was meant, first, even when the list is long', () => {
    const found = findings(checkChanged({ 'privacy-statement/2024-01-01.mdx': `${many}\nSee [the contact](#contact-su).\n` }));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^The link `#contact-su` points to no section of this version\. Did you mean #contact-us\? Anchors here: #contact-us, #what-we-collect, .*, and \d+ more\.$/);
  });

  it('should not guess when nothing is close', () => {
    const [found] = findings(checkChanged(withBody('See [x](#zebra-crossing).')));
    expect(found!.message).not.toContain('Did you mean');
    expect(found!.message).toContain('Anchors here: #what-we-collect, #data-retention, #contact-us.');
  });

  it.each([
    ['contact-su', 'contact-us'], ['contactus', 'contact-us'], ['retention', 'data-retention'], ['Contact-Us', 'contact-us'], ['zebra', undefined],
  ])('should take %s for %s', (wanted, meant) => {
    expect(closestChoice(wanted, ['what-we-collect', 'data-retention', 'contact-us'])).toBe(meant);
  });
});

describe('registry findings at their entry', () => {
  const registry = `${locked['documents.yaml']}  - id: cookie-notice\n    title: Cookie Notice\n    kind: supplemental-notice\n    parent: privacy-statement\n    description: Cookies.\n  - id: search\n    title: Search\n    kind: terms\n    description: Findings.\n`;

  it('should place "no versions" and a reserved id on the entry\'s id line', () => {
    const found = findings(checkChanged({ 'documents.yaml': registry }));
    const lines = registry.split('\n');
    const lineOf = (id: string) => lines.indexOf(`  - id: ${id}`) + 1;
    expect(found.map((d) => `${d.line} ${d.ruleId}`).sort()).toEqual([`${lineOf('cookie-notice')} document-no-versions`, `${lineOf('search')} document-id-reserved`, `${lineOf('search')} document-no-versions`].sort());
  });

  it('should refuse notices that are each other\'s parent, naming the circle', () => {
    const cycle = `${locked['documents.yaml']}  - id: a-notice\n    title: A\n    kind: supplemental-notice\n    parent: b-notice\n    description: A.\n  - id: b-notice\n    title: B\n    kind: supplemental-notice\n    parent: a-notice\n    description: B.\n`;
    const found = findings(checkChanged({ 'documents.yaml': cycle, 'a-notice/2025-01-01.mdx': version('material: false', 'A.'), 'b-notice/2025-01-01.mdx': version('material: false', 'B.') }));
    const parent = found.filter((d) => d.ruleId === 'registry-parent');
    expect(parent).toHaveLength(1);
    expect(parent[0]).toMatchObject({ line: cycle.split('\n').indexOf('    parent: b-notice') + 1 });
    expect(parent[0]!.message).toContain('(a-notice → b-notice → a-notice)');
    expect(parent[0]!.message).toContain('e.g. privacy-statement, terms-of-use');
  });

  it('should accept a notice whose parent is a notice of a statement', () => {
    const chain = `${locked['documents.yaml']}  - id: a-notice\n    title: A\n    kind: supplemental-notice\n    parent: privacy-statement\n    description: A.\n  - id: b-notice\n    title: B\n    kind: supplemental-notice\n    parent: a-notice\n    description: B.\n`;
    expect(findings(checkChanged({ 'documents.yaml': chain, 'a-notice/2025-07-01.mdx': version('material: false', 'A.'), 'b-notice/2025-07-01.mdx': version('material: false', 'B.') })).filter((d) => d.ruleId === 'registry-parent')).toEqual([]);
  });
});

describe('files the site would not read', () => {
  it('should refuse a version written at the top of the content folder, naming where it belongs', () => {
    const found = checkOnDisk('root-version', { ...locked, '2025-09-01.mdx': version('summary: x\nmaterial: false', 'Text.'), 'notes.txt': 'To do.' });
    expect(found.filter((d) => d.ruleId === 'content-stray-file')).toEqual([
      expect.objectContaining({ file: 'content/2025-09-01.mdx', severity: 'error', message: expect.stringContaining('move it to content/privacy-statement/2025-09-01.mdx (or the folder of another document: privacy-statement, terms-of-use)') }),
      expect.objectContaining({ file: 'content/notes.txt', severity: 'warning' }),
    ]);
  });

  it('should read a version saved with a byte-order mark like any other', () => {
    const files = { ...locked };
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(files['privacy-statement/2024-01-01.mdx']!)]);
    expect(checkOnDisk('bom', { ...files, 'privacy-statement/2024-01-01.mdx': bom as unknown as string })).toEqual([]);
  });

  it('should tell {#two words} in a .md file the anchor to write', () => {
    const [found] = findings(checkChanged({ 'terms-of-use/2023-06-01.md': version('material: false', '## Acceptable use {#acceptable use}\n\nBe kind.') }));
    expect(found).toMatchObject({ ruleId: 'anchor-syntax' });
    expect(found!.message).toContain('Write {#acceptable-use}.');
    expect(found!.message).not.toContain('acceptable-use-acceptable-use');
  });
});
