/** Behaviour inside single rules that the table does not pin: severities that depend on the policy. */
import { test, expect } from '@playwright/test';
import { lintScenario } from '../../harness/lint/index.js';
import type { LintFinding } from '../../harness/lint/index.js';
import type { PolicyJson } from '../../harness/policy/types.js';
import { GITHUB, GITPOD_PREFIX as P, pinned, policy, scenarioWith, statement, type ScenarioOptions } from './helpers.js';

const lint = (p: PolicyJson, o?: ScenarioOptions, rule?: string): LintFinding[] =>
  lintScenario(scenarioWith(p, o)).filter((f) => rule === undefined || f.rule === rule);

test('claim-not-exposed says a negated condition on an unexposed claim is always true', () => {
  const [f] = lint(policy(pinned('https://github.com/acme/app', { StringNotEquals: { [`${P}:org_id`]: 'evil' } })), {}, 'claim-not-exposed');
  expect(f!.message).toContain('ALWAYS true');
});

test('claim-not-exposed accepts the provider-specific keys AWS exposes for GitHub', () => {
  const gh = 'token.actions.githubusercontent.com';
  const p = policy(statement({ condition: { StringEquals: { [`${gh}:aud`]: 'sts.amazonaws.com', [`${gh}:repository`]: 'acme/app' } } }, GITHUB));
  expect(lint(p, { issuer: GITHUB, profile: 'github-actions' }, 'claim-not-exposed')).toEqual([]);
  expect(lint(p, { issuer: GITHUB, profile: 'github-actions' }, 'missing-sub')).toEqual([]);
});

test('missing-sub is a warning, not an error, for a private (single-tenant) issuer', () => {
  const issuer = 'https://api.dev-internal.gitpod.cloud/idp';
  const p = policy(statement({ condition: { StringEquals: { 'api.dev-internal.gitpod.cloud/idp:aud': 'sts.amazonaws.com' } } }, issuer));
  expect(lint(p, { issuer }, 'missing-sub').map((f) => f.severity)).toEqual(['warning']);
});

test('missing-sub: a sub condition that only excludes (StringNotLike) does not pin the subject', () => {
  const p = policy(statement({ condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringNotLike: { [`${P}:sub`]: 'no-context' } } }));
  expect(lint(p, {}, 'missing-sub').map((f) => f.severity)).toEqual(['error']);
});

test('stringlike-crosses-boundary is a warning when the wildcard stays inside the organisation', () => {
  const p = policy(statement({ condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: ['https://github.com/acme*', 'https://github.com/acme/app*'] } } }));
  expect(lint(p, {}, 'stringlike-crosses-boundary').map((f) => f.severity)).toEqual(['error', 'warning']);
});

test('aud-not-in-client-ids: one dead value beside a live one is a warning', () => {
  const p = policy(pinned('https://github.com/acme/app', { StringEquals: { [`${P}:aud`]: ['sts.amazonaws.com', 'other'], [`${P}:sub`]: 'https://github.com/acme/app' } }));
  expect(lint(p, {}, 'aud-not-in-client-ids').map((f) => f.severity)).toEqual(['warning']);
});

test('federated-other-provider: a provider ARN in another account is an error', () => {
  const p = policy({ ...pinned(), Principal: { Federated: 'arn:aws:iam::999999999999:oidc-provider/api.gitpod.io/idp' } });
  expect(lint(p, {}, 'federated-other-provider').map((f) => f.severity)).toEqual(['error']);
});

test('Deny statements are not held to Allow rules', () => {
  const deny = statement({ effect: 'Deny', condition: { StringLike: { [`${P}:sub`]: 'https://github.com/evil*' } } });
  const rules = lint(policy(pinned(), deny)).map((f) => f.rule);
  expect(rules).toEqual([]);
});

test('a corrected seed-style policy has no findings at all', () => {
  expect(lint(policy(pinned(['https://github.com/acme/app', 'https://github.com/acme/app/tree/main'])))).toEqual([]);
});
