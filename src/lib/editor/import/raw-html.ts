/**
 * Raw HTML kept in a `.md` version: its `<a href>` targets repaired as Markdown links are
 * (src/lib/editor/import/link-targets.ts), and the attributes the site's allow-list refuses
 * dropped. Each piece of HTML is read by parse5 (the WHATWG HTML parser) with source locations,
 * and edited at those places only.
 */
import type { Html, Root } from 'mdast';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { find, html } from 'property-information';
import { contentSchema } from '../../security/content-schema.ts';
import { walkType } from '../../content/mdast-walk.ts';
import { linkTarget, type LinkContext } from './link-targets.ts';

/**
 * The ids that raw HTML sets (`id="…"`, `<a name="…">`): links to them land.
 *
 * @param tree mdast with `html` nodes.
 * @returns Every such id.
 */
export function rawHtmlIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  walkType(tree, 'html', (node: Html) => {
    for (const attribute of htmlAttributes(node.value)) if (attribute.name === 'id' || (attribute.name === 'name' && attribute.element === 'a')) ids.add(attribute.value);
  });
  return ids;
}

/**
 * Repair the raw HTML of a tree in place: `<a href>` retargeted (a dead section link loses its
 * `href`, its text stays), attributes outside src/lib/security/content-schema.ts removed.
 *
 * @param tree mdast with `html` nodes; their `value` is edited.
 * @param context The version's anchors and the source site.
 * @param warn Called with a message (`line N: …`) for each dropped link or attribute.
 */
export function repairRawHtml(tree: Root, context: LinkContext, warn: (message: string) => void): void {
  walkType(tree, 'html', (node: Html) => {
    const where = node.position ? `line ${node.position.start.line}: ` : '';
    const edits: { start: number; end: number; text: string }[] = [];
    const value = node.value;
    for (const attribute of htmlAttributes(value)) {
      const withSpace = attribute.start - (/\s/.test(value[attribute.start - 1] ?? '') ? 1 : 0);
      if (attribute.element === 'a' && attribute.name === 'href') {
        const url = attribute.value.replace(/[\t\n\r]/g, '').trim();
        const target = linkTarget(url, context);
        if (target.kind === 'rewrite') edits.push({ start: attribute.start, end: attribute.end, text: `href="${escapeAttribute(target.url)}"` });
        else if (target.kind === 'dead' || target.kind === 'self') {
          edits.push({ start: withSpace, end: attribute.end, text: '' });
          warn(target.kind === 'dead' ? `${where}the link to "${url}" leads to no section of this version; kept its text, dropped the link.` : `${where}the link to "${url}" leads to this document itself; kept its text, dropped the link.`);
        }
      } else if (!isAllowedAttribute(attribute.element, attribute.name)) {
        edits.push({ start: withSpace, end: attribute.end, text: '' });
        warn(`${where}dropped the attribute \`${attribute.name}\` of <${attribute.element}>, which the site does not allow.`);
      }
    }
    let out = value;
    for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    node.value = out;
  });
}

/** An attribute of a start tag in raw HTML, with its whole span (`name="value"`) in that HTML. */
interface HtmlAttribute {
  element: string;
  name: string;
  /** The value as the HTML parser decoded it. */
  value: string;
  start: number;
  end: number;
}

/** Every attribute of every element of a piece of raw HTML, read by parse5 with source locations. */
function htmlAttributes(source: string): HtmlAttribute[] {
  const found: HtmlAttribute[] = [];
  const stack: DefaultTreeAdapterMap['parentNode'][] = [parseFragment(source, { sourceCodeLocationInfo: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const locations = child.sourceCodeLocation?.attrs ?? {};
      for (const attribute of child.attrs) {
        const location = locations[attribute.name];
        if (location) found.push({ element: child.tagName, name: attribute.name, value: attribute.value, start: location.startOffset, end: location.endOffset });
      }
      stack.push(child);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether the content schema allows an attribute on an element; unknown elements are left to the check. */
function isAllowedAttribute(element: string, attribute: string): boolean {
  if (!contentSchema.tagNames?.includes(element)) return true;
  const property = find(html, attribute).property;
  const allowed = [...(contentSchema.attributes?.[element] ?? []), ...(contentSchema.attributes?.['*'] ?? [])];
  return allowed.some((definition) => (typeof definition === 'string' ? definition : definition[0]) === property);
}

/** Escape a value for a double-quoted HTML attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
