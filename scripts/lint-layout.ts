/**
 * `npm run lint:layout`: the layout's rules (.dependency-cruiser.cjs) checked by dependency-cruiser
 * over every TypeScript module of src/ and scripts/: no import cycle, src/lib pure, and its rooms on
 * their floors (src/lib/README.md). Exits 1 listing each violation.
 *
 * dependency-cruiser cannot use TypeScript 7's compiler, so it is given the files one by one (it
 * reads their imports with its JavaScript parser) instead of a folder to discover.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './cli.ts';

readArgs({ options: {} }, `\`npm run lint:layout\`: the layout's rules (.dependency-cruiser.cjs) checked by dependency-cruiser
over every TypeScript module of src/ and scripts/: no import cycle, src/lib pure, and its rooms on
their floors (src/lib/README.md). Exits 1 listing each violation.

dependency-cruiser cannot use TypeScript 7's compiler, so it is given the files one by one (it
reads their imports with its JavaScript parser) instead of a folder to discover.`);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = ['src', 'scripts'].flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts')).map((path) => relative(root, join(root, folder, path))),
);
const run = spawnSync(process.execPath, [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...files.sort()], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
