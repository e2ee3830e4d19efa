/** The seed's example trust policy: condition keys `gitpod.io/idp:*` under provider api.dev-internal.gitpod.cloud/idp. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasLintErrors, lintScenario, lintTrustPolicy } from '../../harness/lint/index.js';
import { loadScenarios } from '../../harness/scenario/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const seedPolicy = JSON.parse(readFileSync(fixture('seed-trust-policy.json'), 'utf8')) as Record<string, unknown>;
const ISSUER = 'https://api.dev-internal.gitpod.cloud/idp';
const context = {
  providers: [{ url: ISSUER, clientIds: ['sts.amazonaws.com'] }],
  issuer: ISSUER,
  profile: 'gitpod' as const,
  accountId: '123456789012',
  scenarioId: 'seed',
  roleName: 'gitpod-example-role',
};

test('both condition keys of the seed policy are reported with the prefix to use instead', () => {
  const findings = lintTrustPolicy(seedPolicy, context).filter((f) => f.rule === 'condition-key-unknown-provider');
  expect(findings.map((f) => [f.severity, f.path])).toEqual([
    ['error', 'Statement[0].Condition.StringEquals["gitpod.io/idp:aud"]'],
    ['error', 'Statement[0].Condition.StringLike["gitpod.io/idp:sub"]'],
  ]);
  expect(findings[1]!.message).toContain('"api.dev-internal.gitpod.cloud/idp:sub"');
});

test('a finding has exactly the fields of the `lint --json` contract', () => {
  const [finding] = lintTrustPolicy(seedPolicy, context);
  expect(Object.keys(finding!).sort()).toEqual(['message', 'path', 'role', 'rule', 'scenario', 'severity']);
  expect(finding).toMatchObject({ scenario: 'seed', role: 'gitpod-example-role' });
});

test('the mis-prefixed keys are not reported a second time as a missing sub or audience', () => {
  const rules = lintTrustPolicy(seedPolicy, context).map((f) => f.rule);
  expect(rules).not.toContain('missing-sub');
  expect(rules).not.toContain('aud-not-pinned');
});

test('lintScenario lints the trust policy of a loaded scenario file and the run has errors', () => {
  const [scenario] = loadScenarios([fixture('seed.scenario.yaml')]);
  const findings = lintScenario(scenario!);
  expect(findings.filter((f) => f.rule === 'condition-key-unknown-provider')).toHaveLength(2);
  expect(findings.every((f) => f.scenario === 'lint-seed-example' && f.role === 'gitpod-example-role')).toBe(true);
  expect(hasLintErrors(findings)).toBe(true);
});

test('once the prefix is corrected, the PR-context and boundary findings of `app*` remain', () => {
  const corrected = JSON.parse(JSON.stringify(seedPolicy).replaceAll('"gitpod.io/idp:', '"api.dev-internal.gitpod.cloud/idp:'));
  const rules = lintTrustPolicy(corrected, context).map((f) => `${f.severity} ${f.rule}`);
  expect(rules).toEqual(['warning stringlike-crosses-boundary', 'warning gitpod-pr-context-admitted']);
});
