/**
 * Acceptance test on real input: the 11 versions of GitHub's Terms of Service in
 * ../shared/corpora/github-terms-of-service (GitHub-flavoured Markdown with YAML frontmatter, HTML
 * comments, raw HTML and tables), imported with `npm run import-markdown` the way a user importing
 * existing policies would, then built at as-of date 2026-11-30.
 *
 * Checks: every version page and changes page builds; the words inserted and deleted on each
 * changes page agree within 10% with `git diff --no-index --word-diff=porcelain` on the same texts
 * (whitespace, markup and typography normalised, since the diff ignores those by design); two
 * copies of a version that differ only by re-wrapping have no change. Skipped, loudly, without
 * the corpus. Never copies the corpus into the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSources } from '../../src/lib/diff/index.ts';
import { buildSite, readPage, root, sharedDir, tmp } from '../helpers/site.ts';

const corpus = join(sharedDir, 'corpora', 'github-terms-of-service');
const available = existsSync(corpus);
if (!available) {
  console.warn(`\n${'⚠'.repeat(60)}\n⚠ GITHUB TERMS ACCEPTANCE TEST SKIPPED: no corpus at ${corpus}\n${'⚠'.repeat(60)}\n`);
}
const dates = available ? readdirSync(corpus).filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f)).map((f) => f.slice(0, 10)).sort() : [];
const work = join(tmp, `github-terms-${process.pid}`);
const content = join(work, 'content');
let site = '';

describe.skipIf(!available)('GitHub Terms of Service corpus', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const imported = spawnSync(process.execPath, [join(root, 'scripts', 'import-markdown.ts'), corpus, '--document', 'github-terms', '--title', 'GitHub Terms of Service', '--out', content, '--site', 'https://docs.github.com'], { cwd: root, encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`The import failed:\n${imported.stderr}`);
    const locked = spawnSync(process.execPath, [join(root, 'scripts', 'lock.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2026-11-30' } });
    if (locked.status !== 0) throw new Error(`npm run lock failed:\n${locked.stderr}`);
    const built = buildSite(`github-terms-${process.pid}/site`, { LEGAL_CONTENT_DIR: content, LEGAL_AS_OF: '2026-11-30' });
    if (built.status !== 0) throw new Error(`The imported corpus did not build:\n${built.stderr}\n${built.stdout.slice(-3000)}`);
    site = built.outDir;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('should import all 11 versions and build every version page and every changes page', () => {
    expect(dates).toHaveLength(11);
    for (const [index, date] of dates.entries()) {
      // Read as text: the raw HTML of some versions (unclosed <TABLE>s) trips an HTML parser.
      expect(readFileSync(join(site, 'github-terms', date, 'index.html'), 'utf8'), date).toContain(`<article class="version" data-status="${index === dates.length - 1 ? 'current' : 'archived'}" data-effective="${date}">`);
      expect(existsSync(join(site, 'github-terms', date, 'blocks.json')), date).toBe(true);
      if (index === 0) continue;
      const changes = readPage(site, `/github-terms/${date}/changes/`);
      expect(changes.querySelector('.diff-stats, .diff-none'), date).not.toBeNull();
    }
    expect(readPage(site, '/github-terms/compare/').querySelectorAll('select[name="from"] option')).toHaveLength(11);
  });

  it('should count words inserted and deleted within 10% of git diff --word-diff on the same texts', () => {
    const rows: string[] = [];
    for (let k = 1; k < dates.length; k++) {
      const page = readPage(site, `/github-terms/${dates[k]}/changes/`);
      const stat = (name: string) => Number(page.querySelector(`[data-stat="${name}"] dd`)?.textContent ?? 0);
      const ours = { inserted: stat('words-inserted'), deleted: stat('words-deleted') };
      const git = gitWordCounts(readFileSync(join(corpus, `${dates[k - 1]}.md`), 'utf8'), readFileSync(join(corpus, `${dates[k]}.md`), 'utf8'));
      rows.push(`${dates[k - 1]} → ${dates[k]}: inserted ${ours.inserted} (git ${git.inserted}), deleted ${ours.deleted} (git ${git.deleted})`);
      for (const side of ['inserted', 'deleted'] as const) {
        expect(Math.abs(ours[side] - git[side]), `${rows.at(-1)}: ${side}`).toBeLessThanOrEqual(Math.max(0.1 * git[side], 2));
      }
    }
    console.log(`Word counts against git diff --word-diff:\n  ${rows.join('\n  ')}`);
  });

  it('should report no change between two copies of a version that differ only by re-wrapping', () => {
    for (const date of dates) {
      const text = readFileSync(join(content, 'github-terms', `${date}.md`), 'utf8');
      const rewrapped = rewrap(text, 60);
      expect(rewrapped, date).not.toBe(text);
      expect(diffSources({ text, format: 'md' }, { text: rewrapped, format: 'md' }).changes, date).toEqual([]);
    }
  });
});

/**
 * Words inserted and deleted by `git diff --no-index --word-diff=porcelain`, on texts with the
 * frontmatter removed and what the diff ignores by design normalised away: whitespace, HTML tags
 * and comments, `&nbsp;`, emphasis markers, list and heading markers, curly quotes and dashes.
 * A word is a whitespace-separated string with a letter or digit, as in the diff's statistics.
 */
function gitWordCounts(before: string, after: string): { inserted: number; deleted: number } {
  const normalise = (text: string) =>
    text
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/[*_]+/g, '')
      .replace(/^[ \t]*(#{1,6}|\d+\.|[-+])[ \t]+/gm, '')
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n') + '\n';
  mkdirSync(join(work, 'git'), { recursive: true });
  const [a, b] = [join(work, 'git', 'a.txt'), join(work, 'git', 'b.txt')];
  writeFileSync(a, normalise(before));
  writeFileSync(b, normalise(after));
  const out = spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', '--word-diff-regex=[^[:space:]]+', a, b], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  let inserted = 0;
  let deleted = 0;
  for (const line of out.split('\n').slice(5)) {
    const words = line.slice(1).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (line.startsWith('+')) inserted += words;
    else if (line.startsWith('-')) deleted += words;
  }
  return { inserted, deleted };
}

/**
 * Re-wrap the prose lines of a Markdown file at `width` columns and add trailing spaces, leaving
 * alone what wrapping would change: frontmatter, headings, tables, HTML, code, and breaks before a
 * word that could start a block (a list marker, a number).
 */
function rewrap(text: string, width: number): string {
  let frontmatter = false;
  let fence = false;
  return text
    .split('\n')
    .flatMap((line, index) => {
      if (index === 0 && line === '---') frontmatter = true;
      else if (frontmatter && line === '---') return (frontmatter = false), [line];
      if (frontmatter) return [line];
      if (/^\s*```/.test(line)) fence = !fence;
      if (fence || line.length <= width || /^\s*(#|\||<|>|```)/.test(line) || line.includes('|') || /<[A-Za-z/]/.test(line) || /\s\s$/.test(line)) return [line];
      const indent = /^(\s*(?:[-*+]|\d+[.)])?\s*)/.exec(line)![1]!;
      const words = line.slice(indent.length).split(' ');
      const out: string[] = [];
      let current = indent + words.shift()!;
      for (const word of words) {
        if (current.length + word.length + 1 > width && /^[A-Za-z]/.test(word) && word !== '') {
          out.push(`${current}   `);
          current = ' '.repeat(indent.length) + word;
        } else current += ` ${word}`;
      }
      return [...out, current];
    })
    .join('\n');
}
