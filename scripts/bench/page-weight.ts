/**
 * Page weight of a built page: its HTML and the CSS and JavaScript it loads, gzip-compressed,
 * against the gzip size of the text a reader came for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** Bytes of one page, gzip level 6 (the usual web server default). */
export interface PageWeight {
  /** gzip bytes of the HTML file. */
  html: number;
  /** gzip bytes of the stylesheets it links, summed. */
  css: number;
  /** gzip bytes of the scripts and module preloads it loads, summed (first load; dynamic imports excluded). */
  js: number;
  /** gzip bytes of the version's text alone (the text content of `.version__body`). */
  text: number;
  /** Whether the whole text is in the HTML, readable with scripts off. */
  textInHtml: boolean;
  /** Number of script files the page loads. */
  scripts: number;
}

/**
 * Weigh a page of a built site.
 *
 * @param siteDir The built site folder.
 * @param path Site path of the page (base excluded), e.g. `/privacy-statement/`.
 * @param base The base the site was built with (`/`), stripped from asset URLs.
 * @throws Error when the page or one of its assets is missing.
 */
export function weighPage(siteDir: string, path: string, base = '/'): PageWeight {
  const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;
  const file = join(siteDir, path, 'index.html');
  const html = readFileSync(file);
  const page = parse(html.toString('utf8'));
  const asset = (url: string) => {
    const local = join(siteDir, url.replace(new RegExp(`^${base}`), ''));
    if (!existsSync(local)) throw new Error(`${file} loads ${url}, which is not in the site (${local})`);
    return readFileSync(local);
  };
  const styles = page.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
  const scripts = [
    ...page.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!),
    ...page.querySelectorAll('link[rel="modulepreload"]').map((l) => l.getAttribute('href')!),
  ];
  const body = page.querySelector('.version__body');
  const text = (body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    html: gz(html),
    css: styles.reduce((n, url) => n + gz(asset(url)), 0),
    js: [...new Set(scripts)].reduce((n, url) => n + gz(asset(url)), 0),
    text: gz(text),
    textInHtml: text.length > 1000,
    scripts: new Set(scripts).size,
  };
}
