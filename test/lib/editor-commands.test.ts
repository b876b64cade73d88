/**
 * The editors' commands as editors run them (issue 6): `npm run check` (exit codes, output format),
 * `npm run lock` and `npm run new-version`, on temporary content folders. A failed command never
 * changes the content folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { root, writeContent } from '../helpers/site.ts';
import { asOf, base, locked, version } from './editor-sources.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function content(name: string, files: Record<string, string>): string {
  const dir = writeContent(`editor-${name}-${process.pid}`, files);
  dirs.push(dir);
  return dir;
}

/** Run `scripts/<script>.ts` on a content folder; messages name it `content/` as in the real project. */
function run(script: string, dir: string, args: string[] = [], at = asOf) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', `${script}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: at },
  });
  const shown = (s: string) => s.split(`${relative(root, dir)}/`).join('content/');
  return { status: result.status, stdout: shown(result.stdout), stderr: shown(result.stderr) };
}


describe('npm run check', () => {
  it('should print every error as file:line:column: severity: message [rule-id] and exit 1, leaving the content as it was', () => {
    const dir = content('check-errors', { ...locked, 'privacy-statement/2024-01-01.mdx': version('summary: Adds retention.\nmaterial: false', '<script>x</script>\n\n[a](#nowhere)') });
    const before = folderHashes(dir);
    const { status, stdout } = run('check', dir);
    expect(status).toBe(1);
    expect(stdout).toContain('content/privacy-statement/2024-01-01.mdx:6:1: error: `<script>` is not allowed in legal text: it runs code. Remove it. [safe-mdx-element]');
    expect(stdout).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:8:1: error: The link `#nowhere` points to no section of this version\. .* \[link-missing-anchor\]/);
    expect(stdout).toMatch(/content\/privacy-statement\/2024-01-01\.mdx:1:1: error: .* \[lock-changed\]/);
    expect(stdout).toMatch(/✖ 3 errors, 0 warnings/);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('should exit 0 when there are warnings only, and print them', () => {
    // Before any version takes effect, a missing lock is only a warning.
    const { status, stdout } = run('check', content('check-warnings', base), [], '2022-01-01');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^content\/versions\.lock:1:1: warning: There is no content\/versions\.lock\. .* \[lock-missing\]$/m);
    expect(stdout).toContain('✔ 2 documents, 3 versions checked (as of 2022-01-01), 1 warning\n');
  });

  it('should pass on the real content/ with its lock', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'check.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: '2026-11-30' } });
    expect(result.stdout).not.toMatch(/error|warning/);
    expect(result.status).toBe(0);
  });
});

describe('npm run lock', () => {
  it('should lock every version, then report the lock up to date without rewriting it', () => {
    const dir = content('lock-new', base);
    const first = run('lock', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('locked      privacy-statement/2022-03-31');
    expect(readFileSync(join(dir, 'versions.lock'), 'utf8')).toBe(locked['versions.lock']);
    const before = folderHashes(dir);
    expect(run('lock', dir).stdout).toContain('is up to date (3 versions locked)');
    expect(folderHashes(dir)).toEqual(before);
    expect(run('check', dir).status).toBe(0);
  });

  it('should refuse to re-lock a published version changed without a correction, and leave the lock as it was', () => {
    const dir = content('lock-refuse', { ...locked, 'privacy-statement/2022-03-31.mdx': base['privacy-statement/2022-03-31.mdx']!.replace('Names.', 'Names and more.') });
    const before = folderHashes(dir);
    const result = run('lock', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refused     privacy-statement/2022-03-31: in effect (since 2022-03-31), and its text changed without a new correction.');
    expect(result.stderr).toMatch(/\n✖ Refused to lock 1 version whose text changed after it was published: privacy-statement\/2022-03-31\. /);
    expect(result.stdout).not.toContain('✔');
    expect(folderHashes(dir)).toEqual(before);
  });

  it('should re-lock a corrected version, after which the check passes and last updated follows the correction', () => {
    const corrected = base['privacy-statement/2022-03-31.mdx']!.replace('Names.', 'Names!').replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo.\n    changed:\n      - from: "Names."\n        to: "Names!"');
    const dir = content('lock-correct', { ...locked, 'privacy-statement/2022-03-31.mdx': corrected });
    expect(run('check', dir).stdout).toContain('[lock-stale]');
    const result = run('lock', dir);
    expect(result.stdout).toContain('corrected   privacy-statement/2022-03-31 (new correction recorded)');
    expect(readFileSync(join(dir, 'versions.lock'), 'utf8')).toMatch(/privacy-statement\/2022-03-31:\n {2}sha256: "[0-9a-f]{64}"\n {2}file: "2022-03-31\.mdx"\n {2}corrections:\n {4}- date: "2024-05-01"\n {6}reason: "Fixes a typo\."\n {6}before: "[0-9a-f]{64}"\n/);
    expect(run('check', dir).status).toBe(0);
  });

  it('should refuse to lock while the content has other errors', () => {
    const dir = content('lock-blocked', { ...base, 'terms-of-use/2023-06-01.md': version('material: false', '<script>x</script>') });
    const result = run('lock', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[safe-mdx-element]');
    expect(result.stderr).toContain('✖ Fix this error first (npm run check): nothing was locked.');
    expect(existsSync(join(dir, 'versions.lock'))).toBe(false);
  });
});

describe('npm run new-version', () => {
  it('should copy the newest version with fresh frontmatter the check refuses until it is finished', () => {
    const dir = content('new-ok', locked);
    const result = run('new-version', dir, ['privacy-statement', '--effective', '2025-09-01']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ Created content/privacy-statement/2025-09-01.mdx, a copy of content/privacy-statement/2024-01-01.mdx (effective January 1, 2024).');
    expect(result.stdout).toContain('Next:');
    const created = readFileSync(join(dir, 'privacy-statement', '2025-09-01.mdx'), 'utf8');
    expect(created).toContain('## Data retention {#data-retention}\n\nA year.');
    expect(created).not.toContain('summary: Adds retention.');
    const check = run('check', dir);
    expect(check.status).toBe(1);
    for (const rule of ['new-version-todo', 'frontmatter-summary-required', 'frontmatter-material-required', 'lock-pending']) expect(check.stdout).toContain(`[${rule}]`);
    expect(check.stdout).toMatch(/content\/privacy-statement\/2025-09-01\.mdx:2:3: error: This new version is not finished/);
  });

  it('should make a version that passes the check once the editor has filled it in and locked it', () => {
    const dir = content('new-finish', locked);
    run('new-version', dir, ['terms-of-use', '--effective', '2025-09-01']);
    const path = join(dir, 'terms-of-use', '2025-09-01.md');
    const finished = readFileSync(path, 'utf8').split('\n').filter((line) => !line.startsWith('#')).join('\n').replace('---\n---', '---\nsummary: Clarifies acceptable use.\nmaterial: false\n---');
    writeFileSync(path, finished);
    expect(run('lock', dir).status).toBe(0);
    const check = run('check', dir);
    expect(check.stdout).toBe('✔ 2 documents, 4 versions checked (as of 2025-06-01)\n');
  });

  it.each([
    ['an unknown document', ['privacy', '--effective', '2025-09-01'], 'There is no document "privacy". Documents: privacy-statement, terms-of-use.'],
    ['a date that does not exist', ['privacy-statement', '--effective', '2025-02-30'], '"2025-02-30" is not a real date.'],
    ['the date of an existing version', ['privacy-statement', '--effective', '2024-01-01'], 'A version of "privacy-statement" effective 2024-01-01 already exists: privacy-statement/2024-01-01.mdx.'],
    ['a date before the newest version', ['privacy-statement', '--effective', '2023-01-01'], 'must take effect after the newest one (2024-01-01, privacy-statement/2024-01-01.mdx); 2023-01-01 is not after it.'],
    ['a missing --effective', ['privacy-statement'], 'Usage: npm run new-version -- <document> --effective YYYY-MM-DD'],
  ])('should refuse %s, write nothing and exit 1 (2 for a wrong call)', (_, args, message) => {
    const dir = content('new-refuse', locked);
    const before = folderHashes(dir);
    const result = run('new-version', dir, args);
    expect(result.status).toBe(message.startsWith('Usage') ? 2 : 1);
    expect(result.stderr).toContain(message);
    expect(folderHashes(dir)).toEqual(before);
  });
});

describe('counts and refusals in plain words', () => {
  const single = {
    'documents.yaml': 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n',
    'privacy-statement/2022-03-31.mdx': base['privacy-statement/2022-03-31.mdx']!,
  };

  it('should count one document, one version and one locked version in the singular', () => {
    const dir = content('singular', single);
    expect(run('lock', dir).stdout).toMatch(/✔ \S*content\/versions\.lock updated/);
    expect(run('lock', dir).stdout).toContain('is up to date (1 version locked).');
    expect(run('check', dir).stdout).toBe('✔ 1 document, 1 version checked (as of 2025-06-01)\n');
  });

  it('should end a refusal with a ✖ summary and the way out for an announced version, never with a ✔', () => {
    const upcoming = 'privacy-statement/2025-09-01.mdx';
    const announced = version('summary: Adds retention.\nmaterial: true\npublished: 2025-06-01', '## What we collect {#what-we-collect}\n\nNames.\n\n## Contact us {#contact-us}\n\nWrite to us.');
    const dir = content('refuse-announced', { ...single, [upcoming]: announced });
    expect(run('lock', dir).status).toBe(0);
    writeFileSync(join(dir, upcoming), announced.replace('Names.', 'Names and e-mail addresses.'));
    const result = run('lock', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('✔');
    expect(result.stderr).toContain('refused     privacy-statement/2025-09-01: not yet in effect (announced for notice on 2025-06-01, takes effect 2025-09-01), and its text changed without a new correction.');
    expect(result.stderr).toMatch(/`git checkout origin\/main -- \S*content\/versions\.lock && npm run lock`/);
    expect(result.stderr).toMatch(/\n✖ Refused to lock 1 version whose text changed after it was published: privacy-statement\/2025-09-01\. \S*content\/versions\.lock still records its earlier text/);
  });
});

describe('a backdated version (issue 13, "Notice")', () => {
  const backdated = { ...locked, 'privacy-statement/2025-05-16.mdx': '---\nsummary: Shares more.\nmaterial: true\n---\n\n## What we collect {#information-we-collect}\n\nNames, e-mail addresses and more.\n\n## Contact us {#contact-us}\n\nWrite to us.\n' };

  it('should be refused by npm run lock when it is already in effect, with the way out, and leave the lock as it was', () => {
    const dir = content('lock-backdated', backdated);
    const before = readFileSync(join(dir, 'versions.lock'), 'utf8');
    const result = run('lock', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refused     privacy-statement/2025-05-16: it takes effect on 2025-05-16, not after the as-of date 2025-06-01');
    expect(result.stderr).toContain('npm run lock -- --history');
    expect(readFileSync(join(dir, 'versions.lock'), 'utf8')).toBe(before);
    expect(run('check', dir).stdout).toMatch(/privacy-statement\/2025-05-16\.mdx:1:1: error: This version took effect on 2025-05-16 but is not in content\/versions\.lock\. A new version must take effect after it is published: rename the file to a date after 2025-06-01 .*`npm run lock -- --history`.*\[lock-unlocked\]/);
  });

  it('should be refused by npm run new-version, which names the earliest date the notice allows, writing nothing', () => {
    const dir = content('new-backdated', locked);
    const before = folderHashes(dir);
    const result = run('new-version', dir, ['privacy-statement', '--effective', '2025-05-16']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2025-05-16 is not after today (2025-06-01, the as-of date): the version would be in effect the moment it is published');
    expect(result.stderr).toContain('for a material change 2025-07-01 or later');
    expect(result.stderr).toContain('add --history');
    expect(folderHashes(dir)).toEqual(before);
  });

  it('should be started by npm run new-version --history, which says how to lock it', () => {
    const dir = content('new-history', locked);
    const result = run('new-version', dir, ['privacy-statement', '--effective', '2025-05-16', '--history']);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'privacy-statement', '2025-05-16.mdx'))).toBe(true);
    expect(result.stdout).toContain('Lock it with `npm run lock -- --history`.');
    expect(result.stdout).not.toContain('Notice:');
  });

  it('should be locked as imported history with --history, which the pull-request comparison accepts', () => {
    const dir = content('lock-history', backdated);
    expect(run('lock', dir, ['--history']).status).toBe(0);
    expect(readFileSync(join(dir, 'versions.lock'), 'utf8')).toMatch(/privacy-statement\/2025-05-16:\n {2}sha256: "[0-9a-f]{64}"\n {2}file: "2025-05-16\.mdx"\n {2}imported: true\n/);
  });
});

describe('npm run new-version and the notice period (issue 13, "Notice")', () => {
  it('should print the earliest effective date a material change allows, without a warning when the date given is later', () => {
    const result = run('new-version', content('new-notice-ok', locked), ['privacy-statement', '--effective', '2025-07-01']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Notice: a material change needs 30 days' notice, so published today (2025-06-01) it can take effect on July 1, 2025 (2025-07-01) at the earliest.");
    expect(result.stdout).not.toContain('⚠');
  });

  it('should warn when the date given is sooner than the notice period allows, naming the file to rename to', () => {
    const result = run('new-version', content('new-notice-short', locked), ['terms-of-use', '--effective', '2025-06-30']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('⚠ 2025-06-30 is sooner: keep this change non-material (`material: false`), or rename the file to 2025-07-01.md or later.');
  });

  it('should use the document\'s own notice period from documents.yaml', () => {
    const registry = locked['documents.yaml']!.replace('  - id: terms-of-use\n', '  - id: terms-of-use\n    notice:\n      materialDays: 45\n');
    expect(registry).toContain('materialDays: 45');
    const result = run('new-version', content('new-notice-45', { ...locked, 'documents.yaml': registry }), ['terms-of-use', '--effective', '2025-07-10']);
    expect(result.stdout).toContain("needs 45 days' notice, so published today (2025-06-01) it can take effect on July 16, 2025 (2025-07-16) at the earliest.");
    expect(result.stdout).toContain('⚠ 2025-07-10 is sooner');
  });

});
