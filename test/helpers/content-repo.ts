/**
 * A throwaway git repository holding a `content/` folder, for the commands that compare with a
 * base branch (`npm run lock -- --compare`, `npm run pr-summary`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's operations. */
export interface ContentRepo {
  /** Absolute path of the repository. */
  dir: string;
  /** Run git in it (as "Test <test@example.com>"); returns its output. */
  git: (...args: string[]) => string;
  /** Write files under `content/` (paths relative to it); `undefined` deletes one. */
  write: (files: Record<string, string | undefined>) => void;
  /**
   * Start over: an empty repository whose `main` has one commit of `files` under `content/`, and a
   * checked-out `branch` from it when one is given.
   */
  reset: (files: Record<string, string | undefined>, branch?: string) => void;
}

/**
 * A content repository at a path (created by `reset`; the caller removes it).
 *
 * @param dir Absolute path, e.g. under test/.tmp.
 */
export function contentRepo(dir: string): ContentRepo {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  const write = (files: Record<string, string | undefined>) => {
    for (const [path, text] of Object.entries(files)) {
      const file = join(dir, 'content', path);
      if (text === undefined) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
  };
  const reset = (files: Record<string, string | undefined>, branch?: string) => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    git('init', '-q', '-b', 'main');
    write(files);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    if (branch) git('checkout', '-q', '-b', branch);
  };
  return { dir, git, write, reset };
}
