import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';
import { searchAttributes, versionRank } from '../../src/lib/site/search-index.ts';
import { holdsPhrase, inForceFirst, phraseWords, sectionsToList } from '../../src/lib/site/search-order.ts';

/** Results of several documents: ids `<document>:<rank>`, shuffled into any relevance order. */
const rankedResults = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 })
  .chain((sizes) => {
    const ids = sizes.flatMap((size, document) => Array.from({ length: size }, (_, rank) => `${document}:${rank}`));
    return fc.tuple(fc.constant(sizes), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }));
  });
const documentOf = (id: string) => id.split(':')[0]!;
const rankOf = (id: string) => Number(id.split(':')[1]);

describe('the order of search results', () => {
  it('should put the version in force first among its document\'s results, whatever Pagefind ranked first', () => {
    expect(inForceFirst(['a:2', 'b:0', 'a:1', 'a:0'], [['a:0', 'a:1', 'a:2']])).toEqual(['a:0', 'b:0', 'a:1', 'a:2']);
  });

  it('should keep the places each document earned and fill them in version order, for any ranking', () => {
    fc.assert(fc.property(rankedResults, ([sizes, relevance]) => {
      const lists = sizes.map((size, document) => Array.from({ length: size }, (_, rank) => `${document}:${rank}`));
      const ordered = inForceFirst(relevance, lists);
      expect([...ordered].sort()).toEqual([...relevance].sort());
      expect(ordered.map(documentOf)).toEqual(relevance.map(documentOf));
      for (const document of new Set(relevance.map(documentOf))) {
        const ranks = ordered.filter((id) => documentOf(id) === document).map(rankOf);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }
    }));
  });

  it('should leave results of documents it has no list for where they are, and ignore listed ids that are not results', () => {
    expect(inForceFirst(['b:0', 'a:1'], [['a:0', 'a:1']])).toEqual(['b:0', 'a:1']);
  });
});

describe('the rank of a version among its document\'s results', () => {
  const entries = [{ id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'd' }];
  const dates = ['2021-01-01', '2022-01-01', '2023-01-01', '2025-09-01', '2026-01-01'];
  const [statement] = buildSiteModel(entries, dates.map((effective, i) => ({ document: 'privacy-statement', effective, frontmatter: i === 0 ? {} : { summary: 's', material: true } })), '2024-06-01', '/');
  const rank = (effective: string) => versionRank(statement!, statement!.versions.find((v) => v.effective === effective)!);

  it('should rank the version in force first, then upcoming ones soonest first, then archived ones newest first', () => {
    expect(dates.map(rank)).toEqual([4, 3, 0, 1, 2]);
  });

  it('should tag each indexed version with its rank as the Pagefind sort key `version`', () => {
    const archived = searchAttributes(statement!, statement!.versions.find((v) => v.effective === '2021-01-01')!);
    expect(archived['data-pagefind-sort']).toBe('version[data-search-rank]');
    expect(archived['data-search-rank']).toBe('4');
  });
});

describe('the sections listed under a result', () => {
  const section = (name: string, ...locations: number[]) => ({ name, locations });

  it('should see a phrase in as many matched words in a row as it has words', () => {
    expect(holdsPhrase(section('s', 4, 9, 10), 2)).toBe(true);
    expect(holdsPhrase(section('s', 4, 6, 8, 10), 2)).toBe(false);
    expect(holdsPhrase(section('s', 3), 1)).toBe(true);
    expect(phraseWords(' "lantern  harbour" ')).toBe(2);
  });

  it('should list the section holding the phrase even when three others hold more of its words', () => {
    const sections = [section('lanterns', 8, 10, 14, 18), section('harbours', 25, 27, 31, 35), section('both', 45, 48, 52, 56, 59), section('location', 66, 67), section('contact', 70)];
    expect(sectionsToList(sections, 2).map((s) => s.name)).toEqual(['lanterns', 'both', 'location']);
  });

  it('should always list every section holding the phrase up to the most, and never more than needed otherwise', () => {
    const sections = fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }).map((l) => [...new Set(l)].sort((a, b) => a - b)), { maxLength: 10 });
    fc.assert(fc.property(sections, fc.integer({ min: 1, max: 3 }), (all, words) => {
      const list = all.map((locations, i) => ({ name: String(i), locations }));
      const shown = sectionsToList(list, words);
      const phrase = list.filter((s) => holdsPhrase(s, words));
      expect(shown.length).toBe(Math.min(list.length, Math.max(3, Math.min(phrase.length, 6))));
      if (phrase.length <= 6) for (const s of phrase) expect(shown).toContain(s);
      expect(shown).toEqual(list.filter((s) => shown.includes(s))); // in the order of the page
    }));
  });
});
