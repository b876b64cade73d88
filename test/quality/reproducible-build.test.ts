/**
 * Reproducible builds: building the same content at the same as-of date twice gives byte-identical
 * sites, search index included. Both builds run here, one after the other (not against the shared
 * fixture site built minutes earlier: in a working tree that is being edited, the sources may have
 * changed since).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite, fixtureAsOf, fixtureContent } from '../helpers/site.ts';

/** Every file of a site folder with the SHA-256 of its bytes, by relative path. */
function fingerprint(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

const env = { LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: fixtureAsOf };
const runs = [buildSite(`reproducible-a-${process.pid}`, env), buildSite(`reproducible-b-${process.pid}`, env)];
afterAll(() => runs.forEach((run) => rmSync(run.outDir, { recursive: true, force: true })));

test('two builds of the same content at the same as-of date are byte-identical, search index included', () => {
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
  const [first, again] = runs.map((run) => fingerprint(run.outDir)) as [Record<string, string>, Record<string, string>];
  expect(Object.keys(first).some((file) => file.startsWith('pagefind/')) || !Object.keys(first).includes('search/index.html')).toBe(true);
  const differing = Object.keys({ ...first, ...again }).filter((file) => first[file] !== again[file]);
  expect(differing).toEqual([]);
});
