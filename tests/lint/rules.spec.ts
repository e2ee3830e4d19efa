/**
 * Every lint rule, one row each: a policy that must trigger it (with the path and severity users act on)
 * and a near-identical one that must not.
 */
import { test, expect } from '@playwright/test';
import { lintScenario, LINT_RULES } from '../../harness/lint/index.js';
import type { PolicyJson } from '../../harness/policy/types.js';
import { arnOf, GITHUB, GITPOD_PREFIX as P, pinned, policy, scenarioWith, statement, type ScenarioOptions } from './helpers.js';

interface Row {
  rule: string;
  positive: { policy: PolicyJson; options?: ScenarioOptions; path: string; severity: string };
  negative: { policy: PolicyJson; options?: ScenarioOptions };
}

const sub = `${P}:sub`;
const aud = `${P}:aud`;
const GH = 'token.actions.githubusercontent.com';
const github: ScenarioOptions = { issuer: GITHUB, profile: 'github-actions' };
const ghStatement = (condition: Record<string, Record<string, unknown>>) => statement({ condition }, GITHUB);
const ghSub = (operator: string, sub: unknown, extra: Record<string, unknown> = {}) =>
  policy(ghStatement({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', ...(operator === 'StringEquals' ? { [`${GH}:sub`]: sub } : {}), ...extra }, ...(operator === 'StringEquals' ? {} : { [operator]: { [`${GH}:sub`]: sub } }) }));
const ghSubPath = (operator: string) => `Statement[0].Condition.${operator}["${GH}:sub"]`;
const GITLAB = 'https://gitlab.com';
const gitlab: ScenarioOptions = { issuer: GITLAB, profile: 'gitlab' };
const glSub = (operator: string, sub: string) =>
  policy(statement({ condition: { StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com' }, [operator]: { 'gitlab.com:sub': sub } } }, GITLAB));
const GENERIC = 'https://idp.example.com';
const generic: ScenarioOptions = { issuer: GENERIC, profile: 'generic' };
const genericPolicy = (condition: Record<string, Record<string, unknown>>) => policy(statement({ condition }, GENERIC));

const rows: Row[] = [
  {
    rule: 'policy-grammar',
    positive: { policy: policy({ ...pinned(), Effect: 'Permit' }), path: 'Statement[0].Effect', severity: 'error' },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'principal-wildcard',
    positive: { policy: policy({ ...pinned(), Principal: '*' }), path: 'Statement[0].Principal', severity: 'error' },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'federated-other-provider',
    positive: {
      policy: policy({ ...pinned(), Principal: { Federated: arnOf('https://services.gitpod.io/idp') } }),
      path: 'Statement[0].Principal.Federated',
      severity: 'error',
    },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'actions-beyond-web-identity',
    positive: { policy: policy({ ...pinned(), Action: 'sts:*' }), path: 'Statement[0].Action', severity: 'error' },
    negative: { policy: policy({ ...pinned(), Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }) },
  },
  {
    rule: 'condition-key-unknown-provider',
    positive: {
      policy: policy(pinned('https://github.com/acme/app', { StringLike: { 'gitpod.io/idp:sub': 'https://github.com/acme/*' } })),
      path: 'Statement[0].Condition.StringLike["gitpod.io/idp:sub"]',
      severity: 'error',
    },
    negative: { policy: policy(pinned('https://github.com/acme/app', { StringLike: { [sub]: 'https://github.com/acme/*' } })) },
  },
  {
    rule: 'claim-not-exposed',
    positive: {
      policy: policy(pinned('https://github.com/acme/app', { StringEquals: { [aud]: 'sts.amazonaws.com', [sub]: 'https://github.com/acme/app', [`${P}:org_id`]: 'o-1' } })),
      path: `Statement[0].Condition.StringEquals["${P}:org_id"]`,
      severity: 'error',
    },
    negative: { policy: policy(pinned('https://github.com/acme/app', { 'ForAnyValue:StringEquals': { [`${P}:amr`]: 'mfa' } })) },
  },
  {
    rule: 'missing-sub',
    positive: { policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' } } })), path: 'Statement[0]', severity: 'error' },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'aud-not-pinned',
    positive: { policy: policy(statement({ condition: { StringEquals: { [sub]: 'https://github.com/acme/app' } } })), path: 'Statement[0]', severity: 'warning' },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'aud-not-in-client-ids',
    positive: {
      policy: policy(statement({ condition: { StringEquals: { [aud]: 'my-app', [sub]: 'https://github.com/acme/app' } } })),
      path: `Statement[0].Condition.StringEquals["${aud}"]`,
      severity: 'error',
    },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'bare-wildcard',
    positive: {
      policy: policy(pinned('https://github.com/acme/app', { StringLike: { [`${P}:amr`]: '*' } })),
      path: `Statement[0].Condition.StringLike["${P}:amr"]`,
      severity: 'error',
    },
    negative: { policy: policy(pinned('https://github.com/acme/app', { StringEquals: { [aud]: 'sts.amazonaws.com', [sub]: '*' } })) },
  },
  {
    rule: 'stringlike-crosses-boundary',
    positive: {
      policy: policy(ghStatement({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:acme*' } })),
      options: github,
      path: `Statement[0].Condition.StringLike["${GH}:sub"]`,
      severity: 'error',
    },
    negative: {
      policy: policy(ghStatement({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:acme/app:*' } })),
      options: github,
    },
  },
  {
    rule: 'stringlike-without-wildcard',
    positive: {
      policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' }, StringLike: { [sub]: 'https://github.com/acme/app' } } })),
      path: `Statement[0].Condition.StringLike["${sub}"]`,
      severity: 'info',
    },
    negative: { policy: policy(pinned()) },
  },
  {
    rule: 'forallvalues-in-allow',
    positive: {
      policy: policy(pinned('https://github.com/acme/app', { 'ForAllValues:StringEquals': { [`${P}:amr`]: 'mfa' } })),
      path: `Statement[0].Condition.ForAllValues:StringEquals["${P}:amr"]`,
      severity: 'error',
    },
    negative: {
      policy: policy(pinned('https://github.com/acme/app', { 'ForAllValues:StringEquals': { [`${P}:amr`]: 'mfa' }, Null: { [`${P}:amr`]: 'false' } })),
    },
  },
  {
    rule: 'foranyvalue-single-valued',
    positive: {
      policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' }, 'ForAnyValue:StringEquals': { [sub]: 'https://github.com/acme/app' } } })),
      path: `Statement[0].Condition.ForAnyValue:StringEquals["${sub}"]`,
      severity: 'warning',
    },
    negative: { policy: policy(pinned('https://github.com/acme/app', { 'ForAnyValue:StringEquals': { [`${P}:amr`]: 'mfa' } })) },
  },
  {
    rule: 'gitpod-pr-context-admitted',
    positive: {
      policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' }, StringLike: { [sub]: 'https://github.com/acme/app*' } } })),
      path: `Statement[0].Condition.StringLike["${sub}"]`,
      severity: 'warning',
    },
    negative: { policy: policy(pinned(['https://github.com/acme/app', 'https://github.com/acme/app/tree/main'])) },
  },
  {
    rule: 'gitpod-no-context-admitted',
    positive: {
      policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' }, StringNotLike: { [sub]: 'https://github.com/evil/*' } } })),
      path: `Statement[0].Condition.StringNotLike["${sub}"]`,
      severity: 'error',
    },
    negative: { policy: policy(statement({ condition: { StringEquals: { [aud]: 'sts.amazonaws.com' }, StringLike: { [sub]: 'https://github.com/acme/*' } } })) },
  },
  {
    rule: 'github-any-repository',
    positive: { policy: ghSub('StringLike', 'repo:*'), options: github, path: ghSubPath('StringLike'), severity: 'error' },
    negative: { policy: ghSub('StringEquals', 'repo:acme/app:ref:refs/heads/main'), options: github },
  },
  {
    rule: 'github-repository-wildcard',
    positive: { policy: ghSub('StringLike', 'repo:acme/*:ref:refs/heads/main'), options: github, path: ghSubPath('StringLike'), severity: 'warning' },
    negative: { policy: ghSub('StringEquals', ['repo:acme/api:ref:refs/heads/main', 'repo:acme/web:ref:refs/heads/main']), options: github },
  },
  {
    rule: 'github-pull-request-admitted',
    positive: { policy: ghSub('StringLike', 'repo:acme/*:pull_request'), options: github, path: ghSubPath('StringLike'), severity: 'warning' },
    negative: { policy: ghSub('StringLike', 'repo:acme/app:ref:refs/heads/*'), options: github },
  },
  {
    rule: 'github-sub-not-pinned',
    positive: {
      policy: policy(ghStatement({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:repository_owner_id`]: '1234567' } })),
      options: github,
      path: 'Statement[0]',
      severity: 'warning',
    },
    negative: { policy: ghSub('StringEquals', 'repo:acme/app:ref:refs/heads/main', { [`${GH}:repository_owner_id`]: '1234567' }), options: github },
  },
  {
    rule: 'github-environment-advice',
    positive: { policy: ghSub('StringEquals', 'repo:acme/app:environment:production'), options: github, path: ghSubPath('StringEquals'), severity: 'info' },
    negative: { policy: ghSub('StringEquals', 'repo:acme/app:ref:refs/heads/main'), options: github },
  },
  {
    rule: 'github-job-workflow-ref',
    positive: {
      policy: policy(ghStatement({
        StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme/app:ref:refs/heads/main' },
        StringLike: { [`${GH}:job_workflow_ref`]: 'acme/workflows/.github/workflows/deploy.yml@*' },
      })),
      options: github,
      path: `Statement[0].Condition.StringLike["${GH}:job_workflow_ref"]`,
      severity: 'warning',
    },
    negative: {
      policy: ghSub('StringEquals', 'repo:acme/app:ref:refs/heads/main', { [`${GH}:job_workflow_ref`]: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main' }),
      options: github,
    },
  },
  {
    rule: 'gitlab-ref-type-unpinned',
    positive: { policy: glSub('StringLike', 'project_path:acme/app:ref_type:*:ref:main'), options: gitlab, path: 'Statement[0].Condition.StringLike["gitlab.com:sub"]', severity: 'warning' },
    negative: { policy: glSub('StringLike', 'project_path:acme/app:ref_type:branch:ref:*'), options: gitlab },
  },
  {
    rule: 'gitlab-subgroup-wildcard',
    positive: { policy: glSub('StringLike', 'project_path:acme/*:ref_type:branch:ref:main'), options: gitlab, path: 'Statement[0].Condition.StringLike["gitlab.com:sub"]', severity: 'warning' },
    negative: { policy: glSub('StringEquals', 'project_path:acme/app:ref_type:branch:ref:main'), options: gitlab },
  },
  {
    rule: 'generic-claim-unpinned',
    positive: {
      policy: genericPolicy({ StringEquals: { 'idp.example.com:aud': 'acme-app' }, StringLike: { 'idp.example.com:sub': 'user-*' } }),
      options: generic,
      path: 'Statement[0].Condition.StringLike["idp.example.com:sub"]',
      severity: 'warning',
    },
    negative: { policy: genericPolicy({ StringEquals: { 'idp.example.com:aud': 'acme-app', 'idp.example.com:sub': 'user-42' } }), options: generic },
  },
];

test('the table covers every rule the linter ships', () => {
  expect(rows.map((r) => r.rule).sort()).toEqual(LINT_RULES.map((r) => r.id).sort());
});

for (const row of rows) {
  test(`${row.rule}: reported where it applies`, () => {
    const findings = lintScenario(scenarioWith(row.positive.policy, row.positive.options)).filter((f) => f.rule === row.rule);
    expect(findings.map((f) => ({ path: f.path, severity: f.severity }))).toContainEqual({
      path: row.positive.path,
      severity: row.positive.severity,
    });
  });

  test(`${row.rule}: silent on the corrected policy`, () => {
    const findings = lintScenario(scenarioWith(row.negative.policy, row.negative.options));
    expect(findings.filter((f) => f.rule === row.rule)).toEqual([]);
  });
}
