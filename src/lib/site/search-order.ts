/**
 * The order of search results and of the sections listed under each (README "Search").
 *
 * Pagefind ranks every page on its own (term frequency, page length, weights), so an archived version
 * that is shorter, or says the term more often, outranks the text in force, and an upcoming version
 * with the same passage can too. The search page therefore re-orders Pagefind's results: each
 * document keeps the places its results earned, and fills them in version order (the version in
 * force first, src/lib/site/search-index.ts `versionRank`). Under a result, the sections that hold
 * the searched phrase are listed before sections that only mention its words.
 */

/**
 * Put each document's versions in version order, in the places its results hold.
 *
 * @param relevance Result ids as Pagefind ranked them, best first.
 * @param byDocument For each document with two or more results, its result ids in version order
 *   (Pagefind's `sort` on `versionRank`). Ids in no list, and ids of a list that are not in
 *   `relevance`, are left where they are (resp. ignored).
 * @returns The same ids, re-ordered: the set of places each document holds is unchanged, and within
 *   those places its results follow the order of its list.
 */
export function inForceFirst(relevance: readonly string[], byDocument: readonly (readonly string[])[]): string[] {
  const present = new Set(relevance);
  const queueOf = new Map<string, string[]>();
  for (const list of byDocument) {
    const queue = list.filter((id) => present.has(id));
    for (const id of queue) queueOf.set(id, queue);
  }
  return relevance.map((id) => queueOf.get(id)?.shift() ?? id);
}

/** A section under a result, as Pagefind gives it: `locations` are the word positions of its hits. */
export interface SectionHits {
  /** Word positions in the page of the words that matched, ascending. */
  locations: readonly number[];
}

/**
 * Whether a section holds the searched phrase: as many matched words in a row as the phrase has words.
 * Pagefind reports where each matched word is (its position in the page's text), not which query word
 * it matched, so two words of the phrase in a row stand for the phrase (a one-word search: any hit).
 *
 * @param section The section's hits.
 * @param words The number of words of the search (`phraseWords`).
 */
export function holdsPhrase(section: SectionHits, words: number): boolean {
  if (words <= 1) return section.locations.length > 0;
  const at = new Set(section.locations);
  return section.locations.some((start) => Array.from({ length: words }, (_, i) => start + i).every((position) => at.has(position)));
}

/**
 * The words of a search as Pagefind splits them (on white space; quotes ask for an exact phrase).
 *
 * @param term The search as typed, e.g. `"california rights"`.
 * @returns The number of words, 0 for a blank search.
 */
export function phraseWords(term: string): number {
  return term.replace(/"/g, ' ').split(/\s+/).filter((word) => word !== '').length;
}

/**
 * The sections to list under a result: every section that holds the phrase (at most `most`), then
 * the sections with the most hits up to `least` in all; listed in the order of the page.
 *
 * @param sections The result's sections, in the order of the page (Pagefind's `sub_results`
 *   without the page itself).
 * @param words The number of words of the search.
 * @param least Sections to list when enough have hits (Pagefind lists 3).
 * @param most Sections to list at most, however many hold the phrase.
 * @returns A subsequence of `sections`.
 */
export function sectionsToList<T extends SectionHits>(sections: readonly T[], words: number, least = 3, most = 6): T[] {
  const phrase = sections.filter((section) => holdsPhrase(section, words));
  const chosen = new Set<T>(rankByHits(phrase).slice(0, most));
  for (const section of rankByHits(sections)) {
    if (chosen.size >= least) break;
    chosen.add(section);
  }
  return sections.filter((section) => chosen.has(section));
}

/** Sections with the most hits first; a tie keeps the order of the page. */
function rankByHits<T extends SectionHits>(sections: readonly T[]): T[] {
  return [...sections].sort((a, b) => b.locations.length - a.locations.length);
}
