/**
 * The daily publishing workflow (issue 5): valid YAML, a daily schedule and pushes to main, a
 * build and a deploy step, and only npm scripts that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../helpers/site.ts';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, { needs?: string; steps: Step[] }>;
}

const text = readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8');
const workflow = parse(text, { prettyErrors: true }) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('publish workflow', () => {
  it('should be valid YAML with jobs that each have steps', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'deploy']);
    for (const job of Object.values(workflow.jobs)) expect(job.steps.length).toBeGreaterThan(0);
  });

  it('should run on pushes to main and once a day after midnight in Los Angeles', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    const cron = workflow.on.schedule?.[0]?.cron ?? '';
    const [minute, hour, day, month, weekday] = cron.split(' ');
    expect([day, month, weekday]).toEqual(['*', '*', '*']);
    // 08:00 UTC or later is past midnight in Los Angeles in winter (UTC-8) and summer (UTC-7).
    expect(Number(hour)).toBeGreaterThanOrEqual(8);
    expect(Number(hour)).toBeLessThan(12);
    expect(Number(minute)).toBeGreaterThanOrEqual(0);
  });

  it('should only call npm scripts that package.json defines', () => {
    const called = steps.flatMap((step) => [...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(called).toContain('build');
    for (const name of called) expect(scripts, `npm run ${name}`).toContain(name);
  });

  it('should install from the lock file, build dist/ and deploy it to GitHub Pages', () => {
    expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(workflow.jobs.deploy!.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('should build for the Pages address: origin and base path from configure-pages', () => {
    const build = steps.find((step) => step.run === 'npm run build');
    expect(build?.env).toEqual({ LEGAL_SITE: '${{ steps.pages.outputs.origin }}', LEGAL_BASE: '${{ steps.pages.outputs.base_path }}' });
  });
});
