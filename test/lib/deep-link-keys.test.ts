/**
 * Deep-link keys are a contract (issue 13): the lock records every key of links.yaml with its
 * target, so a key removed or renamed is an error without git history; `npm run lock` records new
 * and repointed keys and refuses a removed one; `npm run lock -- --compare` refuses a lock that drops
 * a key; and a `#` comment after a value in links.yaml, which YAML would silently cut off, is refused.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLockFile, serializeLock, type LockedLink } from '../../src/lib/check/lock.ts';
import { droppedLinks, judgeLinks, planLinks } from '../../src/lib/check/lock-links.ts';
import { readDeepLinks } from '../../src/lib/site/deep-links.ts';
import { contentRepo } from '../helpers/content-repo.ts';
import { root, tmp, writeContent } from '../helpers/site.ts';
import { asOf, base, checkChanged, lockFor, places } from './editor-sources.ts';

const links = 'about-box: privacy-statement\nprivacy-rights: privacy-statement#contact-us\nretention: privacy-statement#data-retention\n';
/** The editor base content with links.yaml, locked as `npm run lock` would lock it. */
const withLinks: Record<string, string> = { ...base, 'links.yaml': links };
withLinks['versions.lock'] = lockFor(withLinks);
const linkFindings = (changes: Record<string, string | undefined>) => checkChanged({ ...withLinks, ...changes }).filter((d) => d.ruleId.startsWith('lock-link') || d.ruleId.startsWith('deep-link'));

describe('the lock records deep-link keys', () => {
  it('should write every key with its target under deepLinks, sorted, and read them back with their lines', () => {
    const read = parseLockFile(withLinks['versions.lock']!);
    expect([...read.links!].map(([key, link]) => `${key} ${link.target}`)).toEqual(['about-box privacy-statement', 'privacy-rights privacy-statement#contact-us', 'retention privacy-statement#data-retention']);
    const lines = withLinks['versions.lock']!.split('\n');
    for (const [key, link] of read.links!) expect(lines[link.line - 1]).toBe(`  "${key}": "${link.target}"`);
    expect(read.versions.size).toBe(3);
  });

  it('should still read a lock written before keys were recorded, as recording none', () => {
    const old = lockFor(base);
    expect(old).not.toContain('deepLinks');
    expect(parseLockFile(old)).toMatchObject({ links: undefined });
    expect(parseLockFile(old).versions.size).toBe(3);
  });

  it('should read back any keys and targets it writes', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
    fc.assert(fc.property(fc.dictionary(id, fc.tuple(id, fc.option(id, { nil: undefined }))), (record) => {
      const written = new Map<string, LockedLink>(Object.entries(record).map(([key, [document, anchor]]) => [key, { target: anchor ? `${document}#${anchor}` : document, line: 0 }]));
      const read = parseLockFile(serializeLock(new Map(), written)).links ?? new Map();
      expect(new Map([...read].map(([key, link]) => [key, link.target]))).toEqual(new Map([...written].map(([key, link]) => [key, link.target])));
    }));
  });

  it('should refuse a deepLinks entry that is not a key and a target, at its line', () => {
    expect(() => parseLockFile('deepLinks:\n  privacy-rights: "privacy statement"\n')).toThrow(expect.objectContaining({ name: 'LockSyntaxError', line: 2 }));
    expect(() => parseLockFile('deepLinks:\n  Privacy_Rights: "privacy-statement"\n')).toThrow(/not a deep-link key/);
    expect(() => parseLockFile('deepLinks: [a]\n')).toThrow(/not a map/);
  });

  it('should plan: record new keys, record a repointed key\'s new target, and keep a removed key with its last target', () => {
    const locked = parseLockFile(withLinks['versions.lock']!).links;
    const now = readDeepLinks('links.yaml', 'about-box: privacy-statement#contact-us\nnew-key: terms-of-use\n').links;
    const plan = planLinks(now, locked);
    expect(plan.added).toEqual(['new-key']);
    expect(plan.repointed).toEqual([{ key: 'about-box', from: 'privacy-statement', to: 'privacy-statement#contact-us' }]);
    expect(plan.removed).toEqual([{ key: 'privacy-rights', target: 'privacy-statement#contact-us' }, { key: 'retention', target: 'privacy-statement#data-retention' }]);
    expect([...plan.links.keys()].sort()).toEqual(['about-box', 'new-key', 'privacy-rights', 'retention']);
    expect(plan.links.get('retention')!.target).toBe('privacy-statement#data-retention');
  });

  it('should never lose a locked key, whatever links.yaml lists', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(fc.property(fc.uniqueArray(key), fc.uniqueArray(key), (lockedKeys, listed) => {
      const locked = new Map(lockedKeys.map((k) => [k, { target: 'doc', line: 1 }]));
      const plan = planLinks(listed.map((k) => ({ key: k, document: 'doc', anchor: 'x', line: 1 })), locked);
      for (const k of [...lockedKeys, ...listed]) expect(plan.links.has(k)).toBe(true);
      expect(plan.removed.map((r) => r.key)).toEqual(lockedKeys.filter((k) => !listed.includes(k)));
      expect(droppedLinks(locked, plan.links)).toEqual([]);
    }));
  });

  it('should not count a key whose target is malformed as removed (its own rule reports it)', () => {
    const locked = parseLockFile(withLinks['versions.lock']!).links!;
    const read = readDeepLinks('links.yaml', 'about-box: privacy-statement\nprivacy-rights: "Privacy Statement"\nretention: privacy-statement#data-retention\n');
    expect(judgeLinks(read.links, read.keys!, locked).removed).toEqual([]);
  });
});

describe('npm run check and deep-link keys', () => {
  it('should pass content whose keys the lock records', () => {
    expect(linkFindings({})).toEqual([]);
  });

  it('should refuse a key removed from links.yaml, naming it, its last target and the three ways out', () => {
    const found = linkFindings({ 'links.yaml': 'about-box: privacy-statement\nretention: privacy-statement#data-retention\n' });
    expect(places(found)).toEqual(['content/links.yaml:1 lock-link-removed']);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toBe('The deep link "privacy-rights" is no longer in content/links.yaml; content/versions.lock records it, last pointing to privacy-statement#contact-us. Keys are a contract with the apps: without it, /go/privacy-rights/ answers 404. A renamed key is a removed one, so keep the old key beside the new. Add it back: restore it (`privacy-rights: privacy-statement#contact-us`), repoint it (`privacy-rights: document#anchor`), or retire it to its document\'s top (`privacy-rights: privacy-statement`).');
  });

  it('should refuse a renamed key as the old key removed and the new one not yet recorded', () => {
    const found = linkFindings({ 'links.yaml': 'about-box: privacy-statement\nyour-rights: privacy-statement#contact-us\nretention: privacy-statement#data-retention\n' });
    expect(places(found)).toEqual(['content/links.yaml:2 lock-link-unlocked', 'content/links.yaml:1 lock-link-removed']);
  });

  it('should report every locked key at the lock when links.yaml is gone', () => {
    const found = linkFindings({ 'links.yaml': undefined });
    const lines = withLinks['versions.lock']!.split('\n');
    expect(found.map((d) => [d.file, d.ruleId, lines[d.line - 1]!.trim()])).toEqual([
      ['content/versions.lock', 'lock-link-removed', '"about-box": "privacy-statement"'],
      ['content/versions.lock', 'lock-link-removed', '"privacy-rights": "privacy-statement#contact-us"'],
      ['content/versions.lock', 'lock-link-removed', '"retention": "privacy-statement#data-retention"'],
    ]);
    expect(found[1]!.message).toContain('content/links.yaml is gone, and with it the deep link "privacy-rights"');
  });

  it('should accept a repointed or retired key once npm run lock records the new target, and ask for it before', () => {
    const repointed = 'about-box: privacy-statement#contact-us\nprivacy-rights: privacy-statement\nretention: privacy-statement#data-retention\n';
    const found = linkFindings({ 'links.yaml': repointed });
    expect(places(found)).toEqual(['content/links.yaml:1 lock-link-stale', 'content/links.yaml:2 lock-link-stale']);
    expect(found[1]!.message).toBe('The deep link "privacy-rights" now points to privacy-statement; content/versions.lock recorded privacy-statement#contact-us. Repointing a key is fine: run `npm run lock` to record the new target, and commit content/versions.lock.');
    const relocked = { ...withLinks, 'links.yaml': repointed };
    expect(linkFindings({ 'links.yaml': repointed, 'versions.lock': lockFor(relocked) })).toEqual([]);
  });

  it('should ask for npm run lock for each key of an old lock that records none', () => {
    const found = linkFindings({ 'versions.lock': lockFor(base) });
    expect(places(found)).toEqual(['content/links.yaml:1 lock-link-unlocked', 'content/links.yaml:2 lock-link-unlocked', 'content/links.yaml:3 lock-link-unlocked']);
    expect(found[0]!.message).toContain('The deep link "about-box" is not recorded in content/versions.lock yet. Run `npm run lock`');
  });

  it('should not report keys while links.yaml cannot be read', () => {
    expect(places(linkFindings({ 'links.yaml': 'about-box: [\n' }))).toEqual(['content/links.yaml:2 deep-link-yaml']);
  });
});

describe('comments on the lines of links.yaml', () => {
  it('should refuse `key: document #anchor` at the comment\'s line and column, with the link to write', () => {
    const found = linkFindings({ 'links.yaml': links.replace('privacy-rights: privacy-statement#contact-us', 'privacy-rights: privacy-statement #contact-us') });
    expect(found.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['2:35 deep-link-comment']);
    expect(found[0]!.message).toBe('`privacy-rights: privacy-statement #contact-us`: YAML reads `#contact-us` as a comment, not as part of the value, so this deep link would silently point to privacy-statement (the top of the page). Comments are not allowed on the line of a deep link. If you meant the section, write `privacy-rights: privacy-statement#contact-us` without a space, or quote it; for a note, put it on a line of its own above the key, starting with `#`.');
  });

  it('should refuse a note after a value, and keep whole-line comments and a `#` inside a value', () => {
    const read = readDeepLinks('links.yaml', '# Deep links.\nabout-box: privacy-statement   # the top\n  # an indented note\nprivacy-rights: "privacy-statement#contact-us"\n# the end\n');
    expect(read.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['2:32 deep-link-comment']);
    expect(read.diagnostics[0]!.message).toContain('Write the target without a space before `#` (`document#anchor`), or quote it');
    expect(read.links.map((l) => l.key)).toEqual(['privacy-rights']);
    expect(read.keys).toEqual(['about-box', 'privacy-rights']);
  });

  // Issue 13 review: after a whole `document#anchor` the message said to write the target "without a space before #", which it already was.
  it('should tell a note after a whole document#anchor target to move to its own line, without asking to rewrite the target', () => {
    const read = readDeepLinks('links.yaml', 'privacy-rights: privacy-statement#contact-us # the rights\n');
    expect(read.diagnostics.map((d) => d.message)).toEqual(['`privacy-rights: privacy-statement#contact-us # the rights`: YAML reads `# the rights` as a comment, not as part of the value. Comments are not allowed on the line of a deep link (a space before `#` in a target would silently drop its anchor): for a note, put it on a line of its own above the key, starting with `#`.']);
  });

  it('should find a comment after any value line, and none on lines of their own', () => {
    const line = fc.tuple(fc.stringMatching(/^[a-z]{1,6}(-[a-z]{1,6})?$/), fc.stringMatching(/^[a-z]{1,6}(#[a-z]{1,6})?$/), fc.boolean(), fc.constantFrom(' #', '  # ', '\t#'), fc.stringMatching(/^[a-z -]{0,10}$/));
    fc.assert(fc.property(fc.uniqueArray(line, { selector: ([key]) => key, minLength: 1, maxLength: 6 }), (lines) => {
      const text = lines.map(([key, target, commented, mark, note]) => (commented ? `${key}: ${target}${mark}${note}` : `# ${note}\n${key}: ${target}`)).join('\n');
      const read = readDeepLinks('links.yaml', `${text}\n`);
      const expected = lines.filter(([, , commented]) => commented).map(([key]) => key);
      const at = read.diagnostics.filter((d) => d.ruleId === 'deep-link-comment').map((d) => text.split('\n')[d.line - 1]!.split(':')[0]);
      expect(at).toEqual(expected);
      expect(read.links.map((l) => l.key)).toEqual(lines.filter(([, , commented]) => !commented).map(([key]) => key));
    }));
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Run a script on a content folder; messages name it `content/`. */
function run(script: string, dir: string, args: string[] = [], cwd = root) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', `${script}.ts`), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: dir, LEGAL_AS_OF: asOf },
  });
  const shown = (s: string) => s.split(`${dir}/`).join('content/').split(`${relative(cwd, dir)}/`).join('content/');
  return { status: result.status, stdout: shown(result.stdout), stderr: shown(result.stderr) };
}

describe('npm run lock and deep-link keys', () => {
  it('should add the keys to an old lock, then refuse a removed key and keep it in the lock', () => {
    const dir = writeContent(`deep-link-keys-${process.pid}`, { ...withLinks, 'versions.lock': lockFor(base) });
    dirs.push(dir);
    const first = run('lock', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('  recorded    deep link privacy-rights -> privacy-statement#contact-us\n');
    expect(readFileSync(join(dir, 'versions.lock'), 'utf8')).toBe(withLinks['versions.lock']);
    expect(run('check', dir).status).toBe(0);

    writeFileSync(join(dir, 'links.yaml'), 'about-box: privacy-statement#data-retention\n');
    const second = run('lock', dir);
    expect(second.status).toBe(1);
    expect(second.stdout).toContain('  repointed   deep link about-box: privacy-statement -> privacy-statement#data-retention\n');
    expect(second.stderr).toContain('  refused     deep link privacy-rights: The deep link "privacy-rights" is no longer in content/links.yaml;');
    expect(second.stderr).toContain('✖ Refused: 2 deep-link keys that content/versions.lock records are missing from content/links.yaml: privacy-rights, retention.');
    const kept = parseLockFile(readFileSync(join(dir, 'versions.lock'), 'utf8')).links!;
    expect([...kept].map(([key, link]) => `${key} ${link.target}`)).toEqual(['about-box privacy-statement#data-retention', 'privacy-rights privacy-statement#contact-us', 'retention privacy-statement#data-retention']);
    const check = run('check', dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^content\/links\.yaml:1:1: error: The deep link "retention" is no longer in content\/links\.yaml; .* \[lock-link-removed\]$/m);
  });
});

describe('npm run lock -- --compare and deep-link keys', () => {
  const repo = join(tmp, `deep-link-compare-${process.pid}`);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const { git, write, reset } = contentRepo(repo);

  it('should refuse a lock that drops a key of the base lock, and accept one that repoints it', () => {
    reset(withLinks);
    // Both files edited together, so npm run check alone would pass: only the base lock knows the key.
    const without = { ...base, 'links.yaml': 'about-box: privacy-statement\nretention: privacy-statement#data-retention\n' };
    write({ ...without, 'versions.lock': lockFor(without) });
    expect(checkChanged({ ...without, 'versions.lock': lockFor(without) })).toEqual([]);
    const dropped = run('lock', 'content', ['--compare', 'main'], repo);
    expect(dropped.status).toBe(1);
    expect(dropped.stdout).toContain('content/versions.lock:1:1: error: The deep-link key "privacy-rights" (line 15 of content/versions.lock on main, pointing to privacy-statement#contact-us) was removed from the lock. A key the apps may use is never removed: restore the lock with `git checkout main -- content/versions.lock && npm run lock`, and in links.yaml restore it (`privacy-rights: privacy-statement#contact-us`), repoint it (`privacy-rights: document#anchor`), or retire it to its document\'s top (`privacy-rights: privacy-statement`). [lock-link-entry-removed]');
    expect(dropped.stdout).toContain('✖ 1 deep-link key of content/versions.lock on main dropped: privacy-rights.');

    const repointed = { ...base, 'links.yaml': 'about-box: privacy-statement\nprivacy-rights: privacy-statement\nretention: privacy-statement#data-retention\n' };
    write({ ...repointed, 'versions.lock': lockFor(repointed) });
    expect(run('lock', 'content', ['--compare', 'main'], repo)).toMatchObject({ status: 0, stdout: '✔ content/versions.lock keeps every entry of main (3 entries), with corrections only appended, and every deep-link key (3).\n' });
  });
});
