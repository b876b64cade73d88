/**
 * Test helpers: build a site from a content folder with the real build script, and read its pages
 * with an HTML parser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

/** The project root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Scratch space for test builds (git-ignored). */
export const tmp = join(root, 'test', '.tmp');
/** The fixture corpus (several documents, a supplemental notice, an upcoming version at 2025-06-01). */
export const fixtureContent = join(root, 'test', 'fixtures', 'corpus');
/**
 * The workplace's shared inputs (the seed of the privacy statement, the GitHub Terms of Service corpus):
 * `../shared` beside the checkout, or `LEGAL_SHARED_DIR`. Tests that need them skip loudly when absent.
 */
export const sharedDir = process.env.LEGAL_SHARED_DIR || join(root, '..', 'shared');
/** As-of date the fixture corpus is designed for. */
export const fixtureAsOf = '2025-06-01';

/** What a build run returned. */
export interface BuildRun {
  /** Exit code of `npm run build`'s script. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Folder the site was (or would have been) written to. */
  outDir: string;
}

/**
 * Build a site with `scripts/build.ts`, the command the README gives.
 *
 * @param name Folder name under test/.tmp for the output.
 * @param env LEGAL_* settings and anything else (TZ, ...).
 */
export function buildSite(name: string, env: Record<string, string>): BuildRun {
  const outDir = join(tmp, name);
  mkdirSync(tmp, { recursive: true });
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEGAL_SITE: 'https://legal.example.test', ...env, LEGAL_OUT_DIR: outDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/**
 * Read a built page.
 *
 * @param outDir Site folder.
 * @param path Site path such as `/privacy-statement/` (base excluded); `index.html` is added for `/`-ending paths.
 * @throws Error naming the file when the page was not built.
 */
export function readPage(outDir: string, path: string): HTMLElement {
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`No page at ${path} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}

/**
 * Write a content folder for a test from a map of relative paths to texts.
 *
 * @returns The folder's absolute path (emptied first).
 */
export function writeContent(name: string, files: Record<string, string>): string {
  const dir = join(tmp, 'content', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The text of an element with whitespace collapsed. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
