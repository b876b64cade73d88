import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readPage, sharedDir, text } from '../helpers/site.ts';

const site = inject('realSite');
const anchors = [
  'information-we-collect', 'information-you-provide', 'information-we-obtain', 'information-from-other-parties',
  'how-we-use-information', 'how-we-disclose-information', 'how-we-protect-data', 'your-rights', 'data-retention',
  'international-transfers', 'marketing-and-advertising', 'public-display', 'changes-to-this-statement', 'contact-us',
  'questions-or-concerns', 'california-privacy-rights',
];

describe('the real privacy statement', () => {
  const page = readPage(site, '/privacy-statement/');

  it('should say "Effective March 31, 2022" under the title', () => {
    expect(text(page.querySelector('h1'))).toBe('Privacy Statement');
    const effective = page.querySelector('.version__dates time');
    expect(effective?.getAttribute('datetime')).toBe('2022-03-31');
    expect(text(page.querySelector('.version__dates'))).toContain('Effective March 31, 2022');
  });

  it('should give every section its pinned anchor, listed in the table of contents', () => {
    for (const anchor of anchors) expect(page.querySelector(`h2#${anchor}, h3#${anchor}`), anchor).not.toBeNull();
    expect(page.querySelectorAll('.toc a').map((a) => a.getAttribute('href'))).toEqual(anchors.map((a) => `#${a}`));
  });

  it('should carry the whole statement, structured, without the website chrome', () => {
    const body = page.querySelector('.version__body')!;
    expect(body.querySelectorAll('ul').length).toBeGreaterThanOrEqual(7);
    expect(body.querySelectorAll('a[href="mailto:hello@prodsmart.com"]').length).toBe(5);
    expect(text(body)).toContain('San Francisco, CA 94102');
    expect(text(body)).toMatch(/^Welcome, and thank you for choosing Prodsmart This privacy statement/);
    expect(text(body)).not.toMatch(/cookie settings accept all|privacy overview|sign in|effective date:/i);
  });

  it('should keep every word of the scraped seed, in order', (context) => {
    const seedPath = join(sharedDir, 'seed', '000_0a64891a5c9a904d.txt');
    let seed: string;
    try {
      seed = readFileSync(seedPath, 'utf8');
    } catch {
      console.warn(`\n⚠⚠⚠ SKIPPED: ${seedPath} is absent, the seed comparison did not run ⚠⚠⚠\n`);
      context.skip();
      return;
    }
    const body = seed.slice(seed.indexOf('\n', seed.indexOf('effective date:')), seed.indexOf('this website uses cookies'));
    const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
    const rendered = page.querySelector('.version__body')!.querySelectorAll('p, li, h2, h3').map((e) => text(e.clone() as never)).join(' ');
    expect(words(rendered.replace(/Link to this section#/g, ''))).toEqual(words(body));
  });

  it('should list its one version on the history page', () => {
    const history = readPage(site, '/privacy-statement/history/');
    const items = history.querySelectorAll('.history__item');
    expect(items.map((i) => i.getAttribute('data-effective'))).toEqual(['2022-03-31']);
    expect(items[0]!.getAttribute('data-status')).toBe('current');
  });
});
