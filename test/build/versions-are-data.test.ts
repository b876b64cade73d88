/**
 * Versions are data (issue 11): every attack of an untrusted pull request (test/helpers/attacks.ts)
 * fails closed, in `npm run check` and in `astro build` run directly with the check skipped (safety
 * must not depend on the check), with file:line and a rule id; nothing is built, no content code
 * ever runs, and no file is written outside the build folder. What the check allows however hostile
 * its text (`]]>` and `</script>` in a summary, CDATA in raw HTML) comes out escaped in every output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedToken } from '../../src/node/check-in-subprocess.ts';
import { resolveSettings } from '../../src/settings.ts';
import { attacks, companions, danglingVersion, linkedFolder, registry, symlinkVersion } from '../helpers/attacks.ts';
import { root, tmp, writeContent } from '../helpers/site.ts';

const work = join(tmp, `versions-are-data-${process.pid}`);
const marker = join(work, 'content-code-ran');
const asOf = '2025-06-01';
const list = attacks(marker);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `astro build` run directly, with the token by which the build script says it has checked: the check does not run. */
function astroBuild(content: string, out: string, cache: string) {
  const settings = resolveSettings({ ...process.env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf });
  return spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))),
      LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf, LEGAL_OUT_DIR: out, LEGAL_CACHE_DIR: cache, LEGAL_SITE: 'https://legal.example.test',
      LEGAL_CONTENT_CHECKED: checkedToken(settings),
    },
  });
}

/** What git sees in the project, ignored files included, but for the tests' scratch folder: a write outside the build folder shows. */
function projectFiles(): string[] {
  const run = spawnSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.stdout.split('\n').filter((line) => line && !line.includes('test/.tmp/') && !/ (node_modules|\.astro)\//.test(line)).sort();
}

let content = '';
beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  content = writeContent(`versions-are-data-${process.pid}`, { 'documents.yaml': registry, ...companions, ...Object.fromEntries(list.map((a) => [a.path, a.text])) });
  // A version that is a symbolic link to a file outside the content folder.
  symlinkSync('/etc/passwd', join(content, symlinkVersion));
  symlinkSync('/nonexistent/version.md', join(content, danglingVersion));
  symlinkSync('/usr', join(content, linkedFolder));
});
afterAll(() => { if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); });

describe('an attacker\'s pull request', () => {
  it('should be refused by npm run check, each attack at its file and line', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'check.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf } });
    expect(run.status).toBe(1);
    const report = run.stdout + run.stderr;
    for (const attack of list) {
      for (const { line, ruleId } of attack.expected) {
        expect(report, `${attack.what}: ${attack.path}:${line} [${ruleId}]`).toMatch(new RegExp(`${escapeRegExp(attack.path)}:${line}:\\d+: error: .*\\[${ruleId}\\]`));
      }
    }
    expect(report).toMatch(new RegExp(`${escapeRegExp(symlinkVersion)}:1:1: error: .*symbolic link.*\\[source-not-a-file\\]`));
    expect(report).not.toContain('Maximum call stack');
    expect(existsSync(marker)).toBe(false);
  });

  it('should be refused by astro build run directly with the check skipped: nothing built, nothing run, nothing read from outside, nothing written elsewhere', () => {
    const out = join(work, 'dist');
    const before = projectFiles();
    const run = astroBuild(content, out, join(work, 'cache'));
    expect(run.status).not.toBe(0);
    const report = run.stdout + run.stderr;
    for (const attack of list) expect(report, attack.what).toContain(`${attack.path}:${attack.buildLine ?? attack.expected[0]!.line}:`);
    expect(report).toContain(`${symlinkVersion}:1:1`);
    expect(report).toContain(`${danglingVersion}:1:1`);
    expect(report).toContain(`${linkedFolder}:1:1`);
    expect(report).not.toContain('Maximum call stack');
    expect(existsSync(marker)).toBe(false);
    const built = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }) : [];
    expect(built.filter((file) => file.endsWith('.html'))).toEqual([]);
    expect(report).not.toContain('root:x:0:0');
    expect(projectFiles()).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(readdirSync(work).filter((name) => ['cache', 'dist'].includes(name)).sort());
  }, 180_000);

  it('should build the same documents once the attacks are removed, and print hostile text only as text in every output', () => {
    const summary = 'Fixes ]]> twice ]]> and </script><script>alert(1)</script> <!-- @octocat';
    const title = '</title><script>alert(1)</script>';
    // Text that would run if the content layer's store (a module Astro loads at build time) were written by pasting.
    const breakout = `Costs \${(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran')} and \u2028 \u2029 and \` */ \\\`); (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran'); /* \` and </script>`;
    // A registry title goes into feed attributes (`<category label>`), page titles and the JSON API.
    const registryTitle = 'Cookie "Notice" \' </title><script>alert(1)</script> ]]>';
    const clean = writeContent(`versions-are-data-clean-${process.pid}`, {
      'documents.yaml': registry.replace('title: Cookie Notice', `title: ${JSON.stringify(registryTitle)}`),
      'privacy-statement/2020-01-01.mdx': '---\nmaterial: false\n---\n\nText.\n\n{/* a comment */}\n',
      'privacy-statement/2021-01-01.md': `---\nsummary: ${JSON.stringify(summary)}\nmaterial: true\ntitle: ${JSON.stringify(title)}\n---\n\nText <![CDATA[ <img src=x onerror=alert(1)> ]]> and &lt;script&gt; and <b>bold</b>.\n\n${breakout}\n`,
      'terms-of-use/2020-01-01.md': '---\nmaterial: false\n---\n\n<div>\n<b>bold</b>\n</div>\n',
      'cookie-notice/2020-01-01.md': '---\nmaterial: false\n---\n\n## Cookies {#cookies}\n',
    });
    const out = join(work, 'dist-clean');
    const run = astroBuild(clean, out, join(work, 'cache-clean'));
    expect(run.stderr + run.stdout).toContain('Complete!');
    expect(existsSync(join(out, 'cookie-notice', 'index.html'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(parse(readFileSync(join(out, 'privacy-statement', '2021-01-01', 'index.html'), 'utf8')).querySelector('.version__body')?.textContent).toContain('writeFileSync');
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });

    // Atom feeds: well-formed XML, `]]>` and markup escaped, the summary read back exactly as written.
    for (const feed of files.filter((file) => file.endsWith('feed.xml'))) {
      const xml = readFileSync(join(out, feed), 'utf8');
      expect(XMLValidator.validate(xml), feed).toBe(true);
      expect(xml).not.toContain(']]>');
      expect(xml).not.toMatch(/<script/i);
      if (feed === 'feed.xml' || feed.startsWith('privacy-statement')) {
        const entries = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat();
        expect(entries.map((entry: { summary: { '#text': string } }) => entry.summary['#text'])).toContain(summary);
      }
    }
    // HTML pages: no script but the site's own files, no handler, no dangerous URL or element, the title as text.
    for (const page of files.filter((file) => file.endsWith('.html'))) {
      const document = parse(readFileSync(join(out, page), 'utf8'));
      for (const script of document.querySelectorAll('script:not([type="application/ld+json"])')) expect(script.getAttribute('src'), page).toMatch(/^\/(_astro|pagefind)\//);
      // The one inline script is the schema.org data block (never run), and it stays one JSON value whatever the title.
      for (const block of document.querySelectorAll('script[type="application/ld+json"]')) expect(JSON.parse(block.text)['@type'], page).toBe('DigitalDocument');
      for (const element of document.querySelectorAll('*')) {
        expect(Object.keys(element.attributes).filter((name) => /^on/i.test(name)), page).toEqual([]);
        for (const name of ['href', 'src', 'action', 'formaction', 'ping', 'srcset']) expect(element.getAttribute(name) ?? '', `${page} ${name}`).not.toMatch(/^\s*(javascript|data|vbscript):|evil\.test/i);
      }
      expect(document.querySelectorAll('iframe, base, object, embed, style, svg, math, template').length, page).toBe(0);
      // The site's own forms only (search, compare): none in a version's text.
      for (const form of document.querySelectorAll('form')) expect(form.getAttribute('class'), page).toMatch(/^(header-search|compare-form)$/);
      expect(document.querySelectorAll('.version__body form, .version__body input, .version__body button').length, page).toBe(0);
      expect(document.querySelectorAll('meta').filter((meta) => /refresh/i.test(meta.getAttribute('http-equiv') ?? '')).length, page).toBe(0);
      expect(document.querySelectorAll('img').filter((img) => img.getAttribute('onerror') !== undefined || img.getAttribute('src') === 'x').length, page).toBe(0);
    }
    const cookie = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(out, 'cookie-notice', 'feed.xml'), 'utf8'));
    expect([cookie.feed.entry].flat()[0].category.map((c: Record<string, string>) => c['@_label'])).toContain(registryTitle);
    expect(JSON.parse(readFileSync(join(out, 'api', 'documents.json'), 'utf8'))).toMatchObject({ documents: expect.arrayContaining([expect.objectContaining({ title: registryTitle })]) });
    const version = parse(readFileSync(join(out, 'privacy-statement', '2021-01-01', 'index.html'), 'utf8'));
    expect(version.querySelector('h1')?.textContent).toContain(title);
    expect(JSON.parse(version.querySelector('script[type="application/ld+json"]')!.text).name).toBe(title);
    // JSON API: JSON, the text as given.
    const api = JSON.parse(readFileSync(join(out, 'api', 'privacy-statement.json'), 'utf8'));
    expect(JSON.stringify(api)).toContain(JSON.stringify(summary).slice(1, -1));
    // Search index: Pagefind's fragments are JSON holding the text as text (the search page prints it as text,
    // src/scripts/search-page.ts); the image hidden in CDATA never reaches it.
    const fragments = join(out, 'pagefind', 'fragment');
    const titles: string[] = [];
    for (const name of readdirSync(fragments)) {
      const fragment = JSON.parse(gunzipSync(readFileSync(join(fragments, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { content: string; meta: { title?: string } };
      expect(fragment.content, name).not.toMatch(/onerror|<img/i);
      if (fragment.meta.title) titles.push(fragment.meta.title);
    }
    expect(titles).toContain(title);
    for (const page of files.filter((file) => file.endsWith('.html'))) expect(readFileSync(join(out, page), 'utf8'), page).not.toContain('onerror');
  }, 180_000);
});
