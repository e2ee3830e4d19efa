/**
 * Each CI example users copy runs here as its CI would run it: every `run:` / `script:` / task command in a
 * fresh checkout with the runner's variables, and what the upload steps and artifact paths name must exist.
 * Serial: one worker, one `npm ci` (see workspace.ts), and the shared cores spared.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'yaml';
import { ROOT, runCli } from '../cli/cli-helpers.js';
import { listFiles, runWorkflow, type WorkflowRun } from './github-actions-runner.js';
import { checkout, gitlabJob, gitpodEnv, gitpodTasks, runGitlabJob, startBackground } from './gitlab-gitpod-runners.js';
import { removeWorkspaces, runShell, scratchDir } from './workspace.js';

test.describe.configure({ mode: 'serial', timeout: 1_500_000 });
test.afterAll(removeWorkspaces);

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const seed = parse(read('scenarios/gitpod-aws.scenario.yaml')) as { cases: unknown[]; aws: { secrets: Array<{ value: string }> } };
const failedSteps = (run: WorkflowRun) => run.steps.filter((s) => s.code !== 0).map((s) => `${s.job} › ${s.step}: exit ${s.code}\n${s.output.slice(-3000)}`);

interface Results {
  cases: Array<{ status: string }>;
  summary: { passed: number; failed: number; errors: number };
}

test('GitHub Actions: 3 shards and the merge job run green and upload the trust matrix, the Playwright report and the results', async () => {
  const run = await runWorkflow(read('examples/github-actions/aws-oidc-harness.yml'), { jobs: ['reports'], eventName: 'schedule' });
  expect(failedSteps(run)).toEqual([]);
  expect(run.steps.filter((s) => s.job.startsWith('conformance')).map((s) => s.job)).toContain('conformance {"shard":3}');

  for (const shard of [1, 2, 3]) expect(listFiles(run.artifacts.get(`reports-shard-${shard}`)!)).toContain(`blob/report-${shard}.zip`);
  expect(listFiles(run.artifacts.get('trust-matrix')!)).toEqual(['trust-matrix.html']);
  expect(listFiles(run.artifacts.get('playwright-report')!)).toContain('index.html');
  expect(listFiles(run.artifacts.get('results')!)).toEqual(['junit.xml', 'results.json', 'summary.md']);

  const results = JSON.parse(readFileSync(path.join(run.artifacts.get('results')!, 'results.json'), 'utf8')) as Results;
  expect(results.cases).toHaveLength(seed.cases.length);
  expect(results.summary).toEqual({ passed: seed.cases.length, failed: 0, errors: 0 });
  // The merge job's page shows the merged summary; each shard's page its own.
  const summary = readFileSync(path.join(run.artifacts.get('results')!, 'summary.md'), 'utf8');
  expect(readFileSync(run.stepSummaries.get('reports')!, 'utf8')).toContain(summary.trim());
  for (const shard of [1, 2, 3]) expect(readFileSync(run.stepSummaries.get(`conformance {"shard":${shard}}`)!, 'utf8')).toContain('aws-oidc-harness');
});

test('GitHub Actions: the drift step passes on the scenario imported from infra/, and fails once infra/ changes a condition', async () => {
  test.skip(!existsSync(path.join(ROOT, 'harness/cli/commands/import.ts')), 'the import command is not on this branch (issue 16, import half)');
  const workflow = read('examples/github-actions/aws-oidc-harness.yml');
  // The user's repository: Terraform for a GitHub Actions deploy role in infra/, its imported scenario committed.
  const withInfra = (edit: (tf: string) => string) => async (workspace: string) => {
    cpSync(path.join(ROOT, 'tests/import/fixtures/gha/terraform'), path.join(workspace, 'infra'), { recursive: true });
    // (before the job's `npm ci`: the harness of this repository writes it)
    const imported = await runCli(['import', 'infra/', '--out', 'scenarios/deploy.scenario.yaml'], { cwd: workspace });
    expect(imported.code, imported.stderr).toBe(0);
    const main = path.join(workspace, 'infra/main.tf');
    writeFileSync(main, edit(readFileSync(main, 'utf8')));
  };
  const inSync = await runWorkflow(workflow, { jobs: ['drift'], prepare: withInfra((tf) => tf) });
  expect(failedSteps(inSync)).toEqual([]);
  expect(inSync.steps.map((s) => s.step)).toContain('npx aws-oidc-harness import infra/ --check scenarios/deploy.scenario.yaml');

  const changed = (tf: string) => tf.replace('ref:refs/heads/main', 'ref:refs/heads/release');
  const drifted = await runWorkflow(workflow, { jobs: ['drift'], prepare: withInfra(changed) });
  const failed = drifted.steps.filter((s) => s.code !== 0);
  expect(failed.map((s) => [s.step, s.code])).toEqual([['npx aws-oidc-harness import infra/ --check scenarios/deploy.scenario.yaml', 1]]);
  expect(failed[0]!.output).toContain('github-deploy');
});

test('GitLab CI: the job runs green and writes the JUnit report the merge request shows, and its artifacts', async () => {
  const text = read('examples/gitlab/.gitlab-ci.yml');
  const { job } = gitlabJob(text, 'aws-oidc-harness');
  const run = await runGitlabJob(text, 'aws-oidc-harness');
  expect(run.code, run.output.slice(-4000)).toBe(0);
  for (const file of job.artifacts?.paths ?? []) expect(existsSync(path.join(run.workspace, file)), file).toBe(true);
  const junit = job.artifacts?.reports?.junit;
  expect(typeof junit).toBe('string');
  const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(path.join(run.workspace, junit as string), 'utf8')) as {
    testsuites: { '@_tests': string; '@_failures': string; '@_errors': string };
  };
  expect(xml.testsuites['@_tests']).toBe(String(seed.cases.length));
  expect([xml.testsuites['@_failures'], xml.testsuites['@_errors']]).toEqual(['0', '0']);
});

test('Gitpod: `up` in one task, `idp login aws` and a secret read with the role in the other; closing the terminal cleans up', async () => {
  const [harness, login] = gitpodTasks(read('examples/gitpod/.gitpod.yml'));
  const workspace = checkout();
  const aws = scratchDir('harness-ci-aws-');
  const env = { ...gitpodEnv(workspace), AWS_CONFIG_FILE: path.join(aws, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials') };
  const init = await runShell(harness!.init!, workspace, env);
  expect(init.code, init.output).toBe(0);
  const up = startBackground(harness!.command!, workspace, env);
  try {
    const result = await runShell(login!.command!, workspace, env, 300_000);
    expect(result.code, `${result.output}\n--- up:\n${up.output()}`).toBe(0);
    expect(result.output).toContain('assumed-role/gitpod-secrets-reader/');
    expect(result.output).toContain('database_connection_string');
    for (const secret of seed.aws.secrets) expect(result.output + up.output()).not.toContain(secret.value);
  } finally {
    await up.stop();
  }
  expect(existsSync(path.join(workspace, '.harness/env'))).toBe(false);
});

test("the project's nightly workflow runs exactly the example's shard and merge jobs", () => {
  const example = parse(read('examples/github-actions/aws-oidc-harness.yml')) as { jobs: Record<string, unknown> };
  const nightly = parse(read('.github/workflows/nightly.yml')) as { on: Record<string, unknown>; jobs: Record<string, unknown> };
  expect(Object.keys(nightly.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
  expect(nightly.jobs.conformance).toEqual(example.jobs.conformance);
  expect(nightly.jobs.reports).toEqual(example.jobs.reports);
});
