/**
 * Renamed documents (issue 13, "Deep links"): `formerIds` in documents.yaml is validated with its
 * line; the lock reads versions locked under a former id as the same versions under the new id
 * (check, `npm run lock`, the comparison with the base branch), and a rename without `formerIds`
 * stays refused with the advice to add it; links under a former id still resolve; feed ids, the API
 * and the redirect pages follow. Content from editor-sources.ts: `terms-of-use` renamed `terms`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/content-check.ts';
import { compareLocks, parseLock, planLock, serializeLock, type Lock, type LockEntry } from '../../src/lib/check/lock.ts';
import { formerIdMap, twinUnderOtherId, underCurrentIds } from '../../src/lib/check/lock-renames.ts';
import { readRegistry } from '../../src/lib/content/registry.ts';
import { documentIndex, documentsIndex, movedDocumentIndex } from '../../src/lib/site/api-index.ts';
import { atomFeed } from '../../src/lib/site/feeds.ts';
import { firstIdOf, movedPages } from '../../src/lib/site/moved-pages.ts';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';
import { asOf, base, locked, places, sourcesOf } from './editor-sources.ts';

const TERMS = 'terms-of-use/2023-06-01.md';
/** The registry with `terms-of-use` renamed `terms`, optionally listing its former id. */
const renamedRegistry = (formerIds = '    formerIds: [terms-of-use]\n') =>
  base['documents.yaml']!.replace('  - id: terms-of-use\n', '  - id: terms\n').replace('    description: The rules.\n', `    description: The rules.\n${formerIds}`);
/** The locked content with `terms-of-use` renamed `terms` (its folder moved), and the lock as it was. */
function renamed(registry = renamedRegistry(), extra: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = { ...locked, 'documents.yaml': registry, [TERMS]: undefined, 'terms/2023-06-01.md': locked[TERMS], ...extra };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}
const check = (files: Record<string, string>) => checkContent(sourcesOf(files), asOf).diagnostics;
const errors = (files: Record<string, string>) => check(files).filter((d) => d.severity === 'error');

describe('formerIds in the registry', () => {
  const registryWith = (entries: string) => readRegistry('content/documents.yaml', `documents:\n${entries}`);
  const entry = (id: string, formerIds: string) => `  - id: ${id}\n    title: T\n    kind: terms\n    description: D.\n    formerIds: ${formerIds}\n`;

  it('should read a list of former ids, newest first', () => {
    const { documents, diagnostics } = registryWith(entry('terms', '[terms-of-service, tos]'));
    expect(diagnostics).toEqual([]);
    expect(documents[0]!.formerIds).toEqual(['terms-of-service', 'tos']);
    expect(firstIdOf(documents[0]!)).toBe('tos');
  });

  it('should refuse a former id that is a current id, another document\'s former id, listed twice or reserved, each at its line', () => {
    const { diagnostics } = registryWith(`${entry('terms', '\n      - privacy\n      - terms\n      - tos\n      - tos')}${entry('privacy', '\n      - tos\n      - search')}`);
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'content/documents.yaml:7 registry-former-id',
      'content/documents.yaml:8 registry-former-id',
      'content/documents.yaml:10 registry-former-id',
      'content/documents.yaml:16 registry-former-id',
      'content/documents.yaml:17 registry-former-id',
    ]);
    const messages = diagnostics.map((d) => d.message);
    expect(messages[0]).toBe('The former id "privacy" of "terms" is the id of another document in the registry, "privacy", whose pages answer at /privacy/. A former id is an address no document has any more: remove it from formerIds.');
    expect(messages[1]).toContain('"terms" of "terms" is its own id');
    expect(messages[2]).toContain('"tos" of "terms" is listed twice');
    expect(messages[3]).toBe('The former id "tos" of "privacy" is already a former id of "terms" (line 9): its old addresses can redirect to one document only. Remove it from one of the two.');
    expect(messages[4]).toContain('is reserved for the site\'s own pages (api, go, documents, search, 404, pagefind)');
  });

  it('should refuse a former id that is not kebab-case, and an empty list, by the schema', () => {
    expect(registryWith(entry('terms', '[Terms Of Use]')).diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([
      [6, 'registry-schema', expect.stringContaining('must be kebab-case')],
    ]);
    expect(registryWith(entry('terms', '[]')).diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('must list at least one former id, or be removed')]);
  });

  it('should say where the versions of a folder named by a former id belong', () => {
    const found = errors(renamed(renamedRegistry(), { [TERMS]: locked[TERMS], 'terms/2023-06-01.md': undefined }));
    expect(places(found)).toContain('content/terms-of-use/:1 document-unregistered');
    expect(found.find((d) => d.ruleId === 'document-unregistered')!.message).toContain('git mv content/terms-of-use content/terms');
  });
});

describe('the lock of a renamed document', () => {
  it('should pass the check when the former id is listed, warning that npm run lock writes the new keys', () => {
    const found = check(renamed());
    expect(found.map((d) => [d.file, d.line, d.ruleId, d.severity])).toEqual([['content/versions.lock', 9, 'lock-former-id', 'warning']]);
    expect(found[0]!.message).toContain('terms-of-use/2023-06-01 -> terms/2023-06-01');
  });

  it('should still refuse a change to a version locked under the former id', () => {
    const found = errors(renamed(renamedRegistry(), { 'terms/2023-06-01.md': locked[TERMS]!.replace('Be kind.', 'Be nice.') }));
    expect(places(found)).toEqual(['content/terms/2023-06-01.md:1 lock-changed']);
  });

  it('should refuse a rename without formerIds, saying to add it, at the version and at the old entry', () => {
    const found = errors(renamed(renamedRegistry('')));
    expect(places(found)).toEqual(['content/terms/2023-06-01.md:1 lock-unlocked', 'content/versions.lock:9 lock-version-removed']);
    for (const diagnostic of found) expect(diagnostic.message).toContain('add `formerIds: [terms-of-use]` to the entry for "terms" in content/documents.yaml');
  });

  it('should have npm run lock write the entries under the new id, which the check then takes without a warning', () => {
    const files = renamed();
    const { versions, documents } = checkContent(sourcesOf(files), asOf);
    const { lock, moved } = underCurrentIds(parseLock(files['versions.lock']!), documents);
    expect(moved).toEqual([{ from: 'terms-of-use/2023-06-01', to: 'terms/2023-06-01' }]);
    const plan = planLock(versions, lock, asOf);
    expect(plan.added).toEqual([]);
    const written = serializeLock(plan.lock);
    expect(written).toContain('\nterms/2023-06-01:\n');
    expect(written).not.toContain('terms-of-use/');
    expect(check({ ...files, 'versions.lock': written })).toEqual([]);
  });

  it('should keep the comparison with the base branch clean under the new keys, and name the rename when formerIds is missing', () => {
    const files = renamed();
    const documents = checkContent(sourcesOf(files), asOf).documents;
    const baseLock = parseLock(locked['versions.lock']!);
    const rewritten = new Map([...baseLock].map(([key, entry]) => [key.replace('terms-of-use/', 'terms/'), entry]));
    // Read raw, the rewritten lock removed an entry of the base branch; read under the current ids, it did not.
    expect(compareLocks(baseLock, rewritten, asOf).map((r) => `${r.rule} ${r.key}`)).toEqual(['lock-entry-removed terms-of-use/2023-06-01', 'lock-entry-backdated terms/2023-06-01']);
    expect(compareLocks(underCurrentIds(baseLock, documents).lock, underCurrentIds(rewritten, documents).lock, asOf)).toEqual([]);
    expect(compareLocks(underCurrentIds(baseLock, documents).lock, underCurrentIds(baseLock, documents).lock, asOf)).toEqual([]);
    expect(twinUnderOtherId(rewritten, 'terms-of-use/2023-06-01', baseLock.get('terms-of-use/2023-06-01')!, new Set(['privacy-statement', 'terms']))).toBe('terms/2023-06-01');
    expect(twinUnderOtherId(rewritten, 'terms-of-use/2023-06-01', { sha256: '0'.repeat(64) }, new Set(['privacy-statement', 'terms']))).toBeUndefined();
  });
});

describe('underCurrentIds', () => {
  const entry = (sha: string): LockEntry => ({ sha256: sha.repeat(64), file: 'x.mdx', corrections: 0, line: 1 });
  const ids = fc.constantFrom('a', 'b', 'c', 'd');
  const dates = fc.constantFrom('2024-01-01', '2024-02-01', '2024-03-01');

  it('should move every entry of a former id to the new id unchanged, keep every other entry, and never merge two texts', () => {
    fc.assert(fc.property(fc.array(fc.tuple(ids, dates, fc.constantFrom('1', '2')), { maxLength: 8 }), fc.subarray(['b', 'c']), (rows, former) => {
      const lock: Lock = new Map(rows.map(([id, date, sha]) => [`${id}/${date}`, entry(sha)]));
      const { lock: read, moved } = underCurrentIds(lock, [{ id: 'a', formerIds: former }]);
      const values = new Set(lock.values());
      expect([...read.values()].every((value) => values.has(value))).toBe(true);
      for (const [key, value] of lock) {
        const [id = '', date = ''] = key.split('/');
        if (!former.includes(id)) expect(read.get(key), key).toBe(value);
        // Read under the new key, or dropped as a copy of the text there, or left where it was when the new key holds another text.
        else expect(read.get(`a/${date}`) === value || (read.get(`a/${date}`)!.sha256 === value.sha256 && !read.has(key)) || read.get(key) === value, key).toBe(true);
      }
      for (const { from, to } of moved) expect(read.get(to)!.sha256).toBe(lock.get(from)!.sha256);
    }));
  });

  it('should ignore a former id that is also a current id', () => {
    expect(formerIdMap([{ id: 'a', formerIds: ['b'] }, { id: 'b' }])).toEqual(new Map());
  });
});

describe('links under a former id', () => {
  const linking = (href: string) => ({ 'privacy-statement/2024-01-01.mdx': base['privacy-statement/2024-01-01.mdx']!.replace('A year.', `A year. See [the rules](${href}).`) });

  it('should resolve in versions, checked against the document under its new id', () => {
    expect(errors(renamed(renamedRegistry(), linking('/terms-of-use/2023-06-01/#acceptable-use'))).filter((d) => d.ruleId.startsWith('link-'))).toEqual([]);
    const found = errors(renamed(renamedRegistry(), linking('/terms-of-use/#no-such-section'))).filter((d) => d.ruleId.startsWith('link-'));
    expect(found.map((d) => d.ruleId)).toEqual(['link-missing-anchor']);
  });

  it('should make a deep link to the former id an error that names the new id', () => {
    const found = errors(renamed(renamedRegistry(), { 'links.yaml': 'rules: terms-of-use#acceptable-use\n' })).filter((d) => d.ruleId.startsWith('deep-link'));
    expect(found.map((d) => [d.file, d.line, d.ruleId])).toEqual([['content/links.yaml', 1, 'deep-link-document']]);
    expect(found[0]!.message).toContain('which was renamed "terms" (its formerIds in documents.yaml). Write `rules: terms#acceptable-use`.');
  });
});

describe('the site of a renamed document', () => {
  const entry = { id: 'terms', title: 'Terms', kind: 'terms' as const, description: 'The rules.', formerIds: ['terms-of-service', 'tos'] };
  const documents = buildSiteModel([entry], [
    { document: 'terms', effective: '2023-01-01', frontmatter: {} },
    { document: 'terms', effective: '2024-01-01', frontmatter: { summary: 'Adds accounts.', material: false, corrections: [{ date: '2024-02-01', reason: 'Fixes a typo.' }] } },
  ], '2025-06-01', '/legal/');
  const where = { site: 'https://legal.example.test', base: '/legal/', asOf: '2025-06-01' };

  it('should list every old page address of every former id, with where it went', () => {
    const pages = movedPages(documents, '/legal/');
    expect(pages.filter((p) => p.formerId === 'tos').map((p) => `${p.from} -> ${p.to}`)).toEqual([
      '/legal/tos/ -> /legal/terms/',
      '/legal/tos/history/ -> /legal/terms/history/',
      '/legal/tos/compare/ -> /legal/terms/compare/',
      '/legal/tos/2024-01-01/ -> /legal/terms/2024-01-01/',
      '/legal/tos/2024-01-01/changes/ -> /legal/terms/2024-01-01/changes/',
      '/legal/tos/2024-01-01/corrections/ -> /legal/terms/2024-01-01/corrections/',
      '/legal/tos/2023-01-01/ -> /legal/terms/2023-01-01/',
    ]);
    expect(pages).toHaveLength(14);
    expect(pages[4]).toMatchObject({ param: 'terms-of-service/2024-01-01/changes', title: 'Changes to Terms effective January 1, 2024' });
  });

  it('should mint feed entry ids under the first id, and link entries to the id now', () => {
    const feed = atomFeed(documents, { title: 'T', subtitle: 'S', selfUrl: 'https://legal.example.test/legal/terms/feed.xml', id: 'https://legal.example.test/legal/tos/feed.xml', pageUrl: 'https://legal.example.test/legal/terms/', company: 'Prodsmart', site: where.site, base: where.base });
    expect([...feed.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1])).toEqual([
      'https://legal.example.test/legal/tos/feed.xml',
      'https://legal.example.test/legal/tos/2024-01-01/',
      'https://legal.example.test/legal/tos/2023-01-01/',
    ]);
    expect(feed).toContain('<link href="https://legal.example.test/legal/terms/2024-01-01/"/>');
    expect(feed).toContain('<link rel="self" href="https://legal.example.test/legal/terms/feed.xml"/>');
  });

  it('should keep feed entry ids of a document never renamed as its version URLs', () => {
    const plain = buildSiteModel([{ ...entry, formerIds: undefined }], [{ document: 'terms', effective: '2023-01-01', frontmatter: {} }], '2025-06-01', '/');
    expect(atomFeed(plain, { title: 'T', subtitle: 'S', selfUrl: 'https://x.test/terms/feed.xml', pageUrl: 'https://x.test/terms/', company: 'P', site: 'https://x.test', base: '/' }))
      .toContain('<id>https://x.test/terms/2023-01-01/</id>');
  });

  it('should list former ids in the API, and answer the old API address with the same index and where it moved', () => {
    expect(documentsIndex(documents, [], where).documents[0]!.formerIds).toEqual(['terms-of-service', 'tos']);
    const index = documentIndex(documents[0]!, new Map(), [], where);
    const moved = movedDocumentIndex(index, where);
    expect(Object.keys(moved).slice(0, 4)).toEqual(['$schema', 'schemaVersion', 'asOf', 'movedTo']);
    expect(moved.movedTo).toBe('https://legal.example.test/legal/api/terms.json');
    const { movedTo: _, ...rest } = moved;
    expect(rest).toEqual(index);
  });
});
