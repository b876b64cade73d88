import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { planNewVersion } from '../../src/lib/editor/new-version.ts';

describe('the new-version template', () => {
  it('should give valid frontmatter when an editor follows it literally: remove the "# " of each key, delete the TODO lines', () => {
    const registry = [{ id: 'privacy-statement', title: 'Privacy Statement', kind: 'statement' as const, description: 'How we handle data.' }];
    const plan = planNewVersion(registry, [{ path: 'privacy-statement/2024-01-01.mdx', text: '## Who we are {#who-we-are}\n\nText.\n' }], 'privacy-statement', '2027-01-01', { asOf: '2026-12-01' });
    const edited = plan.text
      .split('\n')
      .filter((line) => !line.includes('TODO(new-version)') && !line.startsWith('# then write'))
      .map((line) => line.replace(/^# (summary|material|published):/, '$1:').replace('YYYY-MM-DD', '2026-12-01'))
      .join('\n');
    const frontmatter = readFrontmatter(edited);
    expect('data' in frontmatter && frontmatter.data).toEqual({ summary: 'One sentence saying what changed, e.g. Adds a section on data retention.', material: true, published: '2026-12-01' });
  });
});
