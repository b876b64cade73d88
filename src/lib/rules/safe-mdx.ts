/**
 * Safe content: a version can never run code or load anything from another host. Checked on each
 * version's parsed source (`version.tree`), so a refused construct stops the build before any
 * page exists. The policy (schemes, elements, attributes) is in src/lib/safe-content.ts; the
 * components allowed in `.mdx` are in src/lib/content-components.ts.
 *
 * Rule ids: `safe-mdx-esm` (import/export), `safe-mdx-expression` (JavaScript in braces),
 * `safe-mdx-element` (script, style, iframe ... or raw HTML not on the list), `safe-mdx-component`
 * (a JSX element that is not a content component), `safe-mdx-attribute` (an attribute a component
 * does not take, or that is never allowed), `safe-mdx-event-handler` (`on*` attributes),
 * `safe-mdx-url` (`javascript:`, `data:` ... URLs), `safe-mdx-external-media` (images and media
 * from other hosts).
 */
import { parse as parseJavaScript } from 'acorn';
import type { Definition, Nodes } from 'mdast';
import type { CheckedVersion, ContentRule } from '../content-check.ts';
import { findContentComponent, listContentComponents } from '../content-components.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { findHtmlTags, positionAt, type HtmlTag } from '../html-tags.ts';
import {
  allowedHtmlElements, checkUrl, forbiddenAttributes, forbiddenElements, markdownAlternatives, mediaAttributes, urlAttributes,
} from '../safe-content.ts';
import { walk, walkType } from '../mdast-walk.ts';

/** Check every version for constructs that could run code or load media from elsewhere. */
export const safeMdxRule: ContentRule = ({ versions, display }) => versions.flatMap((version) => checkVersion(version, display));

type Place = { line: number; column: number };
type Report = (place: Place | undefined, ruleId: string, message: string) => void;

/** The parts of mdast-util-mdx nodes the rule reads (kept local: those types are not a direct dependency). */
interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { value: string };
  position?: { start: Place };
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: Place };
}
interface Expression {
  value: string;
  data?: { estree?: { body: unknown[] } };
}

function checkVersion(version: CheckedVersion, display: (path: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (place, ruleId, message) =>
    diagnostics.push({ file: display(version.path), line: place?.line ?? 1, column: place?.column ?? 1, ruleId, severity: 'error', message });
  const definitions = new Map<string, Definition>();
  walkType(version.tree, 'definition', (node) => void definitions.set(node.identifier, node));
  const components = listContentComponents();

  walk(version.tree, (node: Nodes) => {
    const place = node.position?.start;
    switch (node.type as string) {
      case 'mdxjsEsm':
        report(place, 'safe-mdx-esm', `\`import\` and \`export\` are not allowed in content: a version cannot load code. The components ${components} are available without importing: delete this line.`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node as unknown as Expression)) {
          report(place, 'safe-mdx-expression', `\`{${short((node as unknown as Expression).value)}}\` is a JavaScript expression, which content may not contain. Write the text itself; to show a brace write \\{ or \\}. Comments {/* like this */} are fine.`);
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsxElement(node as unknown as JsxElement, report, components);
        break;
      case 'html':
        checkHtml((node as { value: string }).value, place ?? { line: 1, column: 1 }, report, components);
        break;
      case 'link':
      case 'definition':
        checkLinkUrl((node as { url: string }).url, place, report);
        break;
      case 'image':
        checkMediaUrl((node as { url: string }).url, place, report);
        break;
      case 'imageReference': {
        const definition = definitions.get((node as { identifier: string }).identifier);
        if (definition) checkMediaUrl(definition.url, place, report);
        break;
      }
    }
  });
  return diagnostics;
}

function checkJsxElement(element: JsxElement, report: Report, components: string): void {
  const place = element.position?.start;
  const name = element.name;
  const component = name ? findContentComponent(name) : undefined;
  if (name === null) {
    report(place, 'safe-mdx-component', `A fragment \`<>\` is not allowed in content. Remove it and keep the text, or use one of ${components}.`);
  } else if (forbiddenElements[name.toLowerCase()]) {
    report(place, 'safe-mdx-element', `\`<${name}>\` is not allowed in legal text: it ${forbiddenElements[name.toLowerCase()]}. Remove it.`);
  } else if (!component) {
    const alternative = markdownAlternatives[name.toLowerCase()];
    report(place, 'safe-mdx-component', `\`<${name}>\` is not an available component. Use ${alternative ?? `one of ${components}`}${alternative ? '' : ', or plain Markdown'} (see content/README.md).`);
  }
  for (const attribute of element.attributes) {
    const at = attribute.position?.start ?? place;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(at, 'safe-mdx-expression', `\`{${short(String(attribute.value))}}\` in \`<${name}>\` is a JavaScript expression, which content may not contain. Write each attribute as name="text".`);
      continue;
    }
    const attributeName = attribute.name ?? '';
    if (/^on/i.test(attributeName)) {
      report(at, 'safe-mdx-event-handler', `The event-handler attribute \`${attributeName}\` on \`<${name}>\` would run code. Remove it.`);
      continue;
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      report(at, 'safe-mdx-expression', `\`${attributeName}={${short(attribute.value.value)}}\` on \`<${name}>\` is a JavaScript expression. Write the value as text in quotes: ${attributeName}="...".`);
      continue;
    }
    if (typeof attribute.value === 'string' && urlAttributes.has(attributeName.toLowerCase())) {
      checkAttributeUrl(name ?? '', attributeName.toLowerCase(), attribute.value, at, report);
    }
    if (component && !component.attributes.some((a) => a.name === attributeName)) {
      const takes = component.attributes.map((a) => a.name).join(', ');
      report(at, 'safe-mdx-attribute', `\`<${component.name}>\` does not take \`${attributeName}\`. ${takes ? `It takes: ${takes}.` : 'It takes no attributes.'} Remove it or fix the spelling.`);
    }
  }
  for (const required of component?.attributes.filter((a) => a.required) ?? []) {
    if (!element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === required.name)) {
      report(place, 'safe-mdx-attribute', `\`<${component!.name}>\` needs \`${required.name}="..."\`: ${required.description}`);
    }
  }
}

function checkHtml(html: string, start: Place, report: Report, components: string): void {
  for (const tag of findHtmlTags(html)) {
    const at = (offset: number) => positionAt(html, offset, start.line, start.column);
    if (!tag.closing) checkHtmlElement(tag, at(tag.offset), report, components);
    for (const attribute of tag.closing ? [] : tag.attributes) {
      const place = at(attribute.offset);
      if (attribute.name.startsWith('on')) {
        report(place, 'safe-mdx-event-handler', `The event-handler attribute \`${attribute.name}\` on \`<${tag.written}>\` would run code. Remove it.`);
      } else if (forbiddenAttributes[attribute.name]) {
        report(place, 'safe-mdx-attribute', `The attribute \`${attribute.name}\` on \`<${tag.written}>\` is not allowed: ${forbiddenAttributes[attribute.name]}. Remove it.`);
      } else if (urlAttributes.has(attribute.name)) {
        checkAttributeUrl(tag.written, attribute.name, attribute.value, place, report);
      }
    }
  }
}

function checkHtmlElement(tag: HtmlTag, place: Place, report: Report, components: string): void {
  if (forbiddenElements[tag.name]) {
    report(place, 'safe-mdx-element', `\`<${tag.written}>\` is not allowed in legal text: it ${forbiddenElements[tag.name]}. Remove it.`);
  } else if (findContentComponent(tag.written)) {
    report(place, 'safe-mdx-element', `\`<${tag.written}>\` is a component, and components work only in .mdx versions. Rename this file to .mdx, or write the text in plain Markdown.`);
  } else if (!allowedHtmlElements.has(tag.name)) {
    const alternative = markdownAlternatives[tag.name];
    report(place, 'safe-mdx-element', `The HTML element \`<${tag.written}>\` is not allowed in content. Use ${alternative ?? 'plain Markdown'}${alternative ? '' : ` (in .mdx versions also ${components})`}.`);
  }
}

function checkAttributeUrl(element: string, attribute: string, value: string, place: Place | undefined, report: Report): void {
  const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
  for (const url of urls) {
    const problem = checkUrl(url, mediaAttributes.has(attribute));
    if (problem?.kind === 'scheme') {
      report(place, 'safe-mdx-url', `\`${attribute}\` on \`<${element}>\` uses a \`${problem.scheme}:\` URL, which is not allowed. Use an https:, mailto: or tel: address, or a site path such as /privacy-statement/.`);
    } else if (problem) {
      report(place, 'safe-mdx-external-media', `\`<${element}>\` loads media from another host (${problem.host}). Put the file under public/ and refer to it by path, e.g. /images/file.png.`);
    }
  }
}

function checkLinkUrl(url: string, place: Place | undefined, report: Report): void {
  const problem = checkUrl(url, false);
  if (problem?.kind === 'scheme') {
    report(place, 'safe-mdx-url', `The link \`${short(url)}\` uses a \`${problem.scheme}:\` URL, which is not allowed. Link to an https:, mailto: or tel: address, or a site path such as /privacy-statement/.`);
  }
}

function checkMediaUrl(url: string, place: Place | undefined, report: Report): void {
  const problem = checkUrl(url, true);
  if (problem?.kind === 'scheme') {
    report(place, 'safe-mdx-url', `The image \`${short(url)}\` uses a \`${problem.scheme}:\` URL, which is not allowed. Put the file under public/images/ and write ![description](/images/file.png).`);
  } else if (problem) {
    report(place, 'safe-mdx-external-media', `The image \`${short(url)}\` is loaded from another host (${problem.host}). Put the file under public/images/ and write ![description](/images/file.png).`);
  }
}

/**
 * `{/* note *\/}` (or an empty `{}`) holds no code: parsed as JavaScript (acorn, as remark-mdx
 * does), its program has no statements. Anything acorn cannot parse counts as code.
 */
function isCommentOnly(expression: Expression): boolean {
  const body = expression.data?.estree?.body;
  if (body) return body.length === 0;
  try {
    return parseJavaScript(expression.value, { ecmaVersion: 'latest', sourceType: 'module' }).body.length === 0;
  } catch {
    return false;
  }
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
