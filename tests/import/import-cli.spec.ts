/**
 * The real CLI: every fixture imports to a scenario that runs green on moto, and `import --check` exits 1
 * naming the role and the first differing path when a condition value changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli, tempDir } from '../cli/cli-helpers.js';
import { SOURCES } from './sources.js';

test('every imported scenario runs green on moto', async () => {
  test.setTimeout(600_000);
  const dir = tempDir('import-run-');
  const files: string[] = [];
  for (const [name, sources] of Object.entries(SOURCES)) {
    const out = path.join(dir, `${name}.scenario.yaml`);
    const imported = await runCli(['import', ...sources, '--out', out]);
    expect(imported.stderr).not.toContain('internal error');
    expect(imported.code, imported.stderr).toBe(0);
    files.push(out);
  }
  const reportDir = path.join(dir, 'reports');
  const run = await runCli(['run', ...files, '--target', 'moto', '--report-dir', reportDir], { timeoutMs: 540_000, env: { PW_TEST_HTML_REPORT_OPEN: 'never' } });
  const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { cases: { scenario: string; case: string; status: string }[]; summary: { passed: number; failed: number; errors: number } };
  const notPassed = results.cases.filter((c) => c.status !== 'passed').map((c) => `${c.scenario}: ${c.case}: ${c.status}`);
  expect(notPassed).toEqual([]);
  expect(results.summary.passed).toBeGreaterThan(150);
  expect(new Set(results.cases.map((c) => c.scenario)).size).toBe(Object.keys(SOURCES).length);
  expect(run.code).toBe(0);
});

test('--check: in sync exits 0; a changed condition value exits 1 naming the role and the path', async () => {
  test.setTimeout(240_000);
  const dir = tempDir('import-check-');
  const out = path.join(dir, 'gha.scenario.yaml');
  expect((await runCli(['import', ...SOURCES['gha-hcl']!, '--out', out])).code).toBe(0);
  // the CDK app writes no Sid: a real difference, so it is not in sync with the HCL-made scenario
  for (const sources of [SOURCES['gha-hcl']!, SOURCES['gha-plan']!]) {
    const check = await runCli(['import', ...sources, '--check', out]);
    expect(check.stdout + check.stderr).toContain('in sync');
    expect(check.code).toBe(0);
  }
  const cdk = await runCli(['import', ...SOURCES['gha-cdk']!, '--check', out]);
  expect(cdk.stdout).toContain('drift: role github-deploy: trustPolicy.Statement[0].Sid');
  expect(cdk.code).toBe(1);
  writeFileSync(out, readFileSync(out, 'utf8').replace('- repo:acme/app:environment:production', '- repo:acme/app:environment:staging'));
  const drift = await runCli(['import', ...SOURCES['gha-plan']!, '--check', out]);
  expect(drift.code).toBe(1);
  expect(drift.stdout).toContain('drift: role github-deploy: trustPolicy.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][1]');
});

test('--check on the seed: a condition changed in the Terraform is drift', async () => {
  test.setTimeout(120_000);
  const dir = tempDir('import-check-seed-');
  const out = path.join(dir, 'seed.scenario.yaml');
  expect((await runCli(['import', ...SOURCES['seed-hcl']!, '--out', out])).code).toBe(0);
  const drift = await runCli(['import', ...SOURCES['seed-hcl']!, '--var', 'gitpod_issuer=https://services.gitpod.io/idp', '--check', out]);
  expect(drift.code).toBe(1);
  expect(drift.stdout).toMatch(/drift: role gitpod-aud-only: trustPolicy\.Statement\[0\]\.Principal\.Federated: /);
});

test('unusable input exits 2 with the file and place, no stack trace', async () => {
  const dir = tempDir('import-bad-');
  const file = path.join(dir, 'role.json');
  writeFileSync(file, JSON.stringify({ Role: { RoleName: 'x', Arn: 'arn:aws:iam::123456789012:role/x', AssumeRolePolicyDocument: '%7Bnot json' } }));
  const bad = await runCli(['import', file]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('role.json: Role.AssumeRolePolicyDocument:');
  expect(bad.stderr).not.toMatch(/\n\s+at /);
  const usage = await runCli(['import', file, '--var', 'novalue']);
  expect(usage.code).toBe(2);
});
