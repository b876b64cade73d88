/**
 * How alike two blocks' texts are, to pair a changed block with its old self and to spot a block
 * that moved with small edits.
 */

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Text of ASCII characters only: its letters and digits are [A-Za-z0-9]. */
const ASCII = /^[\x00-\x7f]*$/;

/** The words of a text as a multiset: lower-cased letter/digit runs and their counts. */
export type WordBag = Map<string, number>;

/**
 * Build the word bag of a text.
 *
 * @param key A block's wording key (see normalise.ts).
 * @returns Word (lower case) to number of occurrences.
 */
export function wordBag(key: string): WordBag {
  const bag: WordBag = new Map();
  // ASCII text has the same words by a plain character class, which is several times faster.
  const ascii = ASCII.test(key);
  const unspaced = !ascii && UNSPACED.test(key);
  for (const word of key.toLowerCase().split(ascii ? /[^a-z0-9]+/ : /[^\p{L}\p{N}\p{M}]+/u)) {
    if (word === '') continue;
    // Scripts written without spaces count character by character (a cheap stand-in for their words).
    if (unspaced && UNSPACED.test(word)) for (const part of word) bag.set(part, (bag.get(part) ?? 0) + 1);
    else bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

/**
 * Number of words in a bag.
 *
 * @param bag A word bag.
 */
export function bagSize(bag: WordBag): number {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
}

/**
 * Dice's coefficient of two word multisets: twice the shared words over the total words.
 * Source: L. R. Dice, "Measures of the amount of ecologic association between species" (1945).
 *
 * @param a Word bag of one text.
 * @param b Word bag of the other.
 * @param sizeA `bagSize(a)`, precomputed. @param sizeB `bagSize(b)`, precomputed.
 * @returns 0 (no word in common) to 1 (same words, same counts); 1 for two empty texts.
 */
export function dice(a: WordBag, b: WordBag, sizeA = bagSize(a), sizeB = bagSize(b)): number {
  if (sizeA + sizeB === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [word, count] of small) shared += Math.min(count, large.get(word) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}
