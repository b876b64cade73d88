/**
 * The build and the editors' safety rules (issue 6): no half-published site, unsafe content never
 * reaches the output, and the content components and corrections render.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { buildSite, readPage, text, tmp, writeContent } from '../helpers/site.ts';
import { lockFor } from '../lib/editor-sources.ts';

const previousSite = inject('fixtureSite');
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const registry = 'documents:\n  - id: terms\n    title: Terms\n    kind: terms\n    description: The rules.\n';
const safeVersion = `---
material: false
corrections:
  - date: 2024-03-05
    reason: Fixes a typo in the address.
    changed:
      - from: "1 Markt Street"
        to: "1 Market Street"
  - date: 2024-02-10
    reason: Corrects a broken link.
    changed:
      - from: "[contact section](#contact)"
        to: "[contact section](#contact-us)"
---

Read the [contact section](#contact-us).

## Definitions {#definitions}

<Definition term="Personal data">
Information that identifies a person.
</Definition>

<Notice title="Important">
This applies to **everyone**.
</Notice>

## Contact us {#contact-us}

<Address>
Fixture Co\\
1 Market Street
</Address>
`;


/** A copy of the shared fixture site standing in for the previous `dist/`. */
function previousDist(name: string): string {
  const out = join(tmp, `${name}-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  cpSync(previousSite, out, { recursive: true });
  cleanup.push(out);
  return out;
}

const leftovers = (name: string) => readdirSync(tmp).filter((entry) => entry.startsWith(`.build-${name}`));

describe('a failed build', () => {
  it('should stop at the check on unsafe content, leaving the previous site and the content untouched', () => {
    const out = previousDist('editor-dist-check');
    const content = writeContent(`editor-unsafe-${process.pid}`, { 'documents.yaml': registry, 'terms/2024-01-01.mdx': '---\nmaterial: false\n---\n\n## Hi {#hi}\n\n<script>alert(document.cookie)</script>\n' });
    cleanup.push(content);
    const [siteBefore, contentBefore] = [folderHashes(out), folderHashes(content)];
    const run = buildSite(relative(tmp, out), { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2024-06-01' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/terms\/2024-01-01\.mdx:7:1: error: `<script>` is not allowed in legal text: it runs code\..*\[safe-mdx-element\]/);
    expect(run.stderr).toContain('nothing was built');
    expect(folderHashes(out)).toEqual(siteBefore);
    expect(folderHashes(content)).toEqual(contentBefore);
    expect(leftovers(relative(tmp, out))).toEqual([]);
  });

  it('should leave the previous site intact when Astro fails after the check passed, and remove its staging folder', () => {
    const out = previousDist('editor-dist-astro');
    const files = { 'documents.yaml': registry, 'terms/2024-01-01.mdx': safeVersion };
    const content = writeContent(`editor-astro-fail-${process.pid}`, { ...files, 'versions.lock': lockFor(files, '2024-06-01') });
    cleanup.push(content);
    const [siteBefore, contentBefore] = [folderHashes(out), folderHashes(content)];
    // An invalid site URL passes the content check but makes Astro's config validation fail.
    const run = buildSite(relative(tmp, out), { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2024-06-01', LEGAL_SITE: 'not a url' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The build failed');
    expect(folderHashes(out)).toEqual(siteBefore);
    expect(folderHashes(content)).toEqual(contentBefore);
    expect(leftovers(relative(tmp, out))).toEqual([]);
  });
});

describe('a version with content components and corrections', () => {
  const files = { 'documents.yaml': registry, 'terms/2024-01-01.mdx': safeVersion };
  const content = writeContent(`editor-components-${process.pid}`, { ...files, 'versions.lock': lockFor(files, '2024-06-01') });
  const run = buildSite(`editor-components-${process.pid}`, { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2024-06-01' });
  cleanup.push(content, run.outDir);

  it('should build', () => {
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
  });

  it('should render <Notice>, <Definition> and <Address> without any import', () => {
    const body = readPage(run.outDir, '/terms/').querySelector('.version__body')!;
    const notice = body.querySelector('.content-notice[role="note"]');
    expect(text(notice?.querySelector('.content-notice__title'))).toBe('Important');
    expect(text(notice)).toContain('This applies to everyone.');
    expect(notice!.querySelectorAll('p > strong').map((s) => s.textContent)).toEqual(['Important', 'everyone']);
    expect(text(body.querySelector('dl.content-definition dt dfn'))).toBe('Personal data');
    expect(text(body.querySelector('dl.content-definition dd'))).toBe('Information that identifies a person.');
    expect(body.querySelector('address.content-address br')).not.toBeNull();
    expect(body.querySelectorAll('script')).toHaveLength(0);
  });

  it('should say "Corrected on <date>: <reason>" oldest first on the version page and the history, with last updated following the latest', () => {
    const page = readPage(run.outDir, '/terms/2024-01-01/');
    expect(page.querySelectorAll('.version__header .corrections__item').map((li) => text(li))).toEqual([
      'Corrected on February 10, 2024: Corrects a broken link. What this correction changed on February 10, 2024',
      'Corrected on March 5, 2024: Fixes a typo in the address. What this correction changed on March 5, 2024',
    ]);
    expect(page.querySelectorAll('.corrections__redline').map((a) => a.getAttribute('href'))).toEqual(['/terms/2024-01-01/corrections/#correction-2', '/terms/2024-01-01/corrections/#correction-1']);
    expect(page.querySelectorAll('.version__dates time').map((t) => t.getAttribute('datetime'))).toEqual(['2024-01-01', '2024-03-05']);
    const history = readPage(run.outDir, '/terms/history/');
    expect(history.querySelectorAll('.history__item .corrections__item').map((li) => text(li).replace(/ What this correction changed.*/, ''))).toEqual([
      'Corrected on February 10, 2024: Corrects a broken link.',
      'Corrected on March 5, 2024: Fixes a typo in the address.',
    ]);
    expect(text(history.querySelector('.history__dates'))).toContain('Last updated March 5, 2024.');
  });

  it('should publish each correction as a redline of exactly what it changed, at the anchor the version page links', () => {
    const page = readPage(run.outDir, '/terms/2024-01-01/corrections/');
    const typo = page.querySelector('#correction-1')!;
    expect(text(typo.querySelector('h2'))).toBe('Corrected on March 5, 2024');
    expect(typo.querySelectorAll('.redline del').map((d) => text(d))).toEqual(['[deleted: Markt]']);
    expect(typo.querySelectorAll('.redline ins').map((i) => text(i))).toEqual(['[inserted: Market]']);
    expect(text(typo.querySelector('.diff-section h3'))).toBe('Contact us');
    const link = page.querySelector('#correction-2')!;
    expect(link.querySelectorAll('.redline del').map((d) => text(d))).toEqual(['[deleted: (link to #contact)]']);
    expect(link.querySelectorAll('.redline ins').map((i) => text(i))).toEqual(['[inserted: (link to #contact-us)]']);
    // Ids stay unique with several diffs on one page.
    const ids = page.querySelectorAll('[id]').map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
