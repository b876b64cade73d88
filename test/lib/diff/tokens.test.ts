/**
 * The diff's fast paths give what the general code gives: the word bag of ASCII text, and the fast
 * tokenizer for Latin text (latinSegments), which cuts exactly where Intl.Segmenter does, on
 * random texts of its alphabet and on every real text at hand (issue 12, "Speed": fast, never a
 * different redline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinSegments, tokenize } from '../../../src/lib/diff/tokens.ts';
import { root } from '../../helpers/site.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** Segments as the tokenizer sees them: whitespace as one `␣` per run, words marked `*`. */
function bySegmenter(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike && /^\s+$/u.test(segment)) {
      if (out.at(-1) !== '␣') out.push('␣');
    } else out.push(`${segment}${isWordLike ? '*' : ''}`);
  }
  return out;
}
function byLatin(text: string): string[] | undefined {
  const out: string[] = [];
  const handled = latinSegments(text, (segment, word) => {
    if (segment === undefined) {
      if (out.at(-1) !== '␣') out.push('␣');
    } else out.push(`${segment}${word ? '*' : ''}`);
  });
  return handled ? out : undefined;
}

const alphabet = [...'abcXYZ019_ \u00a0\n\t\r.,;:\'"!?()-/$%&@#*+=[]{}<>|~^`’‘“”—–…§¶•©®™°«»→éçÀÿ'];
const shared = join(root, '..', 'shared');

describe('latinSegments', () => {
  it('should cut any text of its alphabet as Intl.Segmenter does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
      expect(byLatin(text)).toEqual(bySegmenter(text));
    }), { numRuns: 20_000, seed: 12 });
  });

  it('should leave any other text to Intl.Segmenter, emitting nothing', () => {
    for (const text of ['a\u202fb', 'ºa', 'a·b', '日本語', 'naïve\u00adty', 'x\u200dy', 'ŁÓDŹ']) {
      let emitted = 0;
      expect(latinSegments(text, () => emitted++), text).toBe(false);
      expect(emitted).toBe(0);
    }
  });

  it('should cut every line of the real texts as Intl.Segmenter does', (context) => {
    const dirs = ['corpora/github-terms-of-service', 'corpora/mozilla-accounts-privacy-notice', 'seed'].map((d) => join(shared, d));
    if (!dirs.some(existsSync)) {
      console.warn(`\n⚠ SKIPPED: no real texts at ${shared}: the tokenizer is held to the segmenter on random texts only.\n`);
      context.skip();
    }
    let lines = 0;
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of dirs.filter(existsSync).flatMap(walk)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const fast = byLatin(line);
        if (fast === undefined) continue;
        lines++;
        expect(fast, `${file}: ${line.slice(0, 80)}`).toEqual(bySegmenter(line));
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});

describe('wordBag', () => {
  it('should find the same words in ASCII text by its fast path as by Unicode classes', async () => {
    const { wordBag } = await import('../../../src/lib/diff/similarity.ts');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'aB9 _-.,\'"é\n') }), (text) => {
      const ascii = text.replaceAll('é', '');
      const expected = new Map<string, number>();
      for (const word of ascii.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u)) if (word) expected.set(word, (expected.get(word) ?? 0) + 1);
      expect(wordBag(ascii)).toEqual(expected);
    }), { numRuns: 2000, seed: 12 });
  });
});

describe('tokenize', () => {
  /** The tokens Intl.Segmenter alone gives for one run of text (the tokenizer before its fast paths). */
  function bySegmenterOnly(text: string) {
    const tokens: { text: string; space: boolean; wordLike: boolean }[] = [];
    let space = false;
    for (const { segment, isWordLike } of segmenter.segment(text)) {
      if (!isWordLike && /^\s+$/u.test(segment)) space = true;
      else {
        tokens.push({ text: segment, space: space && tokens.length > 0, wordLike: isWordLike ?? false });
        space = false;
      }
    }
    return tokens;
  }
  const mixed = [...alphabet, '🔱', '☞', '\u0301', '\u00a0', '\u200d', '\u00ad', '日', '本', '👍🏽', '\ufe0f', 'ª', '·', '\u2028', '🇩', '🇪', '🄰', '\u202f', '\u2060', ' \u0301'];

  it('should give the tokens of Intl.Segmenter alone for text mixing Latin with emoji, marks and other scripts', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...mixed), { maxLength: 60 }).map((chars) => chars.join('')), (text) => {
      expect(tokenize([{ text }])).toEqual(bySegmenterOnly(text));
    }), { numRuns: 20_000, seed: 12 });
  });

  it('should give the tokens of Intl.Segmenter alone for every line of the real texts, every language', (context) => {
    const dirs = ['corpora/github-terms-of-service', 'corpora/mozilla-accounts-privacy-notice', 'seed'].map((d) => join(shared, d)).filter(existsSync);
    if (dirs.length === 0) {
      console.warn(`\n⚠ SKIPPED: no real texts at ${shared}.\n`);
      context.skip();
    }
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of dirs.flatMap(walk)) {
      const text = readFileSync(file, 'utf8');
      expect(tokenize([{ text }]), file).toEqual(bySegmenterOnly(text));
    }
  });
});
