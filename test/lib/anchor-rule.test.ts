/**
 * The anchor rule (issue 5): pinned, well-formed, unique anchors and usable former anchors.
 */
import { describe, expect, it } from 'vitest';
import { checkFiles, cookieVersion, only, registry, version } from './rule-sources.ts';

const base = { 'documents.yaml': registry(), 'cookie-notice/2024-01-01.mdx': cookieVersion };
const anchorDiagnostics = (body: string, frontmatter = 'material: false') =>
  only(checkFiles({ ...base, 'privacy-statement/2022-03-31.mdx': version(frontmatter, body) }), 'anchor-');

describe('anchor rule', () => {
  it('should accept versions whose h2 and h3 headings all pin well-formed, unique anchors', () => {
    expect(anchorDiagnostics('## One {#one}\n\n### Two {#two}\n\n#### Three\n\nText.')).toEqual([]);
  });

  it('should report an h2 or h3 without a pinned anchor with its line and the github-slugger id to pin', () => {
    const found = anchorDiagnostics('## One {#one}\n\n### What are Prodsmart’s rights?\n\nText.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/privacy-statement/2022-03-31.mdx', line: 7, ruleId: 'anchor-missing', severity: 'error' });
    expect(found[0]!.message).toBe('The heading "What are Prodsmart’s rights?" has no pinned anchor. Pin one so that links survive a change of its text: `### What are Prodsmart’s rights? {#what-are-prodsmarts-rights}`.');
  });

  it('should not require a pinned anchor on h4 headings', () => {
    expect(anchorDiagnostics('## One {#one}\n\n#### Detail\n\nText.')).toEqual([]);
  });

  it('should report an anchor used twice in a version, naming the first line', () => {
    const found = anchorDiagnostics('## One {#one}\n\nA.\n\n## Again {#one}\n\nB.');
    expect(found.map((d) => [d.ruleId, d.line])).toEqual([['anchor-duplicate', 9]]);
    expect(found[0]!.message).toContain('The anchor "one" is already used by the heading on line 5.');
  });

  it('should report an anchor that is not kebab-case', () => {
    const found = anchorDiagnostics('## One {#One_Section}\n\nA.');
    expect(found.map((d) => d.ruleId)).toEqual(['anchor-malformed']);
    // The id the editor wrote, made kebab-case (not the heading's slug): that is the anchor they meant.
    expect(found[0]!.message).toContain('{#one-section}');
  });

  it('should report an anchor the page itself uses', () => {
    expect(anchorDiagnostics('## Main {#main}\n\nA.').map((d) => d.ruleId)).toEqual(['anchor-reserved']);
  });

  it('should accept a former anchor that points at a section of the version', () => {
    expect(anchorDiagnostics('## Keeping data {#keeping-data}\n\nA.', 'material: false\nformerAnchors:\n  data-retention: keeping-data')).toEqual([]);
  });

  it('should report a former anchor whose section does not exist, on the line that declares it', () => {
    const found = anchorDiagnostics('## Keeping data {#keeping-data}\n\nA.', 'material: false\nformerAnchors:\n  data-retention: kept-data');
    expect(found.map((d) => [d.ruleId, d.line])).toEqual([['anchor-former-target', 4]]);
    expect(found[0]!.message).toContain('"data-retention" points to "kept-data", which no heading of this version has. Use one of this version\'s anchors: keeping-data.');
  });

  it('should report a former anchor that is still the anchor of a heading', () => {
    const found = anchorDiagnostics('## Keeping data {#keeping-data}\n\nA.\n\n## Retention {#data-retention}\n\nB.', 'material: false\nformerAnchors:\n  data-retention: keeping-data');
    expect(found.map((d) => d.ruleId)).toEqual(['anchor-former-collision']);
  });

  it('should reject a former anchor that is not kebab-case through the frontmatter schema', () => {
    const found = checkFiles({ ...base, 'privacy-statement/2022-03-31.mdx': version('material: false\nformerAnchors:\n  Old Id: one', '## One {#one}\n\nA.') });
    expect(found.map((d) => d.ruleId)).toContain('frontmatter-schema');
  });
});
