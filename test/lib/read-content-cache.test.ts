import { cpSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent, type SourceCache } from '../../src/node/read-content.ts';
import { fixtureContent, tmp } from '../helpers/site.ts';

const dir = join(tmp, `read-content-cache-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading the content folder again with a cache (the dev server)', () => {
  it('should re-read only the file that changed, and see added, removed and replaced files', () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(fixtureContent, dir, { recursive: true });
    const cache: SourceCache = new Map();
    const first = readContent(dir, dir, cache);
    const edited = 'privacy-statement/2024-03-01.mdx';
    writeFileSync(join(dir, edited), `${readFileSync(join(dir, edited), 'utf8')}\nOne more sentence.\n`);
    const second = readContent(dir, dir, cache);
    const byPath = (sources: typeof first) => new Map(sources.files.map((file) => [file.path, file]));
    const [before, after] = [byPath(first), byPath(second)];
    for (const [path, file] of after) {
      // The same object: the file was not read again. A new one, with the new text, for the edited file.
      if (path === edited) expect(file.text).toContain('One more sentence.');
      else expect(file, path).toBe(before.get(path));
    }
    expect(after.get(edited)).not.toBe(before.get(edited));
    expect(second.registry).toBe(first.registry);

    unlinkSync(join(dir, 'terms-of-use', '2023-06-01.md'));
    symlinkSync('/etc/passwd', join(dir, 'terms-of-use', '2023-06-01.md'));
    writeFileSync(join(dir, 'cookie-notice', '2025-01-01.mdx'), '---\nsummary: s\nmaterial: false\n---\n\nNew text.\n');
    const third = readContent(dir, dir, cache);
    expect(third.files.map((file) => file.path)).toContain('cookie-notice/2025-01-01.mdx');
    expect(third.files.map((file) => file.path)).not.toContain('terms-of-use/2023-06-01.md');
    expect(third.refused!.map((d) => [d.file.split('/').slice(-2).join('/'), d.ruleId])).toEqual([['terms-of-use/2023-06-01.md', 'source-not-a-file']]);
    expect(readContent(dir, dir).files).toEqual(third.files); // what a reader without a cache reads
  });
});
