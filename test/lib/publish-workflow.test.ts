/**
 * The daily publishing workflow (issue 5): valid YAML, a daily schedule and pushes to main, a
 * build and a deploy step, and only npm scripts that exist. Issue 11: the job that builds the
 * (untrusted) content cannot publish, and the job that publishes runs no code of the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../helpers/site.ts';

interface Step { id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
type Permissions = Record<string, 'read' | 'write' | 'none'> | 'read-all' | 'write-all';
interface Job { needs?: string; permissions?: Permissions; outputs?: Record<string, string>; steps: Step[] }
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const text = readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8');
const workflow = parse(text, { prettyErrors: true }) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('publish workflow', () => {
  it('should be valid YAML with jobs that each have steps', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['configure', 'build', 'deploy']);
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

  it('should build for the Pages address: origin and base path from configure-pages, through job outputs', () => {
    const configure = workflow.jobs.configure!;
    expect(configure.steps.find((step) => step.uses?.startsWith('actions/configure-pages@'))).toMatchObject({ id: 'pages' });
    expect(configure.outputs).toEqual({ origin: '${{ steps.pages.outputs.origin }}', base_path: '${{ steps.pages.outputs.base_path }}' });
    expect(workflow.jobs.build!.needs).toBe('configure');
    const build = steps.find((step) => step.run === 'npm run build');
    expect(build?.env).toEqual({ LEGAL_SITE: '${{ needs.configure.outputs.origin }}', LEGAL_BASE: '${{ needs.configure.outputs.base_path }}' });
  });
});

describe('publish workflow permissions', () => {
  /** The permissions a job's token gets: the job's own, else the workflow's. */
  const permissionsOf = (job: Job) => job.permissions ?? workflow.permissions;
  /** Steps that run code from the repository or its packages: shell steps, and actions given the checkout. */
  const runsRepositoryCode = (job: Job) => job.steps.some((step) => step.run !== undefined || step.uses?.startsWith('actions/checkout@'));

  it('should grant nothing at the workflow level, so every job asks for what it needs', () => {
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.permissions, name).toBeTypeOf('object');
  });

  it('should build the content in a job whose token can only read the repository', () => {
    const build = workflow.jobs.build!;
    expect(permissionsOf(build)).toEqual({ contents: 'read' });
    expect(build.steps.some((step) => step.run === 'npm run build')).toBe(true);
    expect(build.steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['persist-credentials']).toBe(false);
  });

  it('should give pages: write and id-token: write only to the deploy job, which runs no repository code', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const permissions = permissionsOf(job);
      const publishes = typeof permissions === 'string' ? permissions === 'write-all' : permissions?.pages === 'write' || permissions?.['id-token'] === 'write';
      expect(publishes, name).toBe(name === 'deploy');
    }
    const deploy = workflow.jobs.deploy!;
    expect(permissionsOf(deploy)).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(runsRepositoryCode(deploy)).toBe(false);
    expect(deploy.steps.map((step) => step.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
  });

  it('should run no repository code in any job that holds more than read access to the repository', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const permissions = permissionsOf(job);
      const onlyReadsContents = typeof permissions === 'object' && Object.entries(permissions).every(([scope, level]) => scope === 'contents' && level !== 'write');
      if (runsRepositoryCode(job)) expect(onlyReadsContents, name).toBe(true);
    }
  });
});
