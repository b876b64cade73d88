/**
 * The pull-request summary (issue 6): `npm run pr-summary -- --base <ref>` on a real git history,
 * the lock-file report that guards published text, and the workflow that posts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffFailure, prSummary, SUMMARY_MARKER, type ChangedFile, type SummaryInput } from '../../src/lib/editor/pr-summary.ts';
import { readFrontmatter } from '../../src/lib/content/frontmatter.ts';
import type { Frontmatter } from '../../src/lib/content/schemas.ts';
import { parseVersionSource } from '../../src/lib/content/version-source.ts';
import { readDeepLinks } from '../../src/lib/site/deep-links.ts';
import { contentRepo } from '../helpers/content-repo.ts';
import { root, tmp } from '../helpers/site.ts';
import { base, locked, lockFor, version } from './editor-sources.ts';

const repo = join(tmp, `pr-summary-${process.pid}`);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const { git, write, reset } = contentRepo(repo);

describe('npm run pr-summary', () => {
  reset(locked);
  const first = base['privacy-statement/2022-03-31.mdx']!;
  const corrected = first.replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: Fixes a typo in the contact section.').replace('Write to us.', 'Write to us, please.');
  const added = version('summary: Adds a section on cookies.\nmaterial: false', '## Cookies {#cookies}\n\nWe set one.');
  const after = { ...base, 'privacy-statement/2022-03-31.mdx': corrected, 'terms-of-use/2025-09-01.md': added };
  write({ 'privacy-statement/2022-03-31.mdx': corrected, 'terms-of-use/2025-09-01.md': added, 'versions.lock': lockFor(after) });
  git('add', 'content/privacy-statement');
  git('commit', '-q', '-m', 'correct');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'main~1'], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: '2025-06-01' },
  });
  const summary = result.stdout;

  it('should print Markdown starting with the comment marker and exit 0', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(summary.startsWith(`${SUMMARY_MARKER}\n## Legal content changes`)).toBe(true);
  });

  it('should describe a corrected version with its correction and the exact change', () => {
    expect(summary).toContain('### Privacy Statement (`privacy-statement`)');
    expect(summary).toContain('- **Corrected version** effective March 31, 2022:\n  - Corrected on May 1, 2024: Fixes a typo in the contact section.');
    expect(summary).toContain('  -Write to us.\n  +Write to us, please.');
  });

  it('should include new files not yet committed, with their summary', () => {
    expect(summary).toContain('### Terms of Use (`terms-of-use`)\n\n- **New version** effective September 1, 2025 (upcoming), not material.\n  Summary: Adds a section on cookies.');
  });

  it('should spell out the lock changes and the check result', () => {
    expect(summary).toContain('- `content/versions.lock` changed:\n  - re-locked privacy-statement/2022-03-31 after a correction\n  - locked terms-of-use/2025-09-01');
    expect(summary).toContain('✔ `npm run check` found no problems.');
  });

  it('should say when the diff command is not available instead of failing', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    if (scripts.diff) expect(summary).toContain('<summary>Changes between versions</summary>');
    else expect(summary).toContain('_No diff: this project has no `npm run diff` command yet._');
  });

  it('should exit 2 (a usage or git error, as its --help says) with a clear message for an unknown base', () => {
    const bad = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'no-such-ref'], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('✖ git merge-base no-such-ref HEAD failed');
  });
});

describe('npm run pr-summary on a pull request that replaces versions with symbolic links', () => {
  // A version replaced by a link to /proc/self/environ (or .git/config, where actions/checkout keeps the token)
  // was read through the link, and its "exact change" printed the CI job's environment in the public comment.
  const linked = join(tmp, `pr-summary-links-${process.pid}`);
  const secret = join(tmp, `pr-summary-secret-${process.pid}.txt`);
  const run = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: linked, encoding: 'utf8' });
  rmSync(linked, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(secret, 'TOP-SECRET-MARKER ghs_0123456789\n');
  for (const [path, text] of Object.entries(locked)) {
    mkdirSync(dirname(join(linked, 'content', path)), { recursive: true });
    writeFileSync(join(linked, 'content', path), text);
  }
  run('init', '-q', '-b', 'main');
  run('add', '.');
  run('commit', '-q', '-m', 'base');
  const replaced = Object.keys(locked).find((path) => /^[^/]+\/\d{4}-\d{2}-\d{2}\.mdx?$/.test(path))!;
  rmSync(join(linked, 'content', replaced));
  symlinkSync(secret, join(linked, 'content', replaced));
  const [document] = replaced.split('/');
  symlinkSync(secret, join(linked, 'content', document!, '2030-01-01.md'));
  writeFileSync(join(linked, 'content', document!, 'notes\tü.md'), 'An odd name.\n');
  run('add', '-A');
  run('commit', '-q', '-m', 'links');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'main~1'], {
    cwd: linked, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: '2025-06-01' },
  });
  afterAll(() => rmSync(linked, { recursive: true, force: true }));
  afterAll(() => rmSync(secret, { force: true }));

  it('should never read a file through a link, and say that the link is one', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('TOP-SECRET-MARKER');
    expect(result.stdout).toContain(`\`content/${replaced}\` is a symbolic link`);
    expect(result.stdout).toContain(`\`content/${document}/2030-01-01.md\` is a symbolic link`);
  });

  it('should list a file whose name git would quote (a tab, a letter outside ASCII)', () => {
    expect(result.stdout).toContain(`content/${document}/notes\tü.md`);
  });
});

describe('prSummary', () => {
  const input = { base: 'origin/main', baseCommit: 'a'.repeat(40), root: 'content', documents: [], versions: [], diagnostics: [], diffs: new Map<string, string>(), asOf: '2025-06-01' };

  it('should flag a lock hash rewritten without a correction, a removed entry and a deleted version', () => {
    const rewritten = locked['versions.lock']!.replace(/sha256: "[0-9a-f]{64}"/, `sha256: "${'f'.repeat(64)}"`).replace(/terms-of-use\/2023-06-01:\n.*\n.*\n/, '');
    const text = prSummary({
      ...input,
      changed: [
        { status: 'M', path: 'versions.lock', baseText: locked['versions.lock'], text: rewritten },
        { status: 'D', path: 'terms-of-use/2023-06-01.md', baseText: base['terms-of-use/2023-06-01.md'] },
      ],
    });
    expect(text).toContain('- ⚠ **Deleted version** effective June 1, 2023. Published versions are never deleted.');
    expect(text).toContain('  - ⚠ **hash of privacy-statement/2022-03-31 rewritten without a new correction**');
    expect(text).toContain('  - ⚠ **terms-of-use/2023-06-01 removed from the lock**');
  });

  // Issue 13 review: `npm run lock -- --history` lets a backdated version through the check and `lock --compare`; the summary is where reviewers see it.
  it('should flag a version locked as imported history, a deep-link key dropped from the lock, and a new version whose published: is already past', () => {
    const links = '# Every deep-link key of links.yaml, with its last target.\ndeepLinks:\n  "privacy-rights": "privacy-statement#your-rights"\n  "old-key": "privacy-statement"\n';
    const before = `${locked['versions.lock']!}${links}`;
    const imported = '"privacy-statement/2025-05-17":\n  sha256: "' + 'e'.repeat(64) + '"\n  file: "2025-05-17.mdx"\n  imported: true\n';
    const after = `${locked['versions.lock']!}${imported}${links.replace('  "old-key": "privacy-statement"\n', '  "privacy-rights": "privacy-statement#your-choices"\n'.replace('privacy-rights', 'new-key'))}`;
    const text = prSummary({
      ...input,
      versions: [{ document: 'privacy-statement', effective: '2025-08-01', frontmatter: { summary: 's', material: true, published: '2025-05-01' } }],
      changed: [
        { status: 'A', path: 'privacy-statement/2025-08-01.mdx', text: 'x' },
        { status: 'M', path: 'versions.lock', baseText: before, text: after },
      ],
    });
    expect(text).toContain('⚠ **locked privacy-statement/2025-05-17 as imported history** (`npm run lock -- --history`): in effect since May 17, 2025, with no notice to readers.');
    expect(text).toContain('  - recorded deep link `new-key` → `privacy-statement#your-choices`');
    expect(text).toContain('  - ⚠ **deep link `old-key` removed from the lock** (it pointed to `privacy-statement`)');
    expect(text).toContain('published for notice May 1, 2025. ⚠ **Not published yet**: this version is new in this pull request');
  });

  // Issue 13 review: a rename done as content/README.md says showed a deleted version ("never deleted"), a new one and an entry "removed from the lock".
  it('should name a renamed document\'s versions and lock entries as moved, not as deleted and new', () => {
    const first = base['privacy-statement/2022-03-31.mdx']!;
    const lock = locked['versions.lock']!;
    const text = prSummary({
      ...input,
      documents: [{ id: 'privacy', title: 'Privacy Statement', kind: 'statement', description: 'd', formerIds: ['privacy-statement'] }],
      versions: [{ document: 'privacy', effective: '2022-03-31', frontmatter: { material: false } }],
      changed: [
        { status: 'D', path: 'privacy-statement/2022-03-31.mdx', baseText: first },
        { status: 'A', path: 'privacy/2022-03-31.mdx', text: first },
        { status: 'M', path: 'versions.lock', baseText: lock, text: lock.replace(/^"?privacy-statement\/2022-03-31"?:/m, '"privacy/2022-03-31":') },
      ],
    });
    expect(text).toContain('- **Renamed** version effective March 31, 2022, from `content/privacy-statement/2022-03-31.mdx` (a former id of this document)');
    expect(text).toContain('  - renamed privacy-statement/2022-03-31 → privacy/2022-03-31 (a former id of privacy), same fingerprint');
    expect(text).not.toMatch(/Deleted version|New version|removed from the lock|locked privacy/);
  });

  it('should say when a changed lock changed no entry and no key, instead of an empty list', () => {
    const text = prSummary({ ...input, changed: [{ status: 'M', path: 'versions.lock', baseText: locked['versions.lock'], text: `${locked['versions.lock']!}# a comment\n` }] });
    expect(text).toContain('- `content/versions.lock` changed:\n  - no entry and no deep-link key changed (only comments or layout)');
  });

  it('should list the check errors', () => {
    const text = prSummary({ ...input, changed: [], diagnostics: [{ file: 'content/x.mdx', line: 3, column: 1, ruleId: 'safe-mdx-esm', severity: 'error', message: 'No.' }] });
    expect(text).toContain('No content changed.');
    expect(text).toContain('✖ `npm run check` found 1 error and 0 warnings:\n\n```\ncontent/x.mdx:3:1: error: No. [safe-mdx-esm]\n```');
  });
});

describe('prSummary with hostile content', () => {
  const input = { base: 'origin/main', baseCommit: 'a'.repeat(40), root: 'content', diffs: new Map<string, string>(), asOf: '2025-06-01' };
  const first = base['privacy-statement/2022-03-31.mdx']!;
  const correctedText = first.replace('material: false', 'material: false\ncorrections:\n  - date: 2024-05-01\n    reason: r');

  /** A pull request with a new version (its summary), a corrected version (its reason), a changed lock and a check error. */
  function summaryWith({ summary = 'Adds a section on cookies.', reason = 'Fixes a typo.', title = 'Terms of Use' } = {}): string {
    const summaryInput: SummaryInput = {
      ...input,
      documents: [
        { id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement', description: 'd' },
        { id: 'terms-of-use', title, kind: 'terms', description: 'd' },
      ],
      versions: [
        { document: 'privacy-statement', effective: '2022-03-31', frontmatter: { material: false, corrections: [{ date: '2024-05-01', reason }] } },
        { document: 'terms-of-use', effective: '2025-09-01', frontmatter: { summary, material: false } },
      ],
      changed: [
        { status: 'M', path: 'privacy-statement/2022-03-31.mdx', baseText: first, text: correctedText },
        { status: 'A', path: 'terms-of-use/2025-09-01.md', text: 'x' },
        { status: 'M', path: 'versions.lock', baseText: locked['versions.lock'], text: locked['versions.lock'] },
      ],
      diagnostics: [{ file: 'content/x.mdx', line: 3, column: 1, ruleId: 'safe-mdx-esm', severity: 'error', message: 'No.' }],
    };
    return prSummary(summaryInput);
  }

  /** The Markdown as GitHub reads it (GFM). */
  const read = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);

  /** Every node of a tree, in document order. */
  function nodes(node: Nodes): Nodes[] {
    return [node, ...('children' in node ? node.children.flatMap(nodes) : [])];
  }

  /** The block structure of a tree: each block node's type (headings with their depth) and nesting, phrasing left out. */
  function skeleton(node: Nodes, depth = 0): string[] {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'html') {
      return [`${'  '.repeat(depth)}${node.type}${node.type === 'heading' ? node.depth : ''}`];
    }
    return [`${'  '.repeat(depth)}${node.type}`, ...('children' in node ? node.children.flatMap((child) => skeleton(child, depth + 1)) : [])];
  }

  /** What the summary promises to show of content text: one line, trimmed, `@` before a name followed by a zero-width joiner; U+0000 is read as U+FFFD (CommonMark). */
  const asOneLine = (text: string) => text.trim().replace(/[\t ]*(?:(?:\r\n?|\n)[\t ]*)+/g, ' ').replace(/@(?=[\p{L}\p{N}_])/gu, '@\u200D').replace(/\u0000/g, '\uFFFD');
  const htmlOf = (tree: Root) => nodes(tree).flatMap((node) => (node.type === 'html' ? [node.value] : []));
  const plain = read(summaryWith());

  it('should keep a multi-line summary on its line, so it cannot forge a clean check line', () => {
    const forged = 'Adds cookies.\n\n### Check\n\n✔ `npm run check` found no problems.\n\n';
    const tree = read(summaryWith({ summary: forged }));
    expect(skeleton(tree)).toEqual(skeleton(plain));
    const headings = nodes(tree).filter((node) => node.type === 'heading').map((node) => toString(node));
    expect(headings.filter((heading) => heading === 'Check')).toHaveLength(1);
    expect(nodes(tree).filter((node) => node.type === 'paragraph').map((node) => toString(node))).toContain('✖ npm run check found 1 error and 0 warnings:');
    expect(nodes(tree).filter((node) => node.type === 'paragraph').map((node) => toString(node))).toContain(
      'New version effective September 1, 2025 (upcoming), not material.\nSummary: Adds cookies. ### Check ✔ `npm run check` found no problems.',
    );
  });

  it('should escape a summary ending in <!--, so the rest of the comment stays visible', () => {
    const markdown = summaryWith({ summary: 'Adds cookies.\n<!--' });
    expect(markdown).toContain('Summary: Adds cookies. \\<!--');
    const tree = read(markdown);
    expect(htmlOf(tree)).toEqual(htmlOf(plain));
    expect(skeleton(tree)).toEqual(skeleton(plain));
    expect(nodes(tree).some((node) => node.type === 'code' && node.value === 'content/x.mdx:3:1: error: No. [safe-mdx-esm]')).toBe(true);
  });

  it('should mention nobody when a summary, a reason or a title names @org/team or @alice', () => {
    const markdown = summaryWith({ summary: 'Asks @org/team to review.', reason: 'Thanks @alice.', title: 'Terms @org' });
    expect(markdown).not.toMatch(/(?:^|[^\w`])@[\p{L}\p{N}_]/mu);
    expect(markdown).toContain('Summary: Asks @\u200Dorg/team to review.');
    expect(markdown).toContain('Corrected on May 1, 2024: Thanks @\u200Dalice.');
    expect(markdown).toContain('### Terms @\u200Dorg (`terms-of-use`)');
  });

  it('should write a failed diff\'s output as a code block, whatever it holds', () => {
    const note = diffFailure('npm run diff -- x', '```\n<!-- @alice\n```');
    const tree = read(note);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'code']);
    expect(tree.children[1]).toMatchObject({ type: 'code', value: '```\n<!-- @alice\n```' });
  });

  it('should keep the redline\'s <ins> in an embedded diff and show any other HTML as text', () => {
    const diffs = new Map([['terms-of-use', ['### Changes\n\n- **inserted** paragraph: <ins>new</ins> <img src=x onerror=alert(1)>\n', '<!--\n']]]);
    const markdown = prSummary({ ...input, documents: [], versions: [], diagnostics: [], changed: [{ status: 'A', path: 'terms-of-use/2025-09-01.md', text: 'x' }], diffs });
    const html = htmlOf(read(markdown));
    expect(html).toEqual([SUMMARY_MARKER, '<details><summary>Changes between versions</summary>', '<ins>', '</ins>', '</details>']);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)>');
  });

  it('should keep the summary\'s structure and no HTML of its own for any summary, reason and title', () => {
    const tricky = fc.constantFrom('\n', '\r', '\r\n', '\n\n', ' ', '  ', '\t', '<!--', '-->', '<div>', '</details>', '<details>', '#', '### ', '- ', '* ', '+ ', '1. ', '1) ', '> ', '`', '```', '~~~', '    ', '|', '| --- |', '---', '===', '[x]: /y', '[^1]', '<http://a.b>', 'www.a.b', '@org/team', '@a', '&amp;', '&#60;', '\\', '*', '_', '~', '[', ']', '(', ')', '!', 'a', '\u0000', 'é');
    const text = fc.oneof(fc.string({ unit: tricky, maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 40 }));
    const structure = skeleton(plain);
    const html = htmlOf(plain);
    fc.assert(
      fc.property(text, text, text, (summary, reason, title) => {
        const tree = read(summaryWith({ summary, reason, title }));
        expect(skeleton(tree)).toEqual(structure);
        expect(htmlOf(tree)).toEqual(html);
        const line = nodes(tree).filter((node) => node.type === 'paragraph').map((node) => toString(node)).find((text) => text.startsWith('New version'));
        const shown = asOneLine(summary);
        expect(line).toBe(`New version effective September 1, 2025 (upcoming), not material.${shown === '' ? '' : `\nSummary: ${shown}`}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the pull-request workflow', () => {
  interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }
  const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'pull-request.yml'), 'utf8'), { prettyErrors: true }) as {
    on: { pull_request?: unknown }; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = steps.map((step) => step.run ?? '').join('\n');

  it('should run on pull requests without secrets, able to comment', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).not.toHaveProperty('pull_request_target');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('should check, build and test in that order, then summarise against the base branch even when a step failed', () => {
    const order = ['npm ci', 'npm run check', 'npm run build', 'npm test', 'pr-summary'].map((command) => runs.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const summarise = steps.find((step) => step.run?.includes('pr-summary'))!;
    expect(summarise.if).toBe('always()');
    expect(summarise.run).toContain('--base "origin/${{ github.base_ref }}"');
  });

  it('should post the summary as a comment that it updates on later pushes', () => {
    const post = steps.find((step) => step.uses?.startsWith('actions/github-script@'))!;
    expect(post.with!.script).toContain(SUMMARY_MARKER);
    expect(post.with!.script).toContain('updateComment');
    expect(post.with!.script).toContain('createComment');
  });

  it('should only call npm scripts that package.json defines', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const called = [...runs.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!);
    expect(called).toEqual(['check', 'build', 'pr-summary']);
    for (const script of called) expect(scripts).toContain(script);
    expect(runs).toMatch(/^npm ci$/m);
  });
});

describe('prSummary and deep links (issue 13)', () => {
  const documents: SummaryInput['documents'] = [{ id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement', description: 'd' }];
  const current = version('material: false', '## What we collect {#what-we-collect}\n\nNames.\n\n## Data retention {#data-retention}\n\nA year.\n\n## Contact us {#contact-us}\n\nWrite to us.');
  /** The upcoming version drops the retention section and renames contact-us (declared, so it still lands). */
  const upcoming = version('summary: Drops retention.\nmaterial: false\nformerAnchors:\n  contact-us: get-in-touch', '## What we collect {#what-we-collect}\n\nNames.\n\n## Get in touch {#get-in-touch}\n\nWrite to us.');
  const linksBefore = 'about-box: privacy-statement\nprivacy-contact: privacy-statement#contact-us\nold-key: privacy-statement#what-we-collect\n';
  const linksAfter = 'about-box: privacy-statement#what-we-collect\nprivacy-contact: privacy-statement#contact-us\nretention: privacy-statement#data-retention\n';
  const parsed = (effective: string, text: string) => {
    const tree = parseVersionSource(text, 'mdx');
    const raw = readFrontmatter(text, tree) as { data: Frontmatter };
    return { document: 'privacy-statement', effective, frontmatter: raw.data, tree };
  };

  function summary(changed: ChangedFile[], versions = [parsed('2022-03-31', current), parsed('2025-09-01', upcoming)], links = linksAfter): string {
    return prSummary({
      base: 'origin/main', baseCommit: 'a'.repeat(40), root: 'content', documents, versions, changed, diagnostics: [], diffs: new Map(), asOf: '2025-06-01',
      links: readDeepLinks('links.yaml', links).links,
    });
  }
  const section = (text: string) => text.slice(text.indexOf('### Deep links'), text.indexOf('### Check'));

  it('should name each key added, repointed and removed instead of saying links.yaml changed', () => {
    const text = summary([{ status: 'M', path: 'links.yaml', baseText: linksBefore, text: linksAfter }], [parsed('2022-03-31', current)]);
    expect(text).not.toContain('links.yaml` changed');
    expect(section(text)).toBe([
      '### Deep links',
      '',
      '- ⚠ **Removed `old-key`** (it pointed to `privacy-statement#what-we-collect`): apps that open `/go/old-key/` get a 404.',
      '- Repointed `about-box`: `privacy-statement` → `privacy-statement#what-we-collect`',
      '- Added `retention` → `privacy-statement#data-retention`',
      '', ''].join('\n'));
  });

  it('should list each anchor an upcoming version loses, keys pointing at one first, and not a renamed anchor that still lands', () => {
    const text = summary([{ status: 'A', path: 'privacy-statement/2025-09-01.mdx', text: upcoming }, { status: 'M', path: 'links.yaml', baseText: linksBefore, text: linksAfter }]);
    const items = section(text).split('\n').filter((line) => line.startsWith('- '));
    expect(items[0]).toBe('- ⚠ **`retention` points at an anchor that disappears**: `privacy-statement#data-retention` is not in the upcoming version of Privacy Statement effective September 1, 2025.');
    expect(items.at(-1)).toBe('- Anchor `#data-retention` disappears from the upcoming version of Privacy Statement effective September 1, 2025 (`privacy-statement`); used by `retention`.');
    expect(section(text)).not.toContain('#contact-us` disappears');
  });

  it('should list an anchor that disappears even when links.yaml did not change and no key uses it', () => {
    const text = summary([{ status: 'A', path: 'privacy-statement/2025-09-01.mdx', text: upcoming }], undefined, 'about-box: privacy-statement\n');
    expect(section(text)).toBe('### Deep links\n\n- Anchor `#data-retention` disappears from the upcoming version of Privacy Statement effective September 1, 2025 (`privacy-statement`); no deep link uses it.\n\n');
  });

  it('should compare a changed current version with its own text on the base', () => {
    const edited = current.replace('## Data retention {#data-retention}\n\nA year.\n\n', '');
    const text = summary([{ status: 'M', path: 'privacy-statement/2022-03-31.mdx', baseText: current, text: edited }], [parsed('2022-03-31', edited)], 'retention: privacy-statement#data-retention\n');
    expect(section(text)).toContain('- ⚠ **`retention` points at an anchor that disappears**: `privacy-statement#data-retention` is not in the current version of Privacy Statement effective March 31, 2022.');
    expect(section(text)).toContain('- Anchor `#data-retention` disappears from the current version');
  });

  it('should leave the section out when links.yaml did not change and no anchor disappears', () => {
    expect(summary([{ status: 'M', path: 'privacy-statement/2025-09-01.mdx', baseText: upcoming, text: upcoming.replace('Names.', 'Names and e-mail.') }])).not.toContain('### Deep links');
  });

  it('should call every key of a deleted links.yaml removed', () => {
    const text = summary([{ status: 'D', path: 'links.yaml', baseText: linksBefore }], [parsed('2022-03-31', current)], '');
    expect(section(text)).toContain('- ⚠ `content/links.yaml` **deleted**: every key below is removed.');
    expect(section(text).match(/\*\*Removed/g)).toHaveLength(3);
  });
});

describe('npm run pr-summary on a pull request that changes deep links', () => {
  const dir = join(tmp, `pr-summary-deep-links-${process.pid}`);
  const run = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  const put = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
      writeFileSync(join(dir, 'content', path), text);
    }
  };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const before = { ...base, 'links.yaml': 'about-box: privacy-statement\nretention: privacy-statement#data-retention\nold-key: terms-of-use\n' };
  put({ ...before, 'versions.lock': lockFor(before) });
  run('init', '-q', '-b', 'main');
  run('add', '.');
  run('commit', '-q', '-m', 'base');
  const dropped = version('summary: Drops retention.\nmaterial: false', '## What we collect {#what-we-collect}\n\nNames.\n\n## Contact us {#contact-us}\n\nWrite to us.');
  put({ 'privacy-statement/2025-09-01.mdx': dropped, 'links.yaml': 'about-box: privacy-statement#contact-us\nretention: privacy-statement#data-retention\n' });
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'pr-summary.ts'), '--base', 'main'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, LEGAL_CONTENT_DIR: 'content', LEGAL_AS_OF: '2025-06-01' },
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should call out the key at the anchor the new version drops, then the removed and repointed keys and the anchor', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = result.stdout;
    const deep = text.slice(text.indexOf('### Deep links'), text.indexOf('### Other content files') === -1 ? text.indexOf('### Check') : text.indexOf('### Other content files'));
    expect(deep.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- ⚠ **`retention` points at an anchor that disappears**: `privacy-statement#data-retention` is not in the upcoming version of Privacy Statement effective September 1, 2025.',
      '- ⚠ **Removed `old-key`** (it pointed to `terms-of-use`): apps that open `/go/old-key/` get a 404.',
      '- Repointed `about-box`: `privacy-statement` → `privacy-statement#contact-us`',
      '- Anchor `#data-retention` disappears from the upcoming version of Privacy Statement effective September 1, 2025 (`privacy-statement`); used by `retention`.',
    ]);
    expect(text).toContain('[deep-link-anchor]');
    expect(text).toContain('[lock-link-removed]');
  });
});
