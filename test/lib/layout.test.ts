/**
 * The layout shows the architecture (issue 11): no import cycle anywhere in src/ and scripts/, and
 * src/lib's rooms on their floors, as dependency-cruiser reads the imports (.dependency-cruiser.cjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/site.ts';

const lint = () => spawnSync(process.execPath, [join(root, 'scripts', 'lint-layout.ts')], { cwd: root, encoding: 'utf8' });

describe('the layout of the code', () => {
  it('should have no import cycle and every room on its floor', () => {
    const run = lint();
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found \((1\d\d|[2-9]\d\d) modules/);
    expect(run.status).toBe(0);
  });

  it('should fail when a cycle is introduced, so the check above can fail', () => {
    const folder = join(root, 'src', 'lib', 'zz-layout-probe');
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(join(folder, 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
      writeFileSync(join(folder, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      const run = lint();
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain('no-cycles');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
