/**
 * Build the two sites most test files read, once per test run: the fixture corpus at its as-of
 * date, and the real content of content/ at a fixed as-of date.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, fixtureAsOf, fixtureContent, root } from './site.ts';
import { join } from 'node:path';
import { rmSync } from 'node:fs';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
    realSite: string;
  }
}

export default function setup(project: TestProject) {
  // Per-run folders: several test runs may build side by side.
  const fixture = buildSite(`fixture-site-${process.pid}`, { LEGAL_CONTENT_DIR: fixtureContent, LEGAL_AS_OF: fixtureAsOf });
  if (fixture.status !== 0) throw new Error(`The fixture site did not build:\n${fixture.stderr}`);
  const real = buildSite(`real-site-${process.pid}`, { LEGAL_CONTENT_DIR: join(root, 'content'), LEGAL_AS_OF: '2026-11-30' });
  if (real.status !== 0) throw new Error(`The real content did not build:\n${real.stderr}`);
  project.provide('fixtureSite', fixture.outDir);
  project.provide('realSite', real.outDir);
  return () => {
    rmSync(fixture.outDir, { recursive: true, force: true });
    rmSync(real.outDir, { recursive: true, force: true });
  };
}
