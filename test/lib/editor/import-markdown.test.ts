/**
 * Importing existing Markdown policies (src/lib/editor/import-markdown.ts), one small source per
 * rule, each `.mdx` result also read by the content check's parser and allow-list.
 */
import { describe, expect, it } from 'vitest';
import { importMarkdown, type ImportOptions } from '../../../src/lib/editor/import-markdown.ts';
import { parseVersionSource } from '../../../src/lib/content/version-source.ts';
import { versionContent } from '../../../src/lib/content/version-content.ts';

const later: ImportOptions = { format: 'md', first: false, sourceName: '2020-11-16.md', effective: '2020-11-16' };

/** Import a source; return the version's text and the warnings, as the CLI prints them. */
function run(source: string, options: Partial<ImportOptions> = {}) {
  const warnings: string[] = [];
  const imported = importMarkdown(source, { ...later, ...options, warn: (message) => warnings.push(message) });
  return { ...imported, warnings };
}

/** The problems the content check finds in a version's text. */
function problems(text: string, format: 'md' | 'mdx') {
  return versionContent(parseVersionSource(text, format), text, format).problems.map((p) => `${p.line}: ${p.message} [${p.ruleId}]`);
}

describe('importMarkdown: frontmatter and anchors', () => {
  it('should keep only the frontmatter keys the schema allows and add summary and material to later versions', () => {
    const source = '---\ntitle: GitHub Terms of Service\nredirect_from:\n  - /tos\nversions:\n  fpt: "*"\n---\n\nText.\n';
    expect(run(source).text).toBe('---\nsummary: Imported from 2020-11-16.md.\nmaterial: false\n---\n\nText.\n');
    expect(run(source, { first: true }).text).toBe('Text.\n');
    expect(run('---\nsummary: Adds A.\nmaterial: true\n---\nText.\n').text).toBe('---\nsummary: Adds A.\nmaterial: true\n---\n\nText.\n');
  });

  it('should pin every heading to the anchor it already had, so old links keep working', () => {
    const out = run('## A. Definitions\n\n### 1. Account Controls ###\n\n## Summary {#summary}\n\nText.\n').text;
    expect(out).toContain('## A. Definitions {#a-definitions}\n');
    expect(out).toContain('### 1. Account Controls {#1-account-controls}\n');
    expect(out).toContain('## Summary {#summary}\n');
    expect(out).not.toContain('{#summary} {#');
  });

  it('should tidy an anchor that is not kebab-case and move the links to it along', () => {
    const out = run('See [Beta](#j-beta----previews).\n\n## J. Beta -- Previews\n\nText.\n').text;
    expect(out).toContain('## J. Beta -- Previews {#j-beta-previews}');
    expect(out).toContain('[Beta](#j-beta-previews)');
  });
});

describe('importMarkdown: links', () => {
  it('should keep the text of a link to a section the version lacks, warn, and make root links absolute', () => {
    const { text, warnings } = run('See [payment](#k-payment) and [policies](/site-policy).\n\n## Billing\n', { site: 'https://docs.github.com' });
    expect(text).toContain('See payment and [policies](https://docs.github.com/site-policy).');
    expect(warnings).toEqual(['2020-11-16.md: line 1: the link to "#k-payment" leads to no section of this version; kept its text, dropped the link.']);
  });

  it('should repair <a href> in raw HTML as it repairs Markdown links', () => {
    const source = 'See <a href="#l-cancellation">cancelling</a>, <a class="x" href=\'#j-beta----previews\'>beta</a>, <a href="/articles/cancel">help</a> and <a href="#billing">billing</a>.\n\n## J. Beta -- Previews\n\n## Billing\n';
    const { text, warnings } = run(source, { site: 'https://docs.github.com' });
    expect(text).toContain('See <a>cancelling</a>, <a class="x" href="#j-beta-previews">beta</a>, <a href="https://docs.github.com/articles/cancel">help</a> and <a href="#billing">billing</a>.');
    expect(warnings).toEqual(['2020-11-16.md: line 1: the link to "#l-cancellation" leads to no section of this version; kept its text, dropped the link.']);
  });

  it('should rewrite absolute links to the document on its source site as links to its sections, with the site taken from --source-url', () => {
    const source = 'See [who](https://docs.github.com/en/site-policy/terms#who), [again](https://docs.github.com/site-policy/terms/#who), [this page](https://docs.github.com/en/site-policy/terms) and [other](/en/site-policy/privacy).\n\n## Who\n\nUs.\n';
    const { text, warnings } = run(source, { sourceUrl: 'https://docs.github.com/en/site-policy/terms' });
    expect(text).toContain('See [who](#who), [again](#who), this page and [other](https://docs.github.com/en/site-policy/privacy).');
    expect(warnings).toEqual([
      '2020-11-16.md: line 1: the link to "https://docs.github.com/en/site-policy/terms" leads to this document itself (the page the reader is on); kept its text, dropped the link.',
      "2020-11-16.md: rewrote 2 links to this document's address on the source site (https://docs.github.com/en/site-policy/terms) as links to its sections: #who.",
    ]);
  });

  it('should warn about link texts that are placeholders of the source site\'s tooling, and keep ordinary upper-case words alone', () => {
    const { text, warnings } = run('Read [AUTOTITLE](/site-policy/privacy), [LINK][x] and the [GDPR](https://gdpr.eu) [A](#a).\n\n[x]: https://example.com\n\n## A\n', { site: 'https://docs.github.com' });
    expect(text).toContain('Read [AUTOTITLE](https://docs.github.com/site-policy/privacy), [LINK][x]');
    expect(warnings).toEqual([
      '2020-11-16.md: line 1: the link text "AUTOTITLE" (to /site-policy/privacy) is a placeholder that the source site\'s tooling replaces with the title of the page it links to; it would print as "AUTOTITLE". Write that title as the link text.',
      '2020-11-16.md: line 1: the link text "LINK" (to [x]) is a placeholder that the source site\'s tooling replaces with the title of the page it links to; it would print as "LINK". Write that title as the link text.',
    ]);
  });
});

describe('importMarkdown: titles, dates and attribute lists', () => {
  it('should keep a version\'s own frontmatter title when it differs from the document\'s, and lift a leading # Title and its Effective line', () => {
    const renamed = run('---\ntitle: OmniBuilds Terms of Service\n---\n# OmniBuilds Terms of Service\n\nEffective date: November 16, 2020\n\nThank you.\n', { documentTitle: 'GitHub Terms of Service' });
    expect(renamed.text).toBe('---\nsummary: Imported from 2020-11-16.md.\nmaterial: false\ntitle: OmniBuilds Terms of Service\n---\n\nThank you.\n');
    expect(renamed.warnings).toEqual([]);
    const same = run('# GitHub Terms of Service\n\nEffective: Nov 16th, 2020\n\nThank you.\n', { documentTitle: 'GitHub Terms of Service', first: true });
    expect(same).toMatchObject({ text: 'Thank you.\n', title: 'GitHub Terms of Service', warnings: [] });
  });

  it('should warn when the Effective line disagrees with the file name, and when its date cannot be read (then keep it)', () => {
    expect(run('# Terms\n\nEffective date: May 22, 2017\n\nText.\n', { first: true })).toMatchObject({
      text: 'Text.\n',
      warnings: ['2020-11-16.md: line 3: "Effective date: May 22, 2017" says 2017-05-22, but the file name says 2020-11-16. The file name is the effective date the site uses: check which is right.'],
    });
    expect(run('# Terms\n\nEffective date: soon\n\nText.\n', { first: true })).toMatchObject({
      text: 'Effective date: soon\n\nText.\n',
      warnings: ['2020-11-16.md: line 3: could not read the date of "Effective date: soon"; kept the line. Check it against the file name (2020-11-16) and delete it: the page prints the effective date.'],
    });
  });

  it('should map attribute lists where they map (a heading\'s #id, the date line\'s datetime) and warn about the rest instead of printing them', () => {
    const source = '# Privacy\n\nEffective date: 16 November 2020\n{: datetime="2020-11-15" }\n\n## Who we are {#who .lead}\n\nWe are Prodsmart. {#intro .x}\n\nA note.\n{: .note }\n\n[Who](#who)\n';
    const { text, warnings } = run(source, { first: true });
    expect(text).toBe('## Who we are {#who}\n\nWe are Prodsmart.\n\nA note.\n\n[Who](#who)\n');
    expect(warnings).toEqual([
      '2020-11-16.md: line 3: "Effective date: 16 November 2020" says 2020-11-15, but the file name says 2020-11-16. The file name is the effective date the site uses: check which is right.',
      '2020-11-16.md: line 6: dropped `.lead` of the attribute list `{#who .lead}`: a heading takes only its anchor.',
      '2020-11-16.md: line 8: dropped `#intro`, `.x` of the attribute list `{#intro .x}`: a paragraph takes no id, class or attribute here.',
      '2020-11-16.md: line 10: dropped `.note` of the attribute list `{: .note }`: a paragraph takes no id, class or attribute here.',
    ]);
    expect(problems(text, 'mdx')).toEqual([]);
  });
});

describe('importMarkdown: what renders badly', () => {
  it('should warn about an indented code block under a list, and not about fenced code', () => {
    const { warnings } = run('- one\n- two\n\n      indented too far\n\n```\nreal code\n```\n');
    expect(warnings).toEqual([
      '2020-11-16.md: line 4: this text is indented by four spaces or more, so it prints as a block of code ("indented too far"); it follows a list, so it is most likely a list item or a paragraph of one indented too far. Indent it less (a list item\'s paragraphs line up with the item\'s text), or mark real code with a ``` fence.',
    ]);
  });
});

describe('importMarkdown --format mdx', () => {
  const mdx = (source: string, options: Partial<ImportOptions> = {}) => run(source, { format: 'mdx', first: true, ...options });

  it('should write pinned anchors as anchors, never escaped', () => {
    const { text } = mdx('## Terms\n\n### Old {#kept}\n\nText.\n');
    expect(text).toBe('## Terms {#terms}\n\n### Old {#kept}\n\nText.\n');
    expect(problems(text, 'mdx')).toEqual([]);
  });

  it('should write <br> as a Markdown hard break (a space inside a table cell), which the check accepts', () => {
    const { text } = mdx('Line one<br>line two<BR/>three.\n\n| a | b |\n| - | - |\n| x<br>y | z |\n');
    expect(text).toBe('Line one\\\nline two\\\nthree.\n\n| a | b |\n| - | - |\n| x y | z |\n');
    expect(problems(text, 'mdx')).toEqual([]);
  });

  it('should write autolinks as [text](url), which MDX reads', () => {
    const { text } = mdx('Write to <https://example.com/contact> or <mailto:legal@example.com>.\n');
    expect(text).toBe('Write to [https://example.com/contact](https://example.com/contact) or [mailto:legal@example.com](mailto:legal@example.com).\n');
    expect(problems(text, 'mdx')).toEqual([]);
  });

  it('should leave code as it was: no backslash in ~~~ fences or double-backtick spans', () => {
    const { text } = mdx('~~~\n{code} <x> *y* \\n\n~~~\n\nRun ``a ` {b} <c>`` now.\n');
    expect(text).toBe('```\n{code} <x> *y* \\n\n```\n\nRun ``a ` {b} <c>`` now.\n');
    expect(problems(text, 'mdx')).toEqual([]);
  });

  it('should turn comments into MDX comments and escape braces and stray angle brackets', () => {
    const { text } = mdx('<!-- markdownlint-disable -->\n\nUse {curly} braces, 3 < 4 <!-- a */ b -->.\n');
    expect(text).toBe('{/* markdownlint-disable */}\n\nUse \\{curly} braces, 3 \\< 4 {/* a * / b */}.\n');
    expect(problems(text, 'mdx')).toEqual([]);
  });

  it('should rewrite other HTML as the Markdown it stands for, keep the Markdown between HTML blocks, and warn', () => {
    const source = '<details><summary><b>Summary</b></summary>\n\n## Inside {#inside}\n\nH<sub>2</sub>O and <a href="#inside">a link</a>.\n\n</details>\n';
    const { text, warnings } = mdx(source);
    expect(text).toBe('**Summary**\n\n## Inside {#inside}\n\nH2O and [a link](#inside).\n');
    expect(warnings).toEqual([
      '2020-11-16.md: line 1: rewrote the HTML <details>, <summary>, <b> as Markdown (an .mdx version may not contain HTML); check how it reads.',
      '2020-11-16.md: line 5: rewrote the HTML <sub>, <a> as Markdown (an .mdx version may not contain HTML); check how it reads.',
    ]);
    expect(problems(text, 'mdx')).toEqual([]);
  });
});

describe('importMarkdown: former anchors', () => {
  const previous = importMarkdown('## Payment\n\nYou pay us every month for the plan you chose, in advance, by card.\n\n## Fees\n\nWe charge no fee for public repositories and never will.\n\n## Contact\n\nWrite to us at the address below.\n', { ...later, first: true }).sections;

  it('should pair a section renamed in this version with its old self by its text, and declare the old anchor', () => {
    const { text, formerAnchors } = run('## K. Billing\n\nYou pay us every month for the plan you chose, in advance, by card.\n\n## Fees\n\nWe charge no fee for public repositories and never will.\n\n## Contact\n\nWrite to us at the address below.\n\nSee [billing](#payment).\n', { previous });
    expect(formerAnchors).toEqual({ payment: 'k-billing' });
    expect(text).toContain('---\nsummary: Imported from 2020-11-16.md.\nmaterial: false\nformerAnchors:\n  payment: k-billing\n---\n');
    expect(text).toContain('See [billing](#k-billing).');
  });

  it('should not pair sections whose headings share words but whose texts differ, nor short sections', () => {
    const { formerAnchors } = run('## Payment terms\n\nRefunds are given within thirty days when a service was unavailable for a week.\n\n## Fees\n\nWe charge no fee for public repositories and never will.\n\n## Contacts\n\nWrite to us.\n', { previous });
    expect(formerAnchors).toEqual({});
  });
});
