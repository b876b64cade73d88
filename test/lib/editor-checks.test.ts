/**
 * The editors' bad-input suite (issue 6): unsafe MDX and HTML, links, corrections, the lock and
 * unfinished new versions. Each case names the rule id and the file:line the check reports. (The
 * foundation's cases are in bad-input.test.ts; anchors, deep links and notice in their own tests.)
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/content-check.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { asOf, base, checkChanged, locked, lockFor, places, sourcesOf, version } from './editor-sources.ts';

const SECOND = 'privacy-statement/2024-01-01.mdx';
const TERMS = 'terms-of-use/2023-06-01.md';
/** The second version's text with another body; its body starts on line 6. */
const second = (body: string) => version('summary: Adds retention.\nmaterial: false', `## Contact us {#contact-us}\n\nWrite to us.\n\n${body}`);
/** The .md terms with another body; its body starts on line 7. */
const terms = (body: string) => version('material: false', `## Acceptable use {#acceptable-use}\n\n${body}`);

/** Errors of the unlocked base content with some files changed, but for its missing lock (see lock-rule.test.ts). */
function errors(changes: Record<string, string>) {
  return checkContent(sourcesOf({ ...base, ...changes }), asOf).diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'lock-missing');
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
    ['code between two comments', 'Total {/* a */ process.exit(1) /* b */} here.'],
    ['a sum between comments', 'Total {/* a */ 1 + 1 /* b */} here.'],
    ['code after a line comment', 'Total {// note\n1} here.'],
  ])('should refuse %s: only a program with no statements is a comment', (_case, body) => {
    expect(places(errors({ [SECOND]: second(body) }))).toEqual([`content/${SECOND}:10 safe-mdx-expression`]);
  });

  it('should accept several comments in one expression', () => {
    expect(errors({ [SECOND]: second('Text {/* one */ /* two */} and {}.') })).toEqual([]);
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
    const message = found.find((d) => d.ruleId === 'safe-mdx-element')!.message;
    expect(message).toMatch(new RegExp(`^\`<${name}>\` is not allowed in legal text: it .*\\. Remove it\\.$`));
    expect(message).not.toContain('<Notice>');
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

describe('anchors written almost right', () => {
  it('should read spaces inside the braces as the site\'s parser does: the anchor it names', () => {
    const found = errors({ [SECOND]: second('## Automated decisions { #automated-decisions }\n\nText.') });
    expect(found.filter((e) => e.ruleId.startsWith('anchor') || e.ruleId.startsWith('safe'))).toEqual([]);
  });

  it.each([
    ['a space in the id', '## Automated decisions {#automated decisions}', 24],
  ])('should name the anchor and the way to write it when it has %s', (_case, heading, column) => {
    const found = errors({ [SECOND]: second(`${heading}\n\nText.`) });
    expect(found.map((e) => `${e.line}:${e.column} ${e.ruleId}`)).toEqual([`10:${column} anchor-syntax`]);
    expect(found[0]!.message).toContain('Write {#automated-decisions}.');
    expect(found[0]!.message).not.toContain('Curly braces');
  });

  it('should suggest the lower-case id for an id in capitals', () => {
    const [error] = errors({ [SECOND]: second('## How we decide {#Automated-Decisions}\n\nText.') });
    expect(error!.ruleId).toBe('anchor-malformed');
    expect(error!.message).toContain('e.g. {#automated-decisions}');
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

  it('should check <a href> in the raw HTML of a .md version, at the attribute', () => {
    const found = errors({ [TERMS]: terms('Read <a href="#acceptable-use">the rules</a> and\n<a title="x" href="#rules">more</a> or <a href="/privacy-statment/">this</a>.') });
    expect(found.map((e) => `${e.line}:${e.column} ${e.ruleId}`)).toEqual(['8:14 link-missing-anchor', '8:43 link-unknown-document']);
    expect(found[0]!.message).toContain('#acceptable-use');
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
    const fixed = firstText.replace('Write to us.', 'Write to us!').replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo.\n    changed:\n      - from: "Write to us."\n        to: "Write to us!"');
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

  it('should refuse content without a lock file while versions are published', () => {
    const found = checkChanged({ 'versions.lock': undefined });
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['lock-missing', 'error']]);
    expect(formatDiagnostic(found[0]!)).toMatch(/^content\/versions\.lock:1:1: error: There is no content\/versions\.lock, but 3 versions are in effect or published for notice/);
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

describe('messages in editor language (no zod, yaml or acorn jargon)', () => {
  const body = '## What we collect {#what-we-collect}\n\nNames.\n\n## Data retention {#data-retention}\n\nA year.\n\n## Contact us {#contact-us}\n\nWrite to us.';
  /** The second version with other frontmatter lines (they start on line 2). */
  const withFrontmatter = (frontmatter: string) => ({ [SECOND]: version(frontmatter, body) });
  const line = (d: { file: string; line: number; column: number; ruleId: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`;

  it('should say that material must be true or false and show what was written', () => {
    const [error] = errors(withFrontmatter('summary: Adds retention.\nmaterial: yes'));
    expect(line(error!)).toBe(`content/${SECOND}:3:1 frontmatter-schema: \`material\` must be \`true\` or \`false\` (found "yes").`);
  });

  it('should call an empty summary empty and say what to write', () => {
    const [error] = errors(withFrontmatter('summary:\nmaterial: false'));
    expect(line(error!)).toBe(`content/${SECOND}:2:1 frontmatter-schema: \`summary\` is empty: write one sentence saying what changed, e.g. summary: Adds a section on data retention.`);
  });

  it('should show the expected form of formerAnchors when it is written as a list', () => {
    const [error] = errors(withFrontmatter('summary: Adds retention.\nmaterial: false\nformerAnchors: [retention]'));
    expect(`${error!.line} ${error!.ruleId}`).toBe('4 frontmatter-schema');
    expect(error!.message).toContain('`formerAnchors: { old-id: new-id }`');
    expect(error!.message).toContain('one pair per line indented under `formerAnchors:`');
    expect(error!.message).toContain('(found a list)');
    expect(error!.message).not.toMatch(/record|Invalid input/);
  });

  it('should name the registry entry and its line rather than a path such as documents.0.kind', () => {
    const [error] = errors({ 'documents.yaml': base['documents.yaml']!.replace('kind: statement', 'kind: policy') });
    expect(line(error!)).toBe('content/documents.yaml:4:1 registry-schema: The entry for "privacy-statement" (line 2): `kind` must be one of statement, terms, supplemental-notice (found "policy").');
  });

  it('should say which key a registry entry is missing, naming the entry', () => {
    const [error] = errors({ 'documents.yaml': base['documents.yaml']!.replace('    kind: terms\n', '') });
    expect(line(error!)).toMatch(/^content\/documents\.yaml:6:1 registry-schema: The entry for "terms-of-use" \(line 6\): `kind` is missing: add it, with one of statement, terms, supplemental-notice\. /);
  });

  it('should explain a colon inside a value, show it quoted and report only the file line and column', () => {
    const [error] = errors(withFrontmatter('material: false\nsummary: Changes: retention'));
    expect(line(error!)).toBe(`content/${SECOND}:3:10 frontmatter-yaml: Invalid frontmatter: a colon followed by a space inside a value confuses YAML: put the value in quotes, e.g. summary: "Changes: retention".`);
  });

  it('should leave yaml\'s own "at line X, column Y" out of other YAML errors', () => {
    const [error] = errors(withFrontmatter('summary: Adds retention.\nmaterial: false\nmaterial: true'));
    expect(`${error!.line} ${error!.ruleId}`).toBe('4 frontmatter-yaml');
    expect(error!.message).toBe('Invalid frontmatter: this key appears twice: keep one of the two lines.');
  });

  it('should explain that curly braces start code in MDX and keep the fix', () => {
    const [error] = errors({ [SECOND]: second('Fees are {5 percent} of the price.') });
    expect(`${error!.line} ${error!.ruleId}`).toBe('10 mdx-syntax');
    expect(error!.message).toBe('MDX syntax error: Curly braces { } start code in MDX, and the text between these braces is not code the site can read. MDX reads `{`, `}` and `<` as code: write them as \\{, \\} and \\<, or fix the tag.');
  });

  it('should give a neutral example name, not the name of an existing version, for a badly named file', () => {
    const [error] = errors({ 'privacy-statement/2024-13-01.mdx': base[SECOND]! });
    expect(error!.ruleId).toBe('version-filename');
    expect(error!.message).toContain('Rename it YYYY-MM-DD.mdx with the date the version takes effect, e.g. privacy-statement/2030-01-31.mdx.');
    expect(error!.message).not.toContain('2022-03-31');
  });

  it('should not suggest <Notice> for <script>, and should list the components for an unknown element', () => {
    const [script, banner] = errors({ [SECOND]: second('<script>alert(1)</script>\n\n<Banner>x</Banner>') });
    expect(script!.message).toBe('`<script>` is not allowed in legal text: it runs code. Remove it.');
    expect(banner!.message).toContain('Use one of <Notice>, <Definition term="...">, <Address>');
  });

  it('should suggest the anchor the previous version pinned on a heading with the same or similar text', () => {
    const found = errors({ [SECOND]: version('summary: Adds retention.\nmaterial: false', '## What we collect\n\nNames.\n\n## How to contact us\n\nWrite to us.\n\n## Your choices\n\nMany.') });
    expect(found.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['6 anchor-missing', '10 anchor-missing', '14 anchor-missing']);
    expect(found[0]!.message).toBe('The heading "What we collect" has no pinned anchor. The previous version (2022-03-31) used {#what-we-collect} for "What we collect"; keep it so links keep working: `## What we collect {#what-we-collect}`.');
    expect(found[1]!.message).toContain('used {#contact-us} for "Contact us"; keep it so links keep working: `## How to contact us {#contact-us}`');
    expect(found[2]!.message).toContain('`## Your choices {#your-choices}`');
  });
});

describe('the lock, for a version announced but not yet in effect', () => {
  const UPCOMING = 'terms-of-use/2025-09-01.md';
  const announced = version('summary: New rules.\nmaterial: true\npublished: 2025-05-01', '## Acceptable use {#acceptable-use}\n\nBe nice.');

  it('should say that the version is not yet in effect and how to re-lock it while it is in its pull request', () => {
    const files = { ...base, [UPCOMING]: announced };
    const found = checkChanged({ [UPCOMING]: announced.replace('Be nice.', 'Be very nice.'), 'versions.lock': lockFor(files) });
    expect(places(found)).toEqual([`content/${UPCOMING}:1 lock-changed`]);
    expect(found[0]!.message).toMatch(/^This version is not yet in effect \(announced for notice on 2025-05-01, takes effect 2025-09-01\), and its text no longer matches content\/versions\.lock\. /);
    expect(found[0]!.message).toContain('If this version is still in its pull request (not merged yet, so its text is not public), you may still change it: take the lock from the main branch and lock again with `git checkout origin/main -- content/versions.lock && npm run lock`.');
    expect(found[0]!.message).toContain('If it is already merged and public, the announced text may not change silently: undo the change, or to fix a mistake without changing the meaning, add a correction');
    expect(found[0]!.message).not.toContain('is published (effective');
  });

  it('should not offer to re-lock a version that is already in effect', () => {
    const found = checkChanged({ [SECOND]: base[SECOND]!.replace('A year.', 'Two years.') });
    expect(found[0]!.message).toMatch(/^This version is in effect \(since 2024-01-01\), and its text no longer matches content\/versions\.lock: a version in effect never changes\. Undo the change;/);
    expect(found[0]!.message).not.toContain('git checkout');
  });
});
