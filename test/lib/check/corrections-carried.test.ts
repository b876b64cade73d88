/**
 * Rule `correction-not-carried` (issue 13, "Notice"): a correction to a published version that the
 * upcoming version, copied before it, does not have.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content-check.ts';
import { asOf, lockFor, sourcesOf, version } from '../editor-sources.ts';

const registry = 'documents:\n  - id: privacy-statement\n    title: Privacy Statement\n    kind: statement\n    description: How we handle personal data.\n';
const body = (address: string) => `## Contact us {#contact-us}\n\nWrite to us at Rua do ${address}, Porto.\n\n## Your rights {#your-rights}\n\nAsk us.`;
const corrected = version('material: false\ncorrections:\n  - date: 2025-05-01\n    reason: Fixes a typo in the address.\n    changed:\n      - from: "Rua do Adress"\n        to: "Rua do Address"', body('Address'));
const upcoming = (text: string, effective = '2025-09-01') => ({ [`privacy-statement/${effective}.mdx`]: version('summary: Adds a right.\nmaterial: false', text) });

function check(files: Record<string, string>, at = asOf) {
  const all = { 'documents.yaml': registry, 'privacy-statement/2024-01-01.mdx': corrected, ...files };
  return checkContent(sourcesOf({ ...all, 'versions.lock': lockFor(all, at) }), at).diagnostics;
}
const carried = (files: Record<string, string>, at = asOf) => check(files, at).filter((d) => d.ruleId === 'correction-not-carried');

describe('a correction not carried over to the upcoming version', () => {
  it('should be a warning at the old text, naming the correction and the replacement to make', () => {
    const diagnostics = check(upcoming(`${body('Adress')}\n\nAnd more.`));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = diagnostics.filter((d) => d.ruleId === 'correction-not-carried');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/privacy-statement/2025-09-01.mdx', line: 8, column: 16, severity: 'warning' });
    expect(found[0]!.message).toContain('The version before this one (content/privacy-statement/2024-01-01.mdx) was corrected on 2025-05-01 ("Fixes a typo in the address.")');
    expect(found[0]!.message).toContain('Carry the correction over: replace "Rua do Adress" with "Rua do Address" here');
  });

  it('should say nothing when the upcoming version has the corrected text, or rewrote the passage', () => {
    expect(carried(upcoming(body('Address')))).toEqual([]);
    expect(carried(upcoming(body('Alegria')))).toEqual([]);
  });

  it('should say nothing about a version already in effect: its text is the record', () => {
    expect(carried(upcoming(body('Adress'), '2025-05-20'), '2025-06-01')).toEqual([]);
  });

  it('should be gone once the editor does what it says, for any correction of any word', () => {
    const words = ['Porto', 'Rua', 'Address', 'us', 'at', 'Write', 'Ask', 'rights', 'contact'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.stringMatching(/^[A-Za-z]{3,9}$/), fc.integer({ min: 0, max: 3 }), (word, replacement, extra) => {
        const old = `${body('Address')}\n\n${'Other text. '.repeat(extra)}`.trim();
        const from = `${word}`;
        if (old.split(from).length !== 2 || old.includes(replacement) || replacement.includes(word) || word.includes(replacement)) return;
        const now = old.replace(from, replacement);
        const fixed = version(`material: false\ncorrections:\n  - date: 2025-05-01\n    reason: Fixes a word.\n    changed:\n      - from: ${JSON.stringify(from)}\n        to: ${JSON.stringify(replacement)}`, now);
        const files = (text: string) => ({ 'privacy-statement/2024-01-01.mdx': fixed, ...upcoming(text) });
        const found = carried(files(old));
        expect(found).toHaveLength(1);
        const [, to] = /replace "(?:[^"\\]|\\.)*" with "((?:[^"\\]|\\.)*)"/.exec(found[0]!.message)!;
        expect(carried(files(old.replace(from, JSON.parse(`"${to}"`))))).toEqual([]);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
