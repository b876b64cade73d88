/**
 * The security policy in the built files: every page carries the CSP `<meta>`, runs no inline code
 * that the policy would block, and the site ships a `_headers` file with the full policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { devPageDirectives, formatPolicy, headerPolicy, metaPolicy, pageMetaPolicy } from '../../src/lib/security/security-policy.ts';

/**
 * The policy every built page carries, written out: the preview's own policy (`astro dev` only) must
 * never reach a built page, and a change to the site's policy is a change to this line.
 */
const builtPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

const site = inject('fixtureSite');
const realSite = inject('realSite');

/** Every HTML file of a built site, relative paths. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

describe.each([['fixture', site], ['real', realSite]])('the %s site', (_name, dir) => {
  const files = htmlFiles(dir);

  test('every page carries the Content-Security-Policy meta as the first thing after its charset', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const head = parse(readFileSync(join(dir, file), 'utf8')).querySelector('head')!;
      const metas = head.querySelectorAll('meta');
      expect(metas[1]?.getAttribute('http-equiv'), file).toBe('Content-Security-Policy');
      expect(metas[1]?.getAttribute('content'), file).toBe(metaPolicy);
      expect(metas[1]?.getAttribute('content'), file).toBe(builtPolicy);
    }
  });

  test('no page has an inline script, an inline style or an inline event handler', () => {
    const problems: string[] = [];
    for (const file of files) {
      const html = parse(readFileSync(join(dir, file), 'utf8'));
      for (const script of html.querySelectorAll('script')) {
        // JSON data blocks are not executed, so CSP does not apply to them.
        const data = /json/.test(script.getAttribute('type') ?? '');
        if (!script.getAttribute('src') && !data) problems.push(`${file}: inline <script>${script.text.slice(0, 60)}`);
      }
      for (const style of html.querySelectorAll('style')) problems.push(`${file}: inline <style>${style.text.slice(0, 60)}`);
      for (const element of html.querySelectorAll('*')) {
        for (const name of Object.keys(element.attributes)) {
          if (/^on/i.test(name)) problems.push(`${file}: <${element.tagName.toLowerCase()} ${name}>`);
          if (name.toLowerCase() === 'style') problems.push(`${file}: <${element.tagName.toLowerCase()} style="${element.getAttribute('style')}">`);
        }
        const href = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
        if (/^\s*javascript:/i.test(href)) problems.push(`${file}: javascript: URL`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the _headers file gives every path the full policy, frame-ancestors, a referrer policy and nosniff', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*$/m);
    expect(headers).toContain(`  Content-Security-Policy: ${headerPolicy}\n`);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toMatch(/^ {2}Referrer-Policy: strict-origin-when-cross-origin$/m);
    expect(headers).toMatch(/^ {2}X-Content-Type-Options: nosniff$/m);
  });
});

describe('the policy', () => {
  test("allows scripts and styles from the site's own origin only, never inline", () => {
    for (const policy of [metaPolicy, headerPolicy]) {
      const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives['style-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    }
  });

  test("admits inline styles in the editor's preview only, where Vite injects every stylesheet inline, and nothing else", () => {
    expect(metaPolicy).toBe(builtPolicy);
    expect(pageMetaPolicy(false)).toBe(builtPolicy);
    const dev = Object.fromEntries(pageMetaPolicy(true).split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const built = Object.fromEntries(builtPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect({ ...dev, 'style-src': built['style-src'] }).toEqual(built);
    expect(pageMetaPolicy(true)).toBe(formatPolicy(devPageDirectives));
  });
});
