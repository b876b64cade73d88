/**
 * The attacks of an untrusted pull request on the content folder (issue 11, "done when"), as
 * fixtures: test/build/versions-are-data.test.ts runs them through `npm run check` and `astro build`,
 * test/build/dev-attacks.test.ts through `astro dev`. Each is refused with file:line and a rule id;
 * none may run, be served or be published.
 *
 * Every piece of code here, if it ever ran, would write `marker` (or print MARK): the tests look for
 * both. The marker's text never appears whole in a message (they quote the code as written).
 */

/** One refused file: where each attack in it must be reported, by the check and by the site's loader. */
export interface Attack {
  path: string;
  text: string;
  /** Line and rule id of each attack in the file, as `npm run check` reports them. */
  expected: { line: number; ruleId: string }[];
  /** The line the loader of `astro build`/`astro dev` reports at, when not the check's first (it reports the schema of frontmatter at 1). */
  buildLine?: number;
  /** What the attack is, for the test's messages. */
  what: string;
}

export const registry = `documents:
  - id: privacy-statement
    title: Privacy Statement
    kind: statement
    description: How we handle personal data.
  - id: terms-of-use
    title: Terms of Use
    kind: terms
    description: The terms.
  - id: cookie-notice
    title: Cookie Notice
    kind: supplemental-notice
    parent: privacy-statement
    description: Cookies.
`;

const fm = '---\nmaterial: false\n---\n\n';

/** One attack a paragraph, from line 5 (after the frontmatter): each at line 5, 7, 9 … */
function lines(...attacks: [string, string][]): { text: string; expected: { line: number; ruleId: string }[] } {
  return { text: `${fm}${attacks.map(([text]) => text).join('\n\n')}\n`, expected: attacks.map(([, ruleId], index) => ({ line: 5 + 2 * index, ruleId })) };
}

/**
 * @param marker A file path that only running content code could create.
 */
export function attacks(marker: string): Attack[] {
  const write = `(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran')`;
  const mdx = lines(
    [`import fs from 'node:fs'`, 'safe-mdx-esm'],
    [`export const ran = ${write}`, 'safe-mdx-esm'],
    ['<Notice {...globalThis}>spread</Notice>', 'safe-mdx-expression'],
    ['<Notice title={process.env.HOME}>expression attribute</Notice>', 'safe-mdx-expression'],
    ['<Notice onClick="alert(1)">handler</Notice>', 'safe-mdx-event-handler'],
    ['<Notice title="a"><Evil>nested unknown component</Evil></Notice>', 'safe-mdx-component'],
    ['<script>{"alert(1)"}</script>', 'safe-mdx-element'],
    ['## Heading {onclick=alert(1)}', 'safe-mdx-expression'],
  );
  const html = lines(
    ['<img src="/a.png" srcset="/a.png&#44;https://evil.test/x.png 2x">', 'safe-mdx-attribute'],
    ['<a href="/terms-of-use/" ping="https://evil.test/">ping</a>', 'safe-mdx-attribute'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'safe-mdx-element'],
    ['<template><script>alert(1)</script></template>', 'safe-mdx-element'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', 'safe-mdx-element'],
    ['<iframe src="https://evil.test/"></iframe>', 'safe-mdx-element'],
    ['<base href="https://evil.test/">', 'safe-mdx-element'],
    ['<form action="https://evil.test/"><button>go</button></form>', 'safe-mdx-element'],
    ['<style>body{display:none}</style>', 'safe-mdx-element'],
    ['[encoded scheme](jav&#x61;script:alert(1))', 'safe-mdx-url'],
    ['<javascript:alert(1)>', 'safe-mdx-url'],
    ['[reference][evil]', 'safe-mdx-url'],
    ['[evil]: data:text/html,alert(1)', 'safe-mdx-url'],
    ['![pixel](https://evil.test/pixel.png)', 'safe-mdx-external-media'],
    ['<a href="java&#9;script:alert(1)">tab in the scheme</a>', 'safe-mdx-url'],
    ['<math><mi>x</mi></math>', 'safe-mdx-element'],
    ['<details open ontoggle=alert(1)>details</details>', 'safe-mdx-event-handler'],
    ['<p style="color:red">style</p>', 'safe-mdx-attribute'],
    ['Footnote.[^n]', 'safe-mdx-element'],
    ['[^n]: <script>alert(1)</script>', 'safe-mdx-element'],
  );
  // The reference definition is reported where the link is (line 27); the footnote's script where it is written (line 43).
  html.expected = html.expected.filter((e) => e.line !== 29 && e.line !== 41);
  return [
    { what: 'an MDX comment whose middle line looks like a heading, hiding code', path: 'privacy-statement/2020-01-01.mdx', text: `${fm}Text.\n\n{/*\n## x {#a} */ ${write} /*\n*/}\n`, expected: [{ line: 7, ruleId: 'safe-mdx-expression' }] },
    { what: 'raw HTML <meta refresh> on a heading-looking line inside an HTML block', path: 'terms-of-use/2020-01-01.md', text: `${fm}<div>\n# x {#<meta http-equiv="refresh" content="0;url=https://evil.test/">}\n</div>\n`, expected: [{ line: 6, ruleId: 'safe-mdx-element' }] },
    { what: 'TOML frontmatter', path: 'cookie-notice/2020-01-01.md', text: `+++\nmaterial = false\n+++\n\n## Cookies {onclick=alert(1) style=color:red}\n`, expected: [{ line: 1, ruleId: 'frontmatter-yaml' }] },
    { what: 'MDX code: import, export, spread, expression attributes, handlers, unknown components', path: 'privacy-statement/2020-02-01.mdx', ...mdx },
    { what: 'raw HTML and URLs: srcset, ping, SVG, template, noscript, iframe, base, form, style, encoded schemes, autolinks, references, images, MathML, handlers, footnotes', path: 'terms-of-use/2020-02-01.md', ...html },
    { what: 'Markdown heading attributes other than {#id}', path: 'privacy-statement/2020-03-01.md', text: `${fm}## Cookies {onclick=alert(1) style=color:red}\n`, expected: [{ line: 5, ruleId: 'safe-mdx-heading-attribute' }] },
    { what: 'frontmatter after a byte-order mark is read, not skipped', path: 'privacy-statement/2020-04-01.md', text: `\uFEFF---\nmaterial: false\nlayout: ../../src/layouts/Evil.astro\n---\n\nText.\n`, expected: [{ line: 3, ruleId: 'frontmatter-unknown-key' }], buildLine: 1 },
    { what: 'frontmatter after a blank first line', path: 'privacy-statement/2020-05-01.md', text: `\n---\nmaterial: false\nlayout: ../../src/layouts/Evil.astro\n---\n\nText.\n`, expected: [{ line: 2, ruleId: 'frontmatter-yaml' }] },
    { what: 'raw HTML nested 5,000 deep (it overflowed the stack)', path: 'terms-of-use/2020-03-01.md', text: `${fm}${'<div>'.repeat(5_000)}deep\n`, expected: [{ line: 5, ruleId: 'safe-mdx-nesting' }] },
    { what: 'a YAML anchor and merge key in frontmatter', path: 'terms-of-use/2020-04-01.md', text: `---\nmaterial: false\nbase: &a { summary: x }\n<<: *a\n---\n\nText.\n`, expected: [{ line: 3, ruleId: 'frontmatter-yaml' }] },
    { what: 'a YAML tag in frontmatter', path: 'terms-of-use/2020-05-01.md', text: `---\nmaterial: false\ntitle: !!js/function 'function () { return 1 }'\n---\n\nText.\n`, expected: [{ line: 3, ruleId: 'frontmatter-yaml' }] },
    { what: 'a duplicate frontmatter key', path: 'terms-of-use/2020-06-01.md', text: `---\nmaterial: false\nmaterial: true\n---\n\nText.\n`, expected: [{ line: 3, ruleId: 'frontmatter-yaml' }] },
    { what: 'a version file not named by a date (the loader built it)', path: 'cookie-notice/not-a-date.md', text: `${fm}Text.\n`, expected: [{ line: 1, ruleId: 'version-filename' }] },
    { what: 'an .md version and its .mdx twin holding code', path: 'cookie-notice/2022-01-01.mdx', text: `${fm}Total {process.exit(7)}.\n`, expected: [{ line: 1, ruleId: 'version-duplicate-date' }], buildLine: 5 },
  ];
}

/** Files beside the attacks: the .md twin of the .mdx above (allowed by itself). */
export const companions: Record<string, string> = {
  'cookie-notice/2022-01-01.md': `${fm}Text.\n`,
};

/** Where the symbolic link to /etc/passwd goes (a version that is a link to a file outside the folder). */
export const symlinkVersion = 'cookie-notice/2021-01-01.md';

/** A symbolic link that leads nowhere (the dev server's guard followed links, and threw on every request). */
export const danglingVersion = 'terms-of-use/2021-01-01.md';

/** A folder that is a symbolic link to a large tree (the dev server's watcher walked all of it: ~1 GB, a core busy). */
export const linkedFolder = 'terms-of-use/usr';
