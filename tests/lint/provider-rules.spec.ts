/**
 * The GitHub Actions user story of issue 15 and the provider rules' other shapes: a deploy role for main of
 * two repositories and one environment, plus a colleague's `repo:acme/*:pull_request`.
 */
import { test, expect } from '@playwright/test';
import { lintScenario } from '../../harness/lint/index.js';
import { GITHUB, policy, scenarioWith, statement } from './helpers.js';

const GH = 'token.actions.githubusercontent.com';
const github = { issuer: GITHUB, profile: 'github-actions' as const };
const deployPolicy = (subs: string[]) =>
  policy(statement({ condition: { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: subs } } }, GITHUB));
const DEPLOY = ['repo:acme/api:ref:refs/heads/main', 'repo:acme/web:ref:refs/heads/main', 'repo:acme/api:environment:production'];

test('the deploy role with a colleague\'s repo:acme/*:pull_request gets findings that name that pattern', () => {
  const findings = lintScenario(scenarioWith(deployPolicy([...DEPLOY, 'repo:acme/*:pull_request']), github));
  const aboutPattern = findings.filter((f) => f.message.includes('"repo:acme/*:pull_request"'));
  expect(aboutPattern.map((f) => f.rule).sort()).toEqual(['github-pull-request-admitted', 'github-repository-wildcard']);
  expect(aboutPattern.every((f) => f.path === `Statement[0].Condition.StringLike["${GH}:sub"]`)).toBe(true);
  expect(aboutPattern.find((f) => f.rule === 'github-pull-request-admitted')!.message).toContain('repo:acme/x:pull_request');
});

test('the same deploy role without the colleague\'s pattern gets only the environment advice', () => {
  const findings = lintScenario(scenarioWith(deployPolicy(DEPLOY), github));
  expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['stringlike-without-wildcard:info', 'github-environment-advice:info']);
});

test('repo:*/app admits that repository name under any owner (error); repo:acme/app:* admits its pull requests', () => {
  const anyOwner = lintScenario(scenarioWith(deployPolicy(['repo:*/app:ref:refs/heads/main']), github));
  expect(anyOwner.find((f) => f.rule === 'github-repository-wildcard')).toMatchObject({ severity: 'error' });
  expect(anyOwner.find((f) => f.rule === 'github-repository-wildcard')!.message).toContain('stranger/app');
  const anyContext = lintScenario(scenarioWith(deployPolicy(['repo:acme/app:*']), github));
  expect(anyContext.map((f) => f.rule)).toEqual(expect.arrayContaining(['github-pull-request-admitted', 'github-environment-advice']));
  expect(anyContext.find((f) => f.rule === 'github-environment-advice')).toMatchObject({ severity: 'warning' });
});

test('a pull-request rule is decided by the whole statement: a condition that refuses the PR ref silences it', () => {
  const refusesPr = policy(statement({ condition: {
    StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
    StringLike: { [`${GH}:sub`]: 'repo:acme/app:*', [`${GH}:ref`]: 'refs/heads/*' },
  } }, GITHUB));
  const rules = lintScenario(scenarioWith(refusesPr, github)).map((f) => f.rule);
  // pull_request runs on refs/pull/N/merge (refused); pull_request_target runs on the base branch (admitted)
  const pr = lintScenario(scenarioWith(refusesPr, github)).find((f) => f.rule === 'github-pull-request-admitted');
  expect(rules).toContain('github-pull-request-admitted');
  expect(pr!.message).toContain('pull_request_target');
  expect(pr!.message).not.toContain('by pull_request and');
});

test('job_workflow_ref pinned alone admits any caller of the reusable workflow', () => {
  const alone = policy(statement({ condition: { StringEquals: {
    [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:job_workflow_ref`]: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main',
  } } }, GITHUB));
  const findings = lintScenario(scenarioWith(alone, github)).filter((f) => f.rule === 'github-job-workflow-ref');
  expect(findings).toHaveLength(1);
  expect(findings[0]!.message).toContain('not its caller');
});

test('GitLab: a subgroup wildcard and a ref_type wildcard are reported; exact subjects are not', () => {
  const gl = (sub: string) => policy(statement({ condition: { StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com' }, StringLike: { 'gitlab.com:sub': sub } } }, 'https://gitlab.com'));
  const rules = (sub: string) => lintScenario(scenarioWith(gl(sub), { issuer: 'https://gitlab.com', profile: 'gitlab' })).map((f) => f.rule);
  expect(rules('project_path:acme/*')).toEqual(expect.arrayContaining(['gitlab-subgroup-wildcard', 'gitlab-ref-type-unpinned']));
  expect(rules('project_path:acme/app:*')).toContain('gitlab-ref-type-unpinned');
  expect(rules('project_path:acme/app:ref_type:branch:ref:release-*')).not.toContain('gitlab-ref-type-unpinned');
  expect(rules('project_path:acme/app:ref_type:tag:ref:v*')).not.toContain('gitlab-ref-type-unpinned');
});

test('generic: an audience pattern and an IfExists subject are unpinned', () => {
  const P = 'idp.example.com';
  const scenario = (condition: Record<string, Record<string, unknown>>) =>
    scenarioWith(policy(statement({ condition }, 'https://idp.example.com')), { issuer: 'https://idp.example.com', profile: 'generic' });
  const audPattern = lintScenario(scenario({ StringLike: { [`${P}:aud`]: 'acme-*' }, StringEquals: { [`${P}:sub`]: 'u1' } }));
  expect(audPattern.filter((f) => f.rule === 'generic-claim-unpinned').map((f) => f.path)).toEqual([`Statement[0].Condition.StringLike["${P}:aud"]`]);
  const ifExists = lintScenario(scenario({ StringEqualsIfExists: { [`${P}:sub`]: 'u1' }, StringEquals: { [`${P}:aud`]: 'acme-app' } }));
  expect(ifExists.find((f) => f.rule === 'generic-claim-unpinned')!.message).toContain('without sub');
});
