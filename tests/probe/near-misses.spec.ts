/** Near-miss identities derived from trust statements, decided by the local evaluator. */
import { test, expect } from '@playwright/test';
import { evaluateProbeLocally, failsStrictProbe, generateNearMisses, probeScenarioLocally } from '../../harness/probe/index.js';
import type { Scenario } from '../../harness/scenario/model.js';
import { GITHUB, GITPOD_PREFIX as P, pinned, policy, scenarioWith, statement } from '../lint/helpers.js';

const seedLike = (strict = false): Scenario =>
  scenarioWith(
    policy(statement({ condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'https://github.com/acme/app*' } } })),
    { strict },
  );

function decided(scenario: Scenario): Map<string, boolean> {
  const role = scenario.aws.roles[0]!;
  return new Map(generateNearMisses(scenario, role).map((id) => [id.label, evaluateProbeLocally(scenario, role, id).admitted]));
}

test('`https://github.com/acme/app*` admits its pull-request context and look-alike repositories', () => {
  const byLabel = decided(seedLike());
  expect(byLabel.get('sub: pull-request context')).toBe(true);
  expect(byLabel.get('sub: look-alike repository "app-fork"')).toBe(true);
  expect(byLabel.get('sub: look-alike repository "app-evil"')).toBe(true);
  expect(byLabel.get('sub: branch context "x"')).toBe(true);
});

test('`https://github.com/acme/app*` refuses other owners, case variants, no-context and broken tokens', () => {
  const byLabel = decided(seedLike());
  for (const label of [
    'sub: look-alike owner "acme-evil"',
    'sub: look-alike owner "acmecorp"',
    'sub: look-alike owner "acme.evil"',
    'sub: case variant "Acme"',
    'sub: no-context',
    'sub removed',
    'aud removed',
    'audience "evil-client"',
    'audience case variant',
    'other Gitpod issuer form',
  ]) {
    expect(byLabel.get(label), label).toBe(false);
  }
});

test('probes name the statement they come from and carry the claims the statement constrains', () => {
  const scenario = seedLike();
  const probes = generateNearMisses(scenario, scenario.aws.roles[0]!);
  const pr = probes.find((p) => p.label === 'sub: pull-request context')!;
  expect(pr.statementPath).toBe('Statement[0]');
  expect(pr.token).toEqual({ claims: { sub: 'https://github.com/acme/app/pull/1' }, audience: ['sts.amazonaws.com'] });
  expect(probes.find((p) => p.label === 'other Gitpod issuer form')!.token.issuer).toBe('https://services.gitpod.io/idp');
});

test('an exactly pinned policy admits no near miss', () => {
  const scenario = scenarioWith(policy(pinned(['https://github.com/acme/app', 'https://github.com/acme/app/tree/main'])));
  const findings = probeScenarioLocally(scenario);
  expect(findings.length).toBeGreaterThan(10);
  expect(findings.filter((f) => f.admitted).map((f) => f.identity.label)).toEqual([]);
});

test('values the policy trusts exactly are not offered as near misses', () => {
  const scenario = scenarioWith(policy(pinned(['https://github.com/acme/app', 'https://github.com/acme/app-fork'])));
  const subs = generateNearMisses(scenario, scenario.aws.roles[0]!).map((p) => p.token.claims['sub']);
  expect(subs).not.toContain('https://github.com/acme/app-fork');
  expect(subs).toContain('https://github.com/acme/app-evil');
});

test('the other Gitpod issuer form is admitted when the policy trusts both providers', () => {
  const services = 'https://services.gitpod.io/idp';
  const sp = 'services.gitpod.io/idp';
  const scenario = scenarioWith(
    policy(
      pinned(),
      statement({ condition: { StringEquals: { [`${sp}:aud`]: 'sts.amazonaws.com', [`${sp}:sub`]: 'https://github.com/acme/app' } } }, services),
    ),
    {
      providers: [
        { url: 'https://api.gitpod.io/idp', clientIds: ['sts.amazonaws.com'], thumbprints: [] },
        { url: services, clientIds: ['sts.amazonaws.com'], thumbprints: [] },
      ],
    },
  );
  const findings = probeScenarioLocally(scenario).filter((f) => f.identity.label.startsWith('other Gitpod issuer form'));
  expect(findings.map((f) => f.admitted)).toEqual([true, true]);
});

test('GitHub `repo:acme/app:*` admits the pull_request event but not a look-alike owner', () => {
  const gh = 'token.actions.githubusercontent.com';
  const scenario = scenarioWith(
    policy(statement({ condition: { StringEquals: { [`${gh}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${gh}:sub`]: 'repo:acme/app:*' } } }, GITHUB)),
    { issuer: GITHUB, profile: 'github-actions' },
  );
  const byLabel = decided(scenario);
  expect(byLabel.get('sub: pull_request event')).toBe(true);
  expect(byLabel.get('sub: look-alike owner "acme-evil"')).toBe(false);
  expect(byLabel.has('other Gitpod issuer form')).toBe(false);
});

test('an admitted near miss fails the run only for a strict role', () => {
  expect(failsStrictProbe(probeScenarioLocally(seedLike(false)))).toBe(false);
  const strict = probeScenarioLocally(seedLike(true));
  expect(strict.every((f) => f.strict && f.role === 'role-under-test' && f.scenario === 'under-test')).toBe(true);
  expect(failsStrictProbe(strict)).toBe(true);
});

test('a local refusal before the trust policy says which STS check refused', () => {
  const scenario = seedLike();
  const role = scenario.aws.roles[0]!;
  const probe = generateNearMisses(scenario, role).find((p) => p.label === 'audience "evil-client"')!;
  expect(evaluateProbeLocally(scenario, role, probe).explanation).toEqual(['InvalidIdentityToken: Incorrect token audience']);
});

test('labels stay unique within a role when several patterns yield the same kind of near miss', () => {
  const scenario = scenarioWith(policy(pinned(['https://github.com/acme/app', 'https://github.com/acme/app/tree/main'])));
  const labels = generateNearMisses(scenario, scenario.aws.roles[0]!).map((p) => p.label);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels).toContain('sub: look-alike owner "acme-evil" #2');
});
