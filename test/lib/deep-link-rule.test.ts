/**
 * The deep-link rule (issue 5): every key resolves in the current and upcoming versions of its
 * document; archived versions keep their own anchors.
 */
import { describe, expect, it } from 'vitest';
import { readDeepLinks } from '../../src/lib/site/deep-links.ts';
import { checkFiles, cookieVersion, firstVersion, only, registry, version } from './rule-sources.ts';

const upcoming = version('summary: Renames a section.\nmaterial: false', '## What we collect {#information-we-collect}\n\nNames.\n\n## Get in touch {#get-in-touch}\n\nWrite to us.');
const files = (links: string, extra: Record<string, string> = {}) => ({
  'documents.yaml': registry(),
  'links.yaml': links,
  'privacy-statement/2022-03-31.mdx': firstVersion,
  'cookie-notice/2024-01-01.mdx': cookieVersion,
  ...extra,
});

describe('deep-link rule', () => {
  it('should accept links to a document and to anchors its current version has', () => {
    expect(only(checkFiles(files('about-box: privacy-statement\nprivacy-contact: privacy-statement#contact-us\ncookie-settings: cookie-notice#cookies\n')), 'deep-link')).toEqual([]);
  });

  it('should fail naming key, document, anchor and version when the current version lacks the anchor', () => {
    const found = only(checkFiles(files('about-box: privacy-statement\nprivacy-rights: privacy-statement#your-rights\n')), 'deep-link');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/links.yaml', line: 2, ruleId: 'deep-link-anchor', severity: 'error' });
    expect(found[0]!.message).toBe('The deep link "privacy-rights" points to privacy-statement#your-rights, but the current version 2022-03-31 (content/privacy-statement/2022-03-31.mdx) has no anchor "your-rights". Pin {#your-rights} on the section, declare it under formerAnchors if the section was renamed, or point "privacy-rights" at another section. Anchors there: privacy-statement#information-we-collect, privacy-statement#contact-us.');
  });

  it('should fail when an upcoming version lacks the anchor, before the change takes effect', () => {
    const found = only(checkFiles(files('privacy-contact: privacy-statement#contact-us\n', { 'privacy-statement/2025-09-01.mdx': upcoming })), 'deep-link');
    expect(found.map((d) => d.ruleId)).toEqual(['deep-link-anchor']);
    expect(found[0]!.message).toContain('but the upcoming version 2025-09-01 (content/privacy-statement/2025-09-01.mdx) has no anchor "contact-us"');
  });

  it('should not check archived versions: they keep their own anchors', () => {
    expect(only(checkFiles(files('privacy-contact: privacy-statement#get-in-touch\n', { 'privacy-statement/2025-09-01.mdx': upcoming }), '2025-10-01'), 'deep-link')).toEqual([]);
  });

  it('should accept a link to a former anchor of a renamed section with a warning naming the new anchor', () => {
    const renamed = version('summary: Renames a section.\nmaterial: false\nformerAnchors:\n  contact-us: get-in-touch', '## What we collect {#information-we-collect}\n\nNames.\n\n## Get in touch {#get-in-touch}\n\nWrite to us.');
    const found = only(checkFiles(files('privacy-contact: privacy-statement#contact-us\n', { 'privacy-statement/2025-09-01.mdx': renamed })), 'deep-link');
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['deep-link-former-anchor', 'warning']]);
    expect(found[0]!.message).toContain('write `privacy-contact: privacy-statement#get-in-touch`');
  });

  it('should report a link to a document that is not in the registry', () => {
    const found = only(checkFiles(files('terms: terms-of-use#acceptable-use\n')), 'deep-link');
    expect(found.map((d) => d.ruleId)).toEqual(['deep-link-document']);
    expect(found[0]!.message).toContain('Use one of: privacy-statement, cookie-notice.');
  });

  it('should report malformed keys and targets with their lines', () => {
    const read = readDeepLinks('content/links.yaml', 'ok: privacy-statement\nNot_Kebab: privacy-statement\nbad-target: privacy statement#x\nempty:\n');
    expect(read.links.map((l) => [l.key, l.document, l.anchor, l.line])).toEqual([['ok', 'privacy-statement', undefined, 1]]);
    expect(read.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['deep-link-schema', 2], ['deep-link-schema', 3], ['deep-link-schema', 4]]);
    // An empty value is YAML's null: the message said "points to null", which an editor never wrote.
    expect(read.diagnostics[2]!.message).toBe('The deep link "empty" has no target after its colon. Write `empty: document` or `empty: document#anchor`, e.g. `empty: privacy-statement#your-rights`.');
  });

  it('should report YAML syntax errors and a file that is not a map', () => {
    expect(readDeepLinks('l', 'a: [\n').diagnostics[0]!.ruleId).toBe('deep-link-yaml');
    expect(readDeepLinks('l', '- a\n- b\n').diagnostics[0]!.message).toContain('must be a list of `key: document#anchor` lines');
  });

  it('should reserve document ids that would shadow the site\'s own routes', () => {
    const reg = registry().replace('id: cookie-notice', 'id: go').replace('cookie-notice', 'go');
    const found = checkFiles({ 'documents.yaml': reg, 'privacy-statement/2022-03-31.mdx': firstVersion, 'go/2024-01-01.mdx': cookieVersion });
    expect(found.map((d) => d.ruleId)).toContain('document-id-reserved');
  });
});
