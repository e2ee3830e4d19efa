/**
 * `import` in-process: every source format of the seed's setup and of a GitHub Actions deploy role gives
 * the same roles and policies, the scenario passes the loader, and what cannot be resolved is reported.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importAccounts, scenarioFor } from '../../harness/import/index.js';
import { loadScenarioFile } from '../../harness/scenario/index.js';
import { isHarnessError } from '../../harness/errors.js';
import { tempDir } from '../cli/cli-helpers.js';

const F = path.resolve('tests/import/fixtures');
const NO_OPTIONS = { vars: {}, parameters: {} };

export const SOURCES: Record<string, string[]> = {
  'seed-hcl': [`${F}/seed/terraform`],
  'seed-plan': [`${F}/seed/plan.json`],
  'seed-cfn': [`${F}/seed/template.yaml`],
  'seed-iam': [`${F}/seed/iam/get-account-authorization-details.json`],
  'seed-example-iam': [`${F}/seed-example/get-role.json`, `${F}/seed-example/get-role-policy.json`],
  'gha-hcl': [`${F}/gha/terraform`],
  'gha-plan': [`${F}/gha/plan.json`],
  'gha-cdk': [`${F}/gha/cdk.out`],
  'gha-iam': ['get-role', 'get-role-policy', 'list-attached-role-policies', 'deploy-artifacts.get-policy-version', 'describe-secret-app-config', 'describe-secret-db-password'].map((f) => `${F}/gha/iam/${f}.json`),
};

async function imported(name: string) {
  const { accounts } = await importAccounts(SOURCES[name]!, NO_OPTIONS);
  expect(accounts).toHaveLength(1);
  return accounts[0]!;
}

/** Roles as IAM sees them: documents compared as JSON with sorted keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

for (const name of Object.keys(SOURCES)) {
  test(`${name}: imports to a scenario the loader accepts`, async () => {
    const account = await imported(name);
    const dir = tempDir('import-');
    const file = path.join(dir, `${name}.scenario.yaml`);
    writeFileSync(file, scenarioFor(account, SOURCES[name]!, name).yaml);
    const scenario = loadScenarioFile(file);
    expect(scenario.id).toBe(`${name}-123456789012`);
    expect(scenario.cases.length).toBeGreaterThan(3);
    for (const s of scenario.aws.secrets) expect(s.value).toMatch(/^CANARY-/);
    const text = readFileSync(file, 'utf8');
    // every case carries a generated-expectation comment
    expect(text.match(/^ {2}# generated/gm)?.length).toBe(scenario.cases.length);
  });
}

test('the four seed sources give the same trust and permission policies', async () => {
  const shapes = await Promise.all(['seed-hcl', 'seed-plan', 'seed-cfn', 'seed-iam'].map(async (n) => {
    const a = await imported(n);
    return canonical(a.roles.map((r) => ({ name: r.name, trust: r.trustPolicy, policies: r.policies.map((p) => p.document) })).sort((x, y) => x.name.localeCompare(y.name)));
  }));
  // sub values: the provider renders lists reverse-sorted, CloudFormation keeps the order written
  const subsSorted = (s: unknown) => JSON.parse(JSON.stringify(s), (k, v) => (k.endsWith(':sub') && Array.isArray(v) ? [...v].sort() : v));
  for (const s of shapes.slice(1)) expect(subsSorted(s)).toEqual(subsSorted(shapes[0]));
});

test('the GitHub deploy role: secrets named by reference become ARN patterns and canary secrets', async () => {
  for (const name of ['gha-hcl', 'gha-plan', 'gha-cdk']) {
    const a = await imported(name);
    const role = a.roles[0]!;
    expect(role.name).toBe('github-deploy');
    expect(role.maxSessionDuration).toBe(7200);
    expect(JSON.stringify(role.policies[0]!.document)).toContain('secret:deploy/app-config-??????');
    expect(role.managedPolicies.map((m) => m.name)).toEqual(['deploy-artifacts']);
    expect(role.omitted.join('\n')).toContain('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(a.secrets.map((s) => s.name).sort()).toEqual(['deploy/app-config', 'prod/db-password']);
  }
});

test('a Federated principal naming a provider the files do not define still yields that provider', async () => {
  const a = await imported('gha-hcl');
  expect(a.providers).toEqual([{ url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'], thumbprints: [] }]);
});

test('an AWS managed policy the harness ships attaches with its document', async () => {
  const dir = tempDir('import-managed-');
  const role = JSON.parse(readFileSync(`${F}/gha/iam/get-role.json`, 'utf8'));
  writeFileSync(path.join(dir, 'get-role.json'), JSON.stringify(role));
  writeFileSync(path.join(dir, 'list-attached-role-policies.json'), JSON.stringify({ AttachedPolicies: [{ PolicyName: 'SecretsManagerReadWrite', PolicyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }] }));
  const { accounts } = await importAccounts([path.join(dir, 'get-role.json'), path.join(dir, 'list-attached-role-policies.json')], NO_OPTIONS);
  const managed = accounts[0]!.roles[0]!.managedPolicies;
  expect(managed.map((m) => [m.name, m.awsManaged])).toEqual([['SecretsManagerReadWrite', true]]);
  expect(JSON.stringify(managed[0]!.document)).toContain('secretsmanager:*');
});

test('HCL: a `for` expression in a trust policy is reported by name with the advice to import the plan', async () => {
  const dir = tempDir('import-for-');
  cpSync(`${F}/gha/terraform`, dir, { recursive: true });
  const main = path.join(dir, 'main.tf');
  writeFileSync(main, readFileSync(main, 'utf8').replace(/values {3}= \["repo:\$\{var\.github_repository\}:ref:refs\/heads\/main".*\]/, 'values   = [for ref in ["main"] : "repo:${var.github_repository}:ref:refs/heads/${ref}"]'));
  const error = await importAccounts([dir], NO_OPTIONS).catch((e: unknown) => e);
  expect(isHarnessError(error, 'IMPORT_UNRESOLVED')).toBe(true);
  expect(String((error as Error).message)).toContain('a `for` expression');
  expect(String((error as Error).message)).toContain('import the plan JSON instead');
  expect(String((error as Error).message)).toContain('resource "aws_iam_role" "github_deploy"');
});

test('HCL: an unresolvable permission policy is left out with a comment; the import succeeds', async () => {
  const dir = tempDir('import-count-');
  cpSync(`${F}/gha/terraform`, dir, { recursive: true });
  const main = path.join(dir, 'main.tf');
  writeFileSync(main, readFileSync(main, 'utf8').replace('resources = [aws_secretsmanager_secret.app_config.arn]', 'resources = [aws_s3_bucket.artifacts.arn]'));
  const { accounts } = await importAccounts([dir], NO_OPTIONS);
  const role = accounts[0]!.roles[0]!;
  expect(role.policies).toHaveLength(1);
  expect(role.policies[0]!.document!['Statement']).toEqual([]);
  expect(role.omitted.join('\n')).toContain('aws_s3_bucket.artifacts.arn');
  const yaml = scenarioFor(accounts[0]!, [dir], 'count').yaml;
  expect(yaml).toContain('# LEFT OUT:');
  expect(yaml).toContain('aws_s3_bucket.artifacts.arn');
});

test('--var overrides tfvars and defaults', async () => {
  const { accounts } = await importAccounts(SOURCES['gha-hcl']!, { vars: { github_repository: 'acme/other' }, parameters: {} });
  expect(JSON.stringify(accounts[0]!.roles[0]!.trustPolicy)).toContain('repo:acme/other:ref:refs/heads/main');
});

test('CloudFormation: --parameter and Conditions decide what is imported', async () => {
  const { accounts } = await importAccounts(SOURCES['seed-cfn']!, { vars: {}, parameters: { CreateAudOnlyRole: 'false', TrustedContexts: 'https://github.com/acme/tools' } });
  const roles = accounts[0]!.roles;
  expect(roles.map((r) => r.name)).toEqual(['gitpod-secrets-reader']);
  expect(JSON.stringify(roles[0]!.trustPolicy)).toContain('"api.gitpod.io/idp:sub":["https://github.com/acme/tools"]');
});

test('unusable input exits with IMPORT_INPUT naming the file and the place', async () => {
  const dir = tempDir('import-bad-');
  writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_iam_role" "x" {\n  name = \n}\n');
  const hcl = await importAccounts([dir], NO_OPTIONS).catch((e: unknown) => e);
  expect(isHarnessError(hcl, 'IMPORT_INPUT')).toBe(true);
  expect(String((hcl as Error).message)).toMatch(/main\.tf: not valid HCL: main\.tf:2,/);
  const yaml = path.join(dir, 'template.yaml');
  writeFileSync(yaml, 'Resources:\n  R:\n    Type: AWS::IAM::Role\n   Properties: {}\n');
  const cfn = await importAccounts([yaml], NO_OPTIONS).catch((e: unknown) => e);
  expect(isHarnessError(cfn, 'IMPORT_INPUT')).toBe(true);
  expect(String((cfn as Error).message)).toMatch(/template\.yaml: line \d+, column \d+/);
  const other = path.join(dir, 'other.json');
  writeFileSync(other, '{"hello": 1}');
  const unknown = await importAccounts([other], NO_OPTIONS).catch((e: unknown) => e);
  expect(isHarnessError(unknown, 'IMPORT_INPUT')).toBe(true);
  expect(String((unknown as Error).message)).toContain('other.json: not a recognised format');
});
