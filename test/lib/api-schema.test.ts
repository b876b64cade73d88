/**
 * The JSON API's contract (issue 16, "Apps"): the builders' output satisfies the zod schemas, the JSON Schema
 * published from them (checked with Ajv, draft 2020-12) accepts that output and refuses drift, each file names
 * its schema in `$schema`, and per-document JSON carries its description, feed URL and deep links, each with
 * its section's title.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { apiSchemaUrl, documentIndex, documentsIndex, movedDocumentIndex } from '../../src/lib/site/api-index.ts';
import { apiDocumentIndexSchema, apiDocumentsIndexSchema, apiJsonSchema } from '../../src/lib/site/api-schema.ts';
import { resolveDeepLink } from '../../src/lib/site/deep-links.ts';
import { buildSiteModel } from '../../src/lib/site/site-model.ts';

const where = { site: 'https://legal.example.test', base: '/legal/', asOf: '2025-06-01' };
const entry = { id: 'terms', title: 'Terms', kind: 'terms' as const, description: 'The rules.', formerIds: ['tos'] };
const documents = buildSiteModel([entry], [
  { document: 'terms', effective: '2023-01-01', frontmatter: {} },
  { document: 'terms', effective: '2024-01-01', frontmatter: { summary: 'Adds accounts.', material: true, corrections: [{ date: '2024-02-01', reason: 'Fixes a typo.' }] } },
  { document: 'terms', effective: '2025-09-01', frontmatter: { published: '2025-05-01', material: true } },
], where.asOf, where.base);
const terms = documents[0]!;
const sections = [{ id: 'acceptable-use', text: 'Acceptable use' }];
const links = [
  resolveDeepLink({ key: 'rules', anchor: 'acceptable-use' }, terms, sections, {}),
  resolveDeepLink({ key: 'about-box', anchor: undefined }, terms, sections, {}),
];
const anchors = new Map(terms.versions.map((v) => [v.effective, { anchors: [{ id: 'acceptable-use', text: 'Acceptable use', depth: 2 }], former: {} }]));
const all = documentsIndex(documents, links, where);
const one = documentIndex(terms, anchors, links, where);

/** The published schemas, compiled the way an app would (Ajv, strict mode, JSON Schema 2020-12). */
function validators() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  return { documents: ajv.compile(apiJsonSchema('documents', apiSchemaUrl('documents', where))), document: ajv.compile(apiJsonSchema('document', apiSchemaUrl('document', where))) };
}

describe('the API schema', () => {
  it('should name each file its published schema in $schema', () => {
    expect(all.$schema).toBe('https://legal.example.test/legal/api/schema/documents.json');
    expect(one.$schema).toBe('https://legal.example.test/legal/api/schema/document.json');
    expect(apiJsonSchema('document', one.$schema)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: one.$schema, type: 'object' });
  });

  it('should accept what the builders make, in zod and in the published JSON Schema', () => {
    expect(apiDocumentsIndexSchema.parse(all)).toEqual(all);
    expect(apiDocumentIndexSchema.parse(one)).toEqual(one);
    const moved = movedDocumentIndex(one, where);
    const { documents: checkAll, document: checkOne } = validators();
    expect(checkAll(JSON.parse(JSON.stringify(all))), JSON.stringify(checkAll.errors)).toBe(true);
    expect(checkOne(JSON.parse(JSON.stringify(one))), JSON.stringify(checkOne.errors)).toBe(true);
    expect(checkOne(JSON.parse(JSON.stringify(moved))), JSON.stringify(checkOne.errors)).toBe(true);
  });

  it('should refuse a field the schema does not name, a missing field and a malformed date', () => {
    const { documents: checkAll, document: checkOne } = validators();
    expect(checkAll({ ...all, extra: 1 })).toBe(false);
    expect(() => apiDocumentsIndexSchema.parse({ ...all, extra: 1 })).toThrow();
    const { feedUrl: _, ...withoutFeed } = one;
    expect(checkOne(withoutFeed)).toBe(false);
    expect(checkOne({ ...one, asOf: '1 June 2025' })).toBe(false);
    expect(() => apiDocumentIndexSchema.parse({ ...one, asOf: '2025-02-30' })).toThrow();
  });

  it("should give per-document JSON the document's description, feed URL and deep links", () => {
    expect(one).toMatchObject({ description: 'The rules.', feedUrl: 'https://legal.example.test/legal/terms/feed.xml' });
    expect(one.deepLinks).toEqual(all.documents[0]!.deepLinks);
  });

  it("should give each deep link its section's title, or the document's for the top", () => {
    expect(one.deepLinks).toEqual([
      { key: 'about-box', anchor: null, title: 'Terms', url: 'https://legal.example.test/legal/go/about-box/', target: 'https://legal.example.test/legal/terms/' },
      { key: 'rules', anchor: 'acceptable-use', title: 'Acceptable use', url: 'https://legal.example.test/legal/go/rules/', target: 'https://legal.example.test/legal/terms/#acceptable-use' },
    ]);
  });
});
