/**
 * The editors' bad-input suite (issue 6): unsafe MDX and HTML, links, corrections, the lock and
 * unfinished new versions. Each case names the rule id and the file:line the check reports. (The
 * foundation's cases are in bad-input.test.ts; anchors, deep links and notice in their own tests.)
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { asOf, base, checkChanged, locked, lockFor, places, sourcesOf, version } from './editor-sources.ts';

const SECOND = 'privacy-statement/2024-01-01.mdx';
const TERMS = 'terms-of-use/2023-06-01.md';
/** The second version's text with another body; its body starts on line 6. */
const second = (body: string) => version('summary: Adds retention.\nmaterial: false', `## Contact us {#contact-us}\n\nWrite to us.\n\n${body}`);
/** The .md terms with another body; its body starts on line 7. */
const terms = (body: string) => version('material: false', `## Acceptable use {#acceptable-use}\n\n${body}`);

/** Errors of the unlocked base content with some files changed (the base itself has only a lock-missing warning). */
function errors(changes: Record<string, string>) {
  return checkContent(sourcesOf({ ...base, ...changes }), asOf).diagnostics.filter((d) => d.severity === 'error');
}

describe('safe MDX', () => {
  it('should accept the base content, Markdown links and the content components (so each case fails for its own reason)', () => {
    const body = '{/* editors note */}\n\n<Notice title="Important">\nRead **this**.\n</Notice>\n\n<Definition term="Personal data">\nData about a person.\n</Definition>\n\n<Address>\nFixture Co\\\n1 Main St\n</Address>\n\n![Logo](/images/logo.png) [mail](mailto:a@example.com) [web](https://example.com/)';
    expect(errors({ [SECOND]: second(body) })).toEqual([]);
  });

  it('should refuse an import and name the components available without importing', () => {
    const [error] = errors({ [SECOND]: second("import Evil from '../evil.js'") });
    expect(places([error!])).toEqual([`content/${SECOND}:10 safe-mdx-esm`]);
    expect(error!.message).toContain('<Notice>, <Definition term="...">, <Address>');
  });

  it('should refuse an export', () => {
    expect(places(errors({ [SECOND]: second('export const x = 1') }))).toEqual([`content/${SECOND}:10 safe-mdx-esm`]);
  });

  it('should refuse a JavaScript expression but not a comment', () => {
    const found = errors({ [SECOND]: second('Total: {1 + 1} and {/* fine */}.') });
    expect(places(found)).toEqual([`content/${SECOND}:10 safe-mdx-expression`]);
    expect(found[0]!.column).toBe(8);
    expect(found[0]!.message).toContain('write \\{ or \\}');
  });

  it.each([
    ['script', '<script>alert(1)</script>'],
    ['style', '<style>{"body{display:none}"}</style>'],
    ['iframe', '<iframe src="https://example.com/" />'],
    ['object', '<object data="/x.swf" />'],
    ['embed', '<embed src="/x.swf" />'],
  ])('should refuse <%s> in an .mdx version', (name, jsx) => {
    const found = errors({ [SECOND]: second(jsx) });
    expect(found.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toContain(`content/${SECOND}:10 safe-mdx-element`);
    expect(found.find((d) => d.ruleId === 'safe-mdx-element')!.message).toContain(`\`<${name}>\` is not allowed in content`);
  });

  it('should refuse an event-handler attribute, even on an allowed component', () => {
    expect(places(errors({ [SECOND]: second('<Notice onClick="steal()">\nHi\n</Notice>') }))).toEqual([`content/${SECOND}:10 safe-mdx-event-handler`]);
  });

  it('should refuse javascript:, vbscript: and data: URLs in links and images', () => {
    const found = errors({ [SECOND]: second('[a](javascript:alert(1))\n\n[b](VBScript:x)\n\n![c](data:image/png;base64,AAAA)') });
    expect(places(found)).toEqual([`content/${SECOND}:10 safe-mdx-url`, `content/${SECOND}:12 safe-mdx-url`, `content/${SECOND}:14 safe-mdx-url`]);
    expect(found[0]!.message).toContain('`javascript:`');
  });

  it('should refuse images from another host, by link or by reference', () => {
    const found = errors({ [SECOND]: second('![tracker](https://evil.example/pixel.png)\n\n![ref][logo]\n\n[logo]: //cdn.example/logo.png') });
    expect(places(found)).toEqual([`content/${SECOND}:10 safe-mdx-external-media`, `content/${SECOND}:12 safe-mdx-external-media`]);
    expect(found[0]!.message).toContain('evil.example');
  });

  it('should refuse a component that is not on the list and name the alternatives', () => {
    const [error] = errors({ [SECOND]: second('<Banner>Hello</Banner>') });
    expect(places([error!])).toEqual([`content/${SECOND}:10 safe-mdx-component`]);
    expect(error!.message).toMatch(/`<Banner>` is not an available component\. Use one of <Notice>, <Definition term="\.\.\.">, <Address>/);
  });

  it('should refuse an HTML element in .mdx and name the Markdown to write instead', () => {
    const [error] = errors({ [SECOND]: second('Line one<br />line two') });
    expect(places([error!])).toEqual([`content/${SECOND}:10 safe-mdx-component`]);
    expect(error!.message).toContain('a backslash at the end of the line');
  });

  it('should refuse attributes a component does not take, a missing required one, expressions and spreads', () => {
    const found = errors({ [SECOND]: second('<Definition colour="red">\nX\n</Definition>\n\n<Notice title={name} {...props}>\nY\n</Notice>') });
    expect(places(found)).toEqual([
      `content/${SECOND}:10 safe-mdx-attribute`,
      `content/${SECOND}:10 safe-mdx-attribute`,
      `content/${SECOND}:14 safe-mdx-expression`,
      `content/${SECOND}:14 safe-mdx-expression`,
    ]);
    expect(found[1]!.message).toContain('`<Definition>` needs `term="..."`');
  });

  it('should refuse <script> in the raw HTML of a .md version at its line and column', () => {
    const [error] = errors({ [TERMS]: terms('Text <script>alert(1)</script> more.') });
    expect(`${error!.file}:${error!.line}:${error!.column} ${error!.ruleId}`).toBe(`content/${TERMS}:7:6 safe-mdx-element`);
  });

  it('should refuse event handlers in any letter case in .md raw HTML, at the attribute', () => {
    const [error] = errors({ [TERMS]: terms('Text <IMG SRC="/a.png" oNeRrOr=alert(1)>') });
    expect(`${error!.file}:${error!.line}:${error!.column} ${error!.ruleId}`).toBe(`content/${TERMS}:7:24 safe-mdx-event-handler`);
  });

  it('should refuse a javascript: URL in .md raw HTML even when written with character references', () => {
    const found = errors({ [TERMS]: terms('<a href="jav&#x61;script&colon;alert(1)">x</a> <a href=" java\tscript:x">y</a>') });
    expect(places(found)).toEqual([`content/${TERMS}:7 safe-mdx-url`, `content/${TERMS}:7 safe-mdx-url`]);
  });

  it('should refuse media from another host, inline styles, forms and components in .md raw HTML', () => {
    const found = errors({ [TERMS]: terms('<img src="https://evil.example/x.png">\n\n<p style="display:none">hidden</p>\n\n<form action="/x"></form>\n\n<Notice>Hi</Notice>') });
    expect(places(found)).toEqual([
      `content/${TERMS}:7 safe-mdx-external-media`,
      `content/${TERMS}:9 safe-mdx-attribute`,
      `content/${TERMS}:11 safe-mdx-element`,
      `content/${TERMS}:13 safe-mdx-element`,
    ]);
    expect(found[3]!.message).toContain('components work only in .mdx versions');
  });

  it('should accept harmless raw HTML and comments in .md versions', () => {
    expect(errors({ [TERMS]: terms('<!-- <script>not code</script> -->\n\nH<sub>2</sub>O and <sup>1</sup><br>\n\n<details><summary>More</summary>\n\nText\n\n</details>\n\n<img src="../images/a.png" alt="a">') })).toEqual([]);
  });
});

describe('internal links', () => {
  it('should accept links to existing anchors, versions, history and unpinned headings', () => {
    const body = '[a](#contact-us) [b](/privacy-statement/) [c](/privacy-statement/#contact-us) [d](/privacy-statement/2022-03-31/#contact-us) [e](/privacy-statement/history/) [f](/terms-of-use/#acceptable-use) [g](#plain-heading) [h](/search/)\n\n#### Plain heading';
    expect(errors({ [SECOND]: second(body) })).toEqual([]);
  });

  it('should refuse a link to an anchor the version does not have, listing the anchors it has', () => {
    const [error] = errors({ [SECOND]: second('See [contact](#contact).') });
    expect(places([error!])).toEqual([`content/${SECOND}:10 link-missing-anchor`]);
    expect(error!.message).toContain('#contact-us');
  });

  it('should refuse a link to a document that does not exist', () => {
    expect(places(errors({ [SECOND]: second('[x](/privacy-statment/)') }))).toEqual([`content/${SECOND}:10 link-unknown-document`]);
  });

  it('should refuse a link to a version that does not exist', () => {
    expect(places(errors({ [SECOND]: second('[x](/privacy-statement/2023-01-01/)') }))).toEqual([`content/${SECOND}:10 link-unknown-version`]);
  });

  it('should refuse a link to an anchor that another version does not have', () => {
    const [error] = errors({ [SECOND]: second('[x](/privacy-statement/2022-03-31/#data-retention)') });
    expect(places([error!])).toEqual([`content/${SECOND}:10 link-missing-anchor`]);
    expect(error!.message).toContain('privacy-statement effective 2022-03-31');
  });

  it('should refuse a relative link, whose target depends on the address the version is read at', () => {
    expect(places(errors({ [SECOND]: second('[x](../terms-of-use/)') }))).toEqual([`content/${SECOND}:10 link-relative`]);
  });
});

describe('corrections', () => {
  const corrected = (corrections: string, extra = '') =>
    version(`material: false\n${extra}corrections:\n${corrections}`, '## What we collect {#what-we-collect}\n\nNames.\n\n## Contact us {#contact-us}\n\nWrite to us.');
  const FIRST = 'privacy-statement/2022-03-31.mdx';

  it('should refuse a correction without a reason, at the line of the correction', () => {
    const found = errors({ [FIRST]: corrected('  - date: 2024-02-01\n  - date: 2024-03-01') });
    expect(places(found)).toEqual([`content/${FIRST}:4 frontmatter-schema`, `content/${FIRST}:5 frontmatter-schema`]);
    expect(found[0]!.message).toBe('Frontmatter `corrections[0].reason` needs a `reason:` saying what was corrected, e.g. reason: Fixes a typo in the contact address.');
  });

  it('should refuse an unknown key in a correction, at its line', () => {
    const found = errors({ [FIRST]: corrected('  - date: 2024-02-01\n    reason: Typo.\n    by: Legal') });
    expect(places(found)).toEqual([`content/${FIRST}:6 frontmatter-unknown-key`]);
    expect(found[0]!.message).toContain('Unknown key "by" in `corrections[0]`');
  });

  it('should refuse a correction date that is not a real date', () => {
    expect(places(errors({ [FIRST]: corrected('  - date: 2024-02-30\n    reason: Typo.') }))).toEqual([`content/${FIRST}:4 frontmatter-schema`]);
  });

  it('should refuse a correction dated before the version was published', () => {
    expect(places(errors({ [FIRST]: corrected('  - date: 2022-01-01\n    reason: Typo.') }))).toEqual([`content/${FIRST}:4 correction-before-published`]);
  });

  it('should refuse a correction dated after the as-of date', () => {
    expect(places(errors({ [FIRST]: corrected('  - date: 2024-02-01\n    reason: Typo.\n  - date: 2025-07-01\n    reason: Later.') }))).toEqual([`content/${FIRST}:6 correction-future`]);
  });

  it('should refuse a lastUpdated that contradicts the latest correction', () => {
    expect(places(errors({ [FIRST]: corrected('  - date: 2024-02-01\n    reason: Typo.', 'lastUpdated: 2023-01-01\n') }))).toEqual([`content/${FIRST}:3 correction-last-updated`]);
  });
});

describe('the lock', () => {
  const FIRST = 'privacy-statement/2022-03-31.mdx';
  const firstText = base[FIRST]!;

  it('should accept the locked base content without any finding', () => {
    expect(checkChanged({})).toEqual([]);
  });

  it('should refuse a change to the text of a published version and say how to correct it', () => {
    const found = checkChanged({ [FIRST]: firstText.replace('Names.', 'Names and addresses.') });
    expect(places(found)).toEqual([`content/${FIRST}:1 lock-changed`]);
    expect(found[0]!.message).toContain('npm run new-version -- privacy-statement --effective YYYY-MM-DD');
  });

  it('should refuse a change to the substantive frontmatter of a published version', () => {
    expect(places(checkChanged({ [SECOND]: base[SECOND]!.replace('material: false', 'material: true') }))).toEqual([`content/${SECOND}:1 lock-changed`]);
  });

  it('should not count YAML comments, quoting or trailing blank lines as a change', () => {
    const reformatted = `${firstText.replace('material: false', "# the first version\n'material': false")}\n\n`;
    expect(checkChanged({ [FIRST]: reformatted })).toEqual([]);
  });

  it('should read a version saved with Windows line endings and a byte-order mark as the same locked text', () => {
    expect(checkChanged({ [FIRST]: `\uFEFF${firstText.replace(/\n/g, '\r\n')}` })).toEqual([]);
  });

  it('should ask for npm run lock when a correction is recorded, then accept it', () => {
    const fixed = firstText.replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo.').replace('Write to us.', 'Write to us!');
    expect(places(checkChanged({ [FIRST]: fixed }))).toEqual([`content/${FIRST}:3 lock-stale`]);
    const relocked = { ...locked, [FIRST]: fixed };
    expect(checkChanged({ [FIRST]: fixed, 'versions.lock': lockFor(relocked) })).toEqual([]);
  });

  it('should refuse removing a correction that the lock recorded', () => {
    const fixed = firstText.replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo.');
    const lock = lockFor({ ...base, [FIRST]: fixed });
    expect(places(checkChanged({ 'versions.lock': lock }))).toEqual([`content/${FIRST}:1 lock-correction-removed`]);
  });

  it('should refuse a published version that is not locked', () => {
    const found = checkChanged({ 'terms-of-use/2024-06-01.md': version('summary: New.\nmaterial: false', '## Acceptable use {#acceptable-use}\n\nBe nice.') });
    expect(places(found)).toEqual(['content/terms-of-use/2024-06-01.md:1 lock-unlocked']);
    expect(found[0]!.message).toContain('npm run lock');
  });

  it('should refuse an upcoming version that is not locked yet', () => {
    expect(places(checkChanged({ 'terms-of-use/2025-09-01.md': version('summary: New.\nmaterial: false', '## Acceptable use {#acceptable-use}\n\nBe nice.') }))).toEqual(['content/terms-of-use/2025-09-01.md:1 lock-pending']);
  });

  it('should refuse the deletion of a locked version, at its line in the lock', () => {
    const found = checkChanged({ [SECOND]: undefined });
    expect(places(found)).toEqual(['content/versions.lock:6 lock-version-removed']);
  });

  it('should refuse a lock file that cannot be read', () => {
    expect(places(checkChanged({ 'versions.lock': 'privacy-statement/2022-03-31:\n  sha256: nope\n  corrections: 0\n' }))).toEqual(['content/versions.lock:1 lock-syntax']);
  });

  it('should only warn when there is no lock file at all', () => {
    const found = checkChanged({ 'versions.lock': undefined });
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['lock-missing', 'warning']]);
    expect(formatDiagnostic(found[0]!)).toMatch(/^content\/versions\.lock:1:1: warning: There is no content\/versions\.lock, so 3 published versions are not protected/);
  });
});

describe('unfinished new versions', () => {
  it('should refuse every line still marked TODO(new-version)', () => {
    const draft = '---\n# TODO(new-version): write the summary\nsummary: New.\nmaterial: false\n---\n\n## Acceptable use {#acceptable-use}\n\nBe nice. TODO(new-version)\n';
    const found = checkChanged({ 'terms-of-use/2025-09-01.md': draft, 'versions.lock': lockFor({ ...base, 'terms-of-use/2025-09-01.md': draft }) });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'content/terms-of-use/2025-09-01.md:2:3 new-version-todo',
      'content/terms-of-use/2025-09-01.md:9:10 new-version-todo',
    ]);
  });
});
