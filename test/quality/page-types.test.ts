/**
 * The table of page types the quality checks run over: types whose page exists are found (also by
 * discovery), and a missing core type is an error rather than a silent skip.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { tmp } from '../helpers/site.ts';
import { pageTypesIn } from './page-types.ts';

const dir = join(tmp, `page-types-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function site(files: string[]): string {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '<!doctype html>');
  }
  return dir;
}

const core = ['index.html', 'privacy-statement/index.html', 'privacy-statement/2023-01-15/index.html', 'privacy-statement/2025-09-01/index.html', 'privacy-statement/history/index.html', '404.html'];

describe('pageTypesIn', () => {
  test('fails naming each core page type that is missing', () => {
    expect(() => pageTypesIn(site(core.filter((f) => !f.includes('history') && f !== '404.html')))).toThrow(/history \(privacy-statement\/history\/index.html\), 404 \(404.html\)/);
  });

  test('finds pages of the newer types by their example path or by discovery', () => {
    const found = pageTypesIn(site([...core, 'terms-of-use/2024-01-01/changes/index.html', 'go/contact/index.html', 'search/index.html']));
    expect(found.map((t) => `${t.name} ${t.path}`)).toEqual([
      'home /', 'current /privacy-statement/', 'archived /privacy-statement/2023-01-15/', 'upcoming /privacy-statement/2025-09-01/',
      'history /privacy-statement/history/', '404 /no-such-page/', 'changes /terms-of-use/2024-01-01/changes/', 'search /search/', 'go /go/contact/',
    ]);
  });

  test('finds every page type in the fixture site', () => {
    expect(pageTypesIn(inject('fixtureSite')).map((t) => t.name)).toEqual(['home', 'current', 'archived', 'upcoming', 'history', '404', 'changes', 'compare', 'corrections', 'search', 'go', 'moved']);
  });
});
