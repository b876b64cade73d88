/**
 * The diff pages of the fixture site (privacy-statement: 2023-01-15, 2024-03-01, 2025-09-01;
 * as of 2025-06-01): changes pages, compare page, blocks data, history statistics, banner links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { diffBlocks } from '../../src/lib/diff/diff-blocks.ts';
import { unpackBlocks } from '../../src/lib/diff/pack.ts';
import { readPage, text } from '../helpers/site.ts';

const site = inject('fixtureSite');

describe('changes pages', () => {
  it('should build a changes page for every version but the first', () => {
    expect(existsSync(join(site, 'privacy-statement/2024-03-01/changes/index.html'))).toBe(true);
    expect(existsSync(join(site, 'privacy-statement/2025-09-01/changes/index.html'))).toBe(true);
    expect(existsSync(join(site, 'privacy-statement/2023-01-15/changes'))).toBe(false);
    expect(existsSync(join(site, 'terms-of-use/2023-06-01/changes'))).toBe(false);
  });

  it('should print the statistics and the changed sections at the top, linking to each section of the diff', () => {
    const page = readPage(site, '/privacy-statement/2024-03-01/changes/');
    expect(text(page.querySelector('h1'))).toBe('Changes to Privacy Statement');
    const stats = Object.fromEntries(page.querySelectorAll('.diff-stats__item').map((item) => [item.getAttribute('data-stat'), text(item.querySelector('dd'))]));
    expect(stats).toEqual({
      'sections-changed': '2', 'sections-added': '1', 'sections-removed': '0', 'words-inserted': '26', 'words-deleted': '7', 'blocks-moved': '0', 'formatting-changes': '0', 'headings-that-changed-level': '0',
    });
    const toc = page.querySelectorAll('.diff-toc a');
    expect(toc.map((a) => [text(a), a.getAttribute('href')])).toEqual([
      ['What we collect', '#section-information-we-collect'],
      ['How we use information', '#section-how-we-use-information'],
      ['Data retention', '#section-data-retention'],
    ]);
    for (const a of toc) expect(page.querySelector(a.getAttribute('href')!), a.getAttribute('href')!).not.toBeNull();
  });

  it('should show a changed paragraph as an inline redline with hidden "inserted"/"deleted" words for screen readers', () => {
    const page = readPage(site, '/privacy-statement/2024-03-01/changes/');
    const section = page.querySelector('#section-how-we-use-information')!.parentNode!;
    const inline = section.querySelector('.redline--inline')!;
    expect(text(inline)).toBe('We use information to provide [inserted: and improve] the services. [deleted: The obsolete walrus provision applies only here.]');
    expect(inline.querySelectorAll('ins').map((e) => text(e.querySelector('.visually-hidden')))).toEqual(['[inserted:']);
    expect(inline.querySelectorAll('del').map((e) => text(e.querySelector('.visually-hidden')))).toEqual(['[deleted:']);
    expect(text(section.querySelector('.redline--old .redline__caption'))).toBe('Before (January 15, 2023)');
    expect(text(section.querySelector('.redline--old > div'))).toBe('We use information to provide the services. [deleted: The obsolete walrus provision applies only here.]');
    expect(text(section.querySelector('.redline--new > div'))).toBe('We use information to provide [inserted: and improve] the services.');
  });

  it('should link each change to its section in both versions', () => {
    const page = readPage(site, '/privacy-statement/2024-03-01/changes/');
    const change = page.querySelector('#change-1')!;
    expect(change.querySelectorAll('.change__links a').map((a) => a.getAttribute('href'))).toEqual([
      '/privacy-statement/2023-01-15/#information-we-collect',
      '/privacy-statement/2024-03-01/#information-we-collect',
    ]);
    const added = page.querySelector('#section-data-retention')!.parentNode!;
    expect(added.querySelectorAll('.diff-section__links a').map((a) => a.getAttribute('href'))).toEqual(['/privacy-statement/2024-03-01/#data-retention']);
    for (const href of ['/privacy-statement/2023-01-15/', '/privacy-statement/2024-03-01/']) {
      expect(readPage(site, href).querySelector('#information-we-collect')).not.toBeNull();
    }
  });

  it('should collapse unchanged sections with their count', () => {
    const page = readPage(site, '/privacy-statement/2025-09-01/changes/');
    const collapsed = page.querySelectorAll('details.diff-unchanged');
    expect(collapsed.map((d) => text(d.querySelector('summary')))).toEqual(['4 unchanged sections', '1 unchanged section']);
    expect(collapsed[0]!.querySelectorAll('a').map((a) => text(a))).toEqual(['Opening text', 'What we collect', 'How we use information', 'Data retention']);
  });

  it('should offer a side-by-side view through a labelled radio group, with the inline view checked', () => {
    const page = readPage(site, '/privacy-statement/2024-03-01/changes/');
    const group = page.querySelector('fieldset.diff-view')!;
    expect(text(group.querySelector('legend'))).toBe('Show changes');
    expect(group.querySelectorAll('label').map((l) => [text(l), l.querySelector('input')!.hasAttribute('checked')])).toEqual([
      ['Inline redline', true],
      ['Side by side', false],
    ]);
  });

  it('should keep diff pages out of the search index and load no inline script', () => {
    for (const path of ['/privacy-statement/2024-03-01/changes/', '/privacy-statement/compare/', '/privacy-statement/history/']) {
      const page = readPage(site, path);
      expect(page.querySelector('main > [data-pagefind-ignore="all"]'), path).not.toBeNull();
      expect(page.querySelectorAll('script:not([src])').filter((s) => s.getAttribute('type') !== 'application/ld+json'), path).toEqual([]);
    }
  });
});

describe('compare page and blocks data', () => {
  it('should offer every version in two labelled selects, the current one compared with the one before by default', () => {
    const page = readPage(site, '/privacy-statement/compare/');
    const from = page.querySelector('select[name="from"]')!;
    const to = page.querySelector('select[name="to"]')!;
    expect(text(from.parentNode)).toContain('Earlier version');
    expect(from.querySelectorAll('option').map((o) => o.getAttribute('value'))).toEqual(['2025-09-01', '2024-03-01', '2023-01-15']);
    expect(from.querySelector('option[selected]')!.getAttribute('value')).toBe('2023-01-15');
    expect(to.querySelector('option[selected]')!.getAttribute('value')).toBe('2024-03-01');
    expect(page.querySelector('script[type="module"][src^="/_astro/"]')).not.toBeNull();
    expect(page.querySelectorAll('.compare__consecutive a').map((a) => a.getAttribute('href'))).toEqual([
      '/privacy-statement/2025-09-01/changes/',
      '/privacy-statement/2024-03-01/changes/',
    ]);
  });

  it('should ship one blocks.json per version from which the browser gets the same diff as the changes page', () => {
    const blocks = (date: string) => unpackBlocks(JSON.parse(readFileSync(join(site, 'privacy-statement', date, 'blocks.json'), 'utf8')));
    const diff = diffBlocks(blocks('2023-01-15'), blocks('2024-03-01'));
    expect(diff.stats).toMatchObject({ sectionsChanged: 2, sectionsAdded: 1, wordsInserted: 26, wordsDeleted: 7 });
    expect(existsSync(join(site, 'terms-of-use/compare'))).toBe(false);
  });
});

describe('history and banners', () => {
  it('should print each version\'s statistics on the history page with a link to its changes', () => {
    const page = readPage(site, '/privacy-statement/history/');
    const stats = page.querySelectorAll('.history__stats');
    expect(stats.map((p) => p.querySelector('a')!.getAttribute('href'))).toEqual(['/privacy-statement/2025-09-01/changes/', '/privacy-statement/2024-03-01/changes/']);
    expect(text(stats[1])).toBe('What changed in the version effective March 1, 2024: 2 sections changed, 1 added, 0 removed · 26 words inserted, 7 deleted');
  });

  it('should link a version page to its changes, except the first version', () => {
    expect(readPage(site, '/privacy-statement/').querySelector('.version__meta a[href="/privacy-statement/2024-03-01/changes/"]')).not.toBeNull();
    expect(readPage(site, '/privacy-statement/2023-01-15/').querySelectorAll('a[href*="/changes/"]')).toHaveLength(0);
  });

  it('should link the upcoming version\'s page to its changes, once, under its title', () => {
    const page = readPage(site, '/privacy-statement/2025-09-01/');
    expect(page.querySelector('.version__meta')!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/privacy-statement/2025-09-01/changes/');
    expect(page.querySelectorAll('a[href="/privacy-statement/2025-09-01/changes/"]')).toHaveLength(1);
  });
});
