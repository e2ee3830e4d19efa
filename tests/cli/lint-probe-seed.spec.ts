import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, runCli, tempDir } from './cli-helpers.js';

const SEED = path.join(ROOT, 'scenarios/gitpod-aws.scenario.yaml');
const SEED_EXAMPLE = path.join(ROOT, 'scenarios/seed-example.scenario.yaml');

interface LintRow { scenario: string; role: string; rule: string; severity: string; message: string; path: string }
interface ProbeRow { role: string; admitted: boolean; identity: { label: string; token: { claims: Record<string, unknown> } } }

test('lint --json finds the seed example policy\'s wrong key prefix, as errors, and exits 1', async () => {
  const run = await runCli(['lint', '--json', SEED_EXAMPLE]);
  expect(run.code).toBe(1);
  const rows = JSON.parse(run.stdout) as LintRow[];
  const wrongPrefix = rows.filter((r) => r.rule === 'condition-key-unknown-provider');
  expect(wrongPrefix.map((r) => r.path).sort()).toEqual([
    'Statement[0].Condition.StringEquals["gitpod.io/idp:aud"]',
    'Statement[0].Condition.StringLike["gitpod.io/idp:sub"]',
  ]);
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['message', 'path', 'role', 'rule', 'scenario', 'severity']);
  expect(wrongPrefix.every((r) => r.severity === 'error' && r.message.includes('api.dev-internal.gitpod.cloud/idp'))).toBe(true);
});

test('the seed example denies even the repository it names, and the results say its keys can never be present', async () => {
  test.setTimeout(180_000);
  const reportDir = tempDir();
  const run = await runCli(['run', SEED_EXAMPLE, '--target', 'moto', '--report-dir', reportDir], { timeoutMs: 170_000 });
  expect(run.code).toBe(0);
  const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { cases: { case: string; observed: { assume: string }; explanation: string[] }[] };
  const named = results.cases.find((c) => c.case.includes('very repository the policy names'));
  expect(named?.observed.assume).toBe('AccessDenied');
  expect(named?.explanation.join('\n')).toContain('gitpod.io/idp:sub can never be present');
});

test('probe on the seed lists what the aud-only role admits, with the identities, and nothing for the pinned role', async () => {
  test.setTimeout(180_000);
  // no case expects these admissions; --no-fail-on-admitted keeps the exit status 0 for a review run
  const run = await runCli(['probe', SEED, '--target', 'moto', '--json', '--no-fail-on-admitted'], { timeoutMs: 170_000 });
  expect(run.code).toBe(0);
  const rows = JSON.parse(run.stdout) as ProbeRow[];
  const admitted = (role: string) => rows.filter((r) => r.role === role && r.admitted);
  expect(admitted('gitpod-secrets-reader')).toEqual([]);
  const loose = admitted('gitpod-aud-only');
  const subs = loose.map((r) => r.identity.token.claims.sub);
  expect(subs).toEqual(expect.arrayContaining(['no-context', 'https://github.com/stranger/app']));
  expect(loose.every((r) => r.identity.label.length > 0)).toBe(true);
});

test('lint text output names the scenario file and the place of each finding inside it', async () => {
  const run = await runCli(['lint', SEED_EXAMPLE]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    'scenarios/seed-example.scenario.yaml: aws.roles[0].trustPolicy.Statement[0].Condition.StringLike["gitpod.io/idp:sub"]',
  );
  expect(run.stdout).toMatch(/2 error\(s\)/);
});

const GITHUB_EXAMPLE = path.join(ROOT, 'scenarios/examples/github-actions-deploy.scenario.yaml');

test('probe exits 1 on the GitHub example: the colleague\'s repo:acme/*:pull_request admits identities no case expects', async () => {
  test.setTimeout(180_000);
  const run = await runCli(['probe', GITHUB_EXAMPLE, '--target', 'moto'], {
    timeoutMs: 170_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined },
  });
  expect(run.code).toBe(1);
  // as under `run`: never the SDK's 9-line NodeVersionSupportWarning, at most the CLI's one-line note
  expect(run.stderr).not.toContain('NodeVersionSupportWarning');
  expect(run.stderr.split('\n').filter((l) => l.startsWith('note: Node ')).length).toBeLessThanOrEqual(1);
  const admitted = run.stdout.split('\n').filter((l) => l.startsWith('ADMITTED'));
  expect(admitted.some((l) => l.includes('/ gha-deploy-with-prs: sub: other repository "acme/other-repo"'))).toBe(true);
  expect(admitted.some((l) => l.includes('/ gha-deploy-with-prs: sub: pull_request_target from a fork'))).toBe(true);
  // the deploy role admits only what its cases expect (production from another branch)
  const deploy = admitted.filter((l) => l.includes('/ gha-deploy '));
  expect(deploy).toEqual([expect.stringContaining('(a case expects it): sub: environment "production" from branch "evil"')]);
  expect(run.stdout).toMatch(/\d+ near-miss identities sent through the gate, \d+ admitted, [1-9]\d* not expected by any case/);
});
