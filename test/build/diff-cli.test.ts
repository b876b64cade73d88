/**
 * `npm run diff`: the command editors and the pull-request workflow run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, root } from '../helpers/site.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'diff.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEGAL_CONTENT_DIR: fixtureContent, NO_COLOR: '', FORCE_COLOR: '', ...env },
  });

describe('npm run diff', () => {
  it('should compare the newest version with the one before by default, plain when not a terminal', () => {
    const result = run(['privacy-statement']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe([
      'privacy-statement: 2024-03-01 → 2025-09-01',
      '0 sections changed, 1 added, 0 removed; 16 words inserted, 0 deleted; 0 blocks moved; 0 formatting changes',
      '',
      '§ Your California privacy rights (#california-privacy-rights) — added',
      '  inserted heading (+4 −0 words)',
      '    {+Your California privacy rights+}',
      '  inserted paragraph (+12 −0 words)',
      '    {+Residents of California may ask what personal data we hold about them.+}',
      '',
    ].join('\n'));
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('should print a word diff of two named versions by section', () => {
    const result = run(['privacy-statement', '2023-01-15', '2024-03-01']);
    expect(result.stdout).toContain('§ How we use information (#how-we-use-information) — changed');
    expect(result.stdout).toContain('We use information to provide {+and improve+} the services. [-The obsolete walrus provision applies only here.-]');
  });

  it('should print a Markdown summary for a pull-request comment', () => {
    const result = run(['privacy-statement', '2023-01-15', '2024-03-01', '--format', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('### Changes to privacy-statement: 2023-01-15 → 2024-03-01');
    expect(result.stdout).toContain('Changed sections: What we collect (changed), How we use information (changed), Data retention (added)');
    expect(result.stdout).toContain('- **modified** paragraph: We use information to provide <ins>and improve</ins> the services. ~~The obsolete walrus provision applies only here.~~');
  });

  it('should print the diff as JSON', () => {
    const result = run(['privacy-statement', '2023-01-15', '2024-03-01', '--format', 'json']);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ document: 'privacy-statement', from: '2023-01-15', to: '2024-03-01', stats: { wordsInserted: 26, wordsDeleted: 7 } });
    expect(data.sections.find((s: { anchor: string }) => s.anchor === 'data-retention').changes).toEqual(['change-4', 'change-5']);
  });

  it('should say which documents and dates exist when given an unknown one', () => {
    const document = run(['privacy']);
    expect(document.status).toBe(2);
    expect(document.stderr).toContain('No document "privacy"');
    expect(document.stderr).toContain('privacy-statement');
    const date = run(['privacy-statement', '2020-01-01']);
    expect(date.status).toBe(2);
    expect(date.stderr.trim()).toBe('"privacy-statement" has no version effective 2020-01-01. Its versions: 2023-01-15, 2024-03-01, 2025-09-01.');
  });

  it('should use colours on a terminal only when asked and NO_COLOR is unset', () => {
    const result = run(['privacy-statement'], { FORCE_COLOR: '1' });
    expect(result.stdout).not.toContain('\u001b[');
  });
});
