import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../../src/lib/content/anchors.ts';
import { rebaseSiteUrl } from '../../src/lib/content/base-links.ts';
import { versionContent } from '../../src/lib/content/version-content.ts';
import { renderVersionHtml } from '../../src/lib/content/version-html.ts';
import { parseVersionSource, type SourceFormat } from '../../src/lib/content/version-source.ts';

/** Render a version's text as its page prints it, under a base. */
function render(text: string, format: SourceFormat, base = '/legal/'): string {
  const tree = parseVersionSource(text, format);
  const content = versionContent(tree, text, format);
  expect(content.problems).toEqual([]);
  return renderVersionHtml(content.hast, headingAnchors(tree), { base, formerBySection: {} }).html;
}

describe('links written from the site root, under a base', () => {
  it('should prefix root URLs only', () => {
    expect(['/terms-of-use/#a', '#a', 'https://x.test/', '//cdn.test/x', 'mailto:a@b.test', ''].map((url) => rebaseSiteUrl(url, '/legal/'))).toEqual([
      '/legal/terms-of-use/#a', '#a', 'https://x.test/', '//cdn.test/x', 'mailto:a@b.test', '',
    ]);
  });

  it('should rebase href and src in raw HTML and leave other attributes as written', () => {
    const html = render('<a href="/a/" title="/not-a-url"><img src="/i.png" alt=""></a> <a href="#x">x</a>\n', 'md');
    expect(html).toContain('href="/legal/a/"');
    expect(html).toContain('title="/not-a-url"');
    expect(html).toContain('src="/legal/i.png"');
    expect(html).toContain('href="#x"');
  });

  it('should rebase Markdown links and images, raw HTML in .md, and links inside MDX components', () => {
    const html = render('See [terms](/terms-of-use/), <a href="/privacy-statement/">the statement</a>, ![map](/images/map.png) and [elsewhere](https://x.test/).\n', 'md');
    expect(html).toContain('<a href="/legal/terms-of-use/">terms</a>');
    expect(html).toContain('<a href="/legal/privacy-statement/">the statement</a>');
    expect(html).toContain('src="/legal/images/map.png"');
    expect(html).toContain('<a href="https://x.test/">elsewhere</a>');
    expect(render('<Notice title="Note">See [the history](/privacy-statement/history/).</Notice>\n', 'mdx')).toContain('href="/legal/privacy-statement/history/"');
  });

  it('should leave every URL as written at the root base', () => {
    expect(render('[terms](/terms-of-use/)\n', 'md', '/')).toContain('href="/terms-of-use/"');
  });
});
