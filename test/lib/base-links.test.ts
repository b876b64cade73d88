import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinksPlugin, rebaseHtml, rebaseSiteUrl } from '../../src/lib/base-links.ts';

describe('links written from the site root, under a base', () => {
  it('should prefix root URLs only', () => {
    expect(['/terms-of-use/#a', '#a', 'https://x.test/', '//cdn.test/x', 'mailto:a@b.test', ''].map((url) => rebaseSiteUrl(url, '/legal/'))).toEqual([
      '/legal/terms-of-use/#a', '#a', 'https://x.test/', '//cdn.test/x', 'mailto:a@b.test', '',
    ]);
  });

  it('should rebase href and src in raw HTML and leave the rest as written', () => {
    expect(rebaseHtml(`<a class=x href="/a/" title="/not-a-url"><img src='/i.png' alt=""></a><a href="#x">`, '/legal/')).toBe(
      `<a class=x href="/legal/a/" title="/not-a-url"><img src='/legal/i.png' alt=""></a><a href="#x">`,
    );
  });

  it('should rebase Markdown links and images, raw HTML in .md, and links inside MDX components', async () => {
    const plugin = baseLinksPlugin('/legal/');
    const { html } = await markdownToHtml('See [terms](/terms-of-use/), <a href="/privacy-statement/">the statement</a>, ![map](/images/map.png) and [elsewhere](https://x.test/).\n', { hastPlugins: [plugin] });
    expect(html).toContain('<a href="/legal/terms-of-use/">terms</a>');
    expect(html).toContain('<a href="/legal/privacy-statement/">the statement</a>');
    expect(html).toContain('src="/legal/images/map.png"');
    expect(html).toContain('<a href="https://x.test/">elsewhere</a>');
    const { code } = await mdxToJs('<Notice title="Note">See [the history](/privacy-statement/history/).</Notice>\n', { hastPlugins: [plugin] });
    expect(code).toContain('"/legal/privacy-statement/history/"');
  });
});
