import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksOf, diffBlocks } from '../../src/lib/diff/index.ts';
import { PrecomputedDiffs } from '../../src/node/precomputed-diffs.ts';
import { fixtureContent, writeContent } from '../helpers/site.ts';

describe('diffs precomputed on a worker thread', () => {
  it('should give every consecutive pair the diff the changes page would compute from the files', async () => {
    const precomputed = new PrecomputedDiffs(fixtureContent);
    const folder = join(fixtureContent, 'privacy-statement');
    const dates = readdirSync(folder).filter((name) => /^\d{4}-\d{2}-\d{2}\.mdx?$/.test(name)).sort();
    expect(dates.length).toBeGreaterThan(2);
    const body = (name: string) => ({ text: readFileSync(join(folder, name), 'utf8'), format: name.endsWith('.md') ? 'md' as const : 'mdx' as const });
    for (let i = 1; i < dates.length; i++) {
      const key = `privacy-statement/${dates[i - 1]!.slice(0, 10)}/${dates[i]!.slice(0, 10)}`;
      const diff = await precomputed.get(key);
      expect(diff, key).toEqual(diffBlocks(blocksOf(body(dates[i - 1]!)), blocksOf(body(dates[i]!))));
    }
    expect(await precomputed.get('privacy-statement/1999-01-01/2000-01-01')).toBeUndefined();
    await precomputed.stop();
  });

  it('should skip a file that does not parse, so its pages diff it themselves (and the check reports it)', async () => {
    const dir = writeContent(`precomputed-${process.pid}`, {
      'doc/2024-01-01.mdx': 'One {\n',
      'doc/2024-02-01.mdx': 'Two.\n',
      'doc/2024-03-01.mdx': 'Three.\n',
    });
    const precomputed = new PrecomputedDiffs(dir);
    expect(await precomputed.get('doc/2024-02-01/2024-03-01')).toMatchObject({ stats: expect.objectContaining({ wordsInserted: 1, wordsDeleted: 1 }) });
    expect(await precomputed.get('doc/2024-01-01/2024-02-01')).toBeUndefined();
    await precomputed.stop();
  });

  it('should answer every waiting page with undefined once stopped, so the pages diff for themselves', async () => {
    const precomputed = new PrecomputedDiffs(fixtureContent);
    const waiting = precomputed.get('no-such-document/2024-01-01/2024-02-01');
    await precomputed.stop();
    expect(await waiting).toBeUndefined();
    // Stopped before the worker could answer: nothing more arrives, every question gets undefined at once.
    expect(await precomputed.get('cookie-notice/2024-01-10/2025-01-10')).toBeUndefined();
  });

  it('should say when the worker fails, and leave every diff to the pages', async () => {
    const failures: Error[] = [];
    const precomputed = new PrecomputedDiffs(join(fixtureContent, 'no-such-folder'), (error) => failures.push(error));
    expect(await precomputed.get('privacy-statement/2023-01-15/2024-03-01')).toBeUndefined();
    expect(failures.map((error) => error.message).join('\n')).toMatch(/no-such-folder does not exist/);
    await precomputed.stop();
  });
});
