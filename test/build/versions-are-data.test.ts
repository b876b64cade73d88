/**
 * Versions are data (issue 11): every attack of an untrusted pull request fails closed, in
 * `npm run check` and in `astro build` run directly with the check skipped (safety must not depend
 * on the check), with file:line and a rule id; nothing is built, and no content code ever runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedToken } from '../../src/node/check-in-subprocess.ts';
import { resolveSettings } from '../../src/settings.ts';
import { root, tmp, writeContent } from '../helpers/site.ts';

const work = join(tmp, `versions-are-data-${process.pid}`);
const marker = join(work, 'content-code-ran');
const asOf = '2025-06-01';
const registry = `documents:
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
/** One attack per file, with the line and rule each must be refused at. */
const attacks: { path: string; text: string; line: number; ruleId: string }[] = [
  // A comment whose middle line looks like a heading with `{#…}`: the old check blanked it, Astro compiled the code.
  { path: 'privacy-statement/2020-01-01.mdx', text: `---\nmaterial: false\n---\n\nText.\n\n{/*\n## x {#a} */ (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran') /*\n*/}\n`, line: 7, ruleId: 'safe-mdx-expression' },
  // Raw HTML on a heading-looking line inside an HTML block: the old check read it as an anchor, the page redirected.
  { path: 'terms-of-use/2020-01-01.md', text: `---\nmaterial: false\n---\n\n<div>\n# x {#<meta http-equiv="refresh" content="0;url=https://evil.test/">}\n</div>\n`, line: 6, ruleId: 'safe-mdx-element' },
  // TOML frontmatter: the old check never saw it, the site showed it.
  { path: 'cookie-notice/2020-01-01.md', text: `+++\nmaterial = false\n+++\n\n## Cookies {onclick=alert(1) style=color:red}\n`, line: 1, ruleId: 'frontmatter-yaml' },
];

let content = '';
beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  content = writeContent(`versions-are-data-${process.pid}`, { 'documents.yaml': registry, ...Object.fromEntries(attacks.map((a) => [a.path, a.text])) });
  // A version that is a symbolic link to a file outside the content folder.
  symlinkSync('/etc/passwd', join(content, 'cookie-notice', '2021-01-01.md'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an attacker\'s pull request', () => {
  it('should be refused by npm run check, each attack at its file and line', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'check.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf } });
    expect(run.status).toBe(1);
    const report = run.stdout + run.stderr;
    for (const attack of attacks) expect(report).toMatch(new RegExp(`${attack.path.replace(/[.]/g, '\\.')}:${attack.line}:\\d+: error: .*\\[${attack.ruleId}\\]`));
    expect(report).toMatch(/cookie-notice\/2021-01-01\.md:1:1: error: .*symbolic link.*\[source-not-a-file\]/);
    expect(existsSync(marker)).toBe(false);
  });

  it('should be refused by astro build run directly with the check skipped: nothing built, nothing run, nothing read from outside', () => {
    const out = join(work, 'dist');
    const settings = resolveSettings({ ...process.env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf });
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))),
        LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: asOf, LEGAL_OUT_DIR: out, LEGAL_CACHE_DIR: join(work, 'cache'),
        // The token by which the build script tells the integration it has checked: the check does not run.
        LEGAL_CONTENT_CHECKED: checkedToken(settings),
      },
    });
    expect(run.status).not.toBe(0);
    const report = run.stdout + run.stderr;
    for (const attack of attacks) expect(report).toContain(`${attack.path}:${attack.line}:`);
    expect(report).toContain('cookie-notice/2021-01-01.md:1:1');
    expect(existsSync(marker)).toBe(false);
    const built = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }) : [];
    expect(built.filter((file) => file.endsWith('.html'))).toEqual([]);
    expect(report).not.toContain('root:x:0:0');
  }, 120_000);

  it('should build the same content once the attacks are removed, so each refusal above is the attack\'s', () => {
    const clean = writeContent(`versions-are-data-clean-${process.pid}`, {
      'documents.yaml': registry,
      'privacy-statement/2020-01-01.mdx': '---\nmaterial: false\n---\n\nText.\n\n{/* a comment */}\n',
      'terms-of-use/2020-01-01.md': '---\nmaterial: false\n---\n\n<div>\n<b>bold</b>\n</div>\n',
      'cookie-notice/2020-01-01.md': '---\nmaterial: false\n---\n\n## Cookies {#cookies}\n',
    });
    const out = join(work, 'dist-clean');
    const settings = resolveSettings({ ...process.env, LEGAL_CONTENT_DIR: clean, LEGAL_AS_OF: asOf });
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key))),
        LEGAL_CONTENT_DIR: clean, LEGAL_AS_OF: asOf, LEGAL_OUT_DIR: out, LEGAL_CACHE_DIR: join(work, 'cache-clean'), LEGAL_CONTENT_CHECKED: checkedToken(settings),
      },
    });
    expect(run.stderr + run.stdout).toContain('Complete!');
    expect(existsSync(join(out, 'cookie-notice', 'index.html'))).toBe(true);
  }, 120_000);
});


