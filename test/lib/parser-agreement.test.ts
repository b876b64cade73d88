/**
 * The analysis parses with Sätteri (docs/decisions/0009); before, it parsed with remark. On real
 * inputs both must give the same blocks (what diffs and search compare) and the same anchors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../../src/lib/content/anchors.ts';
import { flattenBlocks } from '../../src/lib/diff/index.ts';
import { parseVersionSource, parseWithRemark, type SourceFormat } from '../../src/lib/content/version-source.ts';
import { root, sharedDir } from '../helpers/site.ts';

const githubTerms = join(sharedDir, 'corpora', 'github-terms-of-service');
if (!existsSync(githubTerms)) {
  console.warn(`\n${'⚠'.repeat(60)}\n⚠ PARSER AGREEMENT ON THE GITHUB TERMS SKIPPED: no corpus at ${githubTerms}\n${'⚠'.repeat(60)}\n`);
}

/** Every version file under a folder (one level of document folders, or the files themselves). */
function versionFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|\/)\d{4}-\d{2}-\d{2}\.mdx?$/.test(path))
    .map((path) => join(folder, path))
    .sort();
}

const inputs = [...versionFiles(join(root, 'content')), ...versionFiles(githubTerms), ...versionFiles(join(root, 'test', 'fixtures', 'corpus'))];

describe('Sätteri and remark agree on real versions', () => {
  it('should have real inputs to compare', () => {
    expect(inputs.some((path) => path.includes(join(root, 'content')))).toBe(true);
  });

  it.each(inputs.map((path) => [path.slice(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1), path]))('%s: same blocks and anchors', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const format: SourceFormat = path.endsWith('.mdx') ? 'mdx' : 'md';
    const satteri = parseVersionSource(text, format);
    // remark knows no heading attributes: give it the text without `{#anchor}` (same length, so places agree),
    // and the anchors Sätteri read, by line. Test scaffolding only: the site parses the text as written.
    const anchors = new Map<number, string>();
    const blanked = text.split('\n').map((line, index) => {
      const match = /^(\s{0,3}#{1,6}[ \t]+.*?)[ \t]+\{#([^\s{}]+)\}[ \t]*$/.exec(line);
      if (!match) return line;
      anchors.set(index + 1, match[2]!);
      return match[1]! + ' '.repeat(line.length - match[1]!.length);
    }).join('\n');
    const remark = parseWithRemark(blanked, format);
    for (const node of remark.children) {
      if (node.type === 'heading' && anchors.has(node.position!.start.line)) node.data = { anchor: anchors.get(node.position!.start.line)! };
    }
    expect(flattenBlocks(satteri)).toEqual(flattenBlocks(remark));
    expect(headingAnchors(satteri)).toEqual(headingAnchors(remark));
  });
});
