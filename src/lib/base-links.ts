/**
 * Links and images in a version's text are written from the site's root (`/terms-of-use/`,
 * `/images/map.png`: content/README.md, checked by src/lib/rules/internal-links.ts). A site served
 * under a base (`LEGAL_BASE=/legal/`) needs them prefixed, or they lead out of the site. This is a
 * Sätteri hast plugin (astro.config.mjs adds it to the Markdown processor, which `.mdx` shares):
 * it rewrites Markdown links and images, links inside MDX components, and `<a href>`/`<img src>`
 * in the raw HTML of `.md` versions.
 */
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import { findHtmlTags } from './html-tags.ts';
import { withBase } from './urls.ts';

/** Elements and the attributes of theirs that hold a URL of the site. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = { a: ['href'], img: ['src'], video: ['src', 'poster'], audio: ['src'], source: ['src'] };

/**
 * A URL written from the site's root, under the base.
 *
 * @param url As written in the text, e.g. `/terms-of-use/#acceptable-use`.
 * @param base `/` or `/legal/` (leading and trailing slash).
 * @returns E.g. `/legal/terms-of-use/#acceptable-use`; any other URL (`#x`, `https://…`, `//host/…`,
 *   `mailto:…`) unchanged.
 */
export function rebaseSiteUrl(url: string, base: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? withBase(base, url) : url;
}

/**
 * The same for the URLs in a piece of raw HTML.
 *
 * @param html Raw HTML as written in a `.md` version.
 * @param base The base.
 * @returns The HTML with each site URL of URL_ATTRIBUTES under the base; everything else as written.
 */
export function rebaseHtml(html: string, base: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const tag of findHtmlTags(html)) {
    const names = tag.closing ? [] : (URL_ATTRIBUTES[tag.name] ?? []);
    for (const attribute of tag.attributes.filter((a) => names.includes(a.name))) {
      const rebased = rebaseSiteUrl(attribute.value.trimStart(), base);
      if (rebased !== attribute.value.trimStart()) edits.push({ start: attribute.valueStart, end: attribute.valueEnd, text: rebased });
    }
  }
  return edits.reverse().reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), html);
}

/**
 * The hast plugin for a base.
 *
 * @param base `/legal/` (for `/` no plugin is needed: every URL already starts at the root).
 * @returns A Sätteri hast plugin definition.
 */
export function baseLinksPlugin(base: string): HastPluginDefinition {
  return defineHastPlugin({
    name: 'legal-base-links',
    element: {
      filter: Object.keys(URL_ATTRIBUTES),
      visit(node, context) {
        for (const key of URL_ATTRIBUTES[node.tagName] ?? []) {
          const value = node.properties?.[key];
          if (typeof value === 'string' && rebaseSiteUrl(value, base) !== value) context.setProperty(node, key, rebaseSiteUrl(value, base));
        }
      },
    },
    raw(node, context) {
      const rebased = rebaseHtml(node.value, base);
      if (rebased !== node.value) context.replaceNode(node, { type: 'raw', value: rebased });
    },
  });
}
