/** Probes in the CI providers' own grammar: coherent tokens for other repositories, PRs, tags, environments, subgroups. */
import { test, expect } from '@playwright/test';
import { evaluateProbeLocally, generateNearMisses, probeClaims, probeScenarioLocally, unexpectedAdmissions } from '../../harness/probe/index.js';
import type { Scenario } from '../../harness/scenario/model.js';
import { GITHUB, policy, scenarioWith, statement } from '../lint/helpers.js';

const GH = 'token.actions.githubusercontent.com';
const DEPLOY = ['repo:acme/api:ref:refs/heads/main', 'repo:acme/web:ref:refs/heads/main', 'repo:acme/api:environment:production'];
const github = (subs: string[]): Scenario =>
  scenarioWith(policy(statement({ condition: { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: subs } } }, GITHUB)), {
    issuer: GITHUB,
    profile: 'github-actions',
  });

/** admitted labels, without the `#n` that tells apart the same kind of near miss from several patterns */
const admittedLabels = (scenario: Scenario) => [
  ...new Set(probeScenarioLocally(scenario).filter((f) => f.admitted).map((f) => f.identity.label.replace(/ #\d+$/, ''))),
];

test('the deploy role with repo:acme/*:pull_request admits other repositories\' pull requests and forks\' pull_request_target', () => {
  const labels = admittedLabels(github([...DEPLOY, 'repo:acme/*:pull_request']));
  expect(labels).toEqual(expect.arrayContaining(['sub: other repository "acme/other-repo"', 'sub: pull_request event', 'sub: pull_request_target from a fork']));
  expect(labels).not.toContain('sub: same repository name under owner "stranger"');
});

test('the deploy role alone admits no other repository, PR, tag or branch: only its environment from another branch', () => {
  expect(admittedLabels(github(DEPLOY))).toEqual(['sub: environment "production" from branch "evil"']);
});

test('probe tokens are coherent: the profile derives sub, owner and workflow refs from the facts a probe sets', () => {
  const scenario = github(['repo:acme/*:pull_request']);
  const probe = generateNearMisses(scenario, scenario.aws.roles[0]!).find((p) => p.label === 'sub: other repository "acme/other-repo"')!;
  expect(probe.token.claims).not.toHaveProperty('sub');
  const claims = probeClaims(scenario, probe.token, GITHUB);
  expect(claims).toMatchObject({
    sub: 'repo:acme/other-repo:pull_request',
    repository_owner: 'acme',
    ref: 'refs/pull/1/merge',
    workflow_ref: 'acme/other-repo/.github/workflows/deploy.yml@refs/pull/1/merge',
  });
});

test('repo:*/app admits the same name under another owner; repo:acme/app:* admits tags, branches and environments', () => {
  expect(admittedLabels(github(['repo:*/app:ref:refs/heads/main']))).toContain('sub: same repository name under owner "stranger"');
  const loose = admittedLabels(github(['repo:acme/app:*']));
  expect(loose).toEqual(expect.arrayContaining(['sub: tag "v0.0.0-evil"', 'sub: other branch "evil"', 'sub: other environment "evil"']));
  expect(loose).not.toContain('sub: look-alike owner "acme-evil"');
});

test('GitLab: a group wildcard admits a subgroup project; an exact branch subject admits no tag of the same name', () => {
  const gitlab = (sub: string, operator = 'StringLike') =>
    scenarioWith(policy(statement({ condition: { StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com' }, [operator]: { 'gitlab.com:sub': sub } } }, 'https://gitlab.com')), {
      issuer: 'https://gitlab.com',
      profile: 'gitlab',
    });
  expect(admittedLabels(gitlab('project_path:acme/*:ref_type:branch:ref:main'))).toEqual(
    expect.arrayContaining(['sub: subgroup project "acme/subgroup/x"', 'sub: other project "acme/other-project"']),
  );
  expect(admittedLabels(gitlab('project_path:acme/app:ref_type:*:ref:main'))).toContain('sub: tag named "main"');
  // an exact subject still admits the same branch unprotected, unless the policy also pins ref_protected
  expect(admittedLabels(gitlab('project_path:acme/app:ref_type:branch:ref:main', 'StringEquals'))).toEqual(['sub: "main" without protection']);
  const pinned = scenarioWith(policy(statement({ condition: { StringEquals: {
    'gitlab.com:aud': 'sts.amazonaws.com', 'gitlab.com:sub': 'project_path:acme/app:ref_type:branch:ref:main', 'gitlab.com:ref_protected': 'true',
  } } }, 'https://gitlab.com')), { issuer: 'https://gitlab.com', profile: 'gitlab' });
  expect(admittedLabels(pinned)).toEqual([]);
});

test('an admitted near miss is expected only when a case of the role allows the same identity', () => {
  const scenario = github(DEPLOY);
  const findings = probeScenarioLocally(scenario);
  expect(unexpectedAdmissions([scenario], findings).map((f) => f.identity.label.replace(/ #\d+$/, ''))).toEqual(['sub: environment "production" from branch "evil"']);
  const withCase: Scenario = {
    ...scenario,
    cases: [{
      name: 'production may be deployed from any branch',
      token: { claims: { repository: 'acme/api', environment: 'production', ref: 'refs/heads/evil' } },
      assume: { role: 'role-under-test' }, reads: [], idpFaults: [], path: 'cases[0]',
      expect: { assume: 'allowed', reads: {} },
    }],
  };
  expect(unexpectedAdmissions([withCase], findings)).toEqual([]);
  const role = scenario.aws.roles[0]!;
  const pr = generateNearMisses(scenario, role).find((p) => p.label === 'sub: pull_request event')!;
  expect(evaluateProbeLocally(scenario, role, pr).admitted).toBe(false);
});
