/**
 * Where we knowingly differ from @cloud-copilot/iam-simulate, each case showing both answers.
 * The decision for each: the AWS rules in docs/aws-oidc-federation.md §4.
 */
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { test, expect } from '@playwright/test';
import { authorize, evaluatePolicy, validatePolicy, type PolicyJson } from '../../harness/policy/index.js';
import { oracleRead, oracleTrust } from './differential/oracle.js';
import { ACCOUNT, GET, ROLE, SECRET, SESSION } from './differential/read-generator.js';
import { PROVIDER_A } from './differential/trust-generator.js';

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/acme-deploy`;
const trust = (condition: Record<string, unknown>): PolicyJson => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER_A }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
});
const both = (policy: PolicyJson, context: Record<string, string | string[]>) => ({
  ours: evaluatePolicy(policy, { principal: { kind: 'federated', provider: PROVIDER_A }, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE_ARN, context }).decision,
  theirs: oracleTrust(policy, PROVIDER_A, context, ROLE_ARN),
});

test('session policy vs a resource policy naming the session ARN: AWS does not cap it (iam-simulate does)', async () => {
  // aws-oidc-federation.md §4: "A resource policy naming the role ARN is still capped by the session policy; one naming the session ARN is not."
  const resource = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: SESSION }, Action: GET, Resource: '*' }] };
  const session = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
  const ours = authorize({
    request: { principal: { kind: 'aws', arns: [SESSION, ROLE], accountId: ACCOUNT }, action: GET, resource: SECRET, context: {} },
    identityPolicies: [],
    resourcePolicy: resource,
    sessionPolicies: [session],
    session: { sessionArn: SESSION, roleArn: ROLE },
  });
  expect({ ours: ours.decision, theirs: await oracleRead({ identity: [], resource, session }) }).toEqual({ ours: 'Allow', theirs: 'ImplicitDeny' });
});

test('unknown operator StringEqualz: we flag it, iam-simulate does not; neither lets it match', () => {
  const policy = trust({ StringEqualz: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } });
  expect(validatePolicy(policy, 'trust').map((f) => f.code)).toEqual(['unknown-operator']);
  expect(validateTrustPolicy(policy)).toEqual([]);
  expect(both(policy, { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' })).toEqual({ ours: 'ImplicitDeny', theirs: 'ImplicitDeny' });
});

test('NotIpAddress with a bare address and a caller of the other IP family holds (iam-simulate: fails)', () => {
  // A bare address is a /32 (/128); an IPv6 caller is outside it. With a CIDR, iam-simulate agrees (next row).
  expect(both(trust({ NotIpAddress: { 'aws:SourceIp': '203.0.113.7' } }), { 'aws:SourceIp': '2001:db8::5' })).toEqual({ ours: 'Allow', theirs: 'ImplicitDeny' });
  expect(both(trust({ NotIpAddress: { 'aws:SourceIp': '203.0.113.7/32' } }), { 'aws:SourceIp': '2001:db8::5' })).toEqual({ ours: 'Allow', theirs: 'Allow' });
});

test('Date operators compare epoch seconds and ISO 8601 as instants (iam-simulate compares seconds with milliseconds)', () => {
  expect(both(trust({ DateEquals: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }), { 'aws:CurrentTime': '1767225600' })).toEqual({ ours: 'Allow', theirs: 'ImplicitDeny' });
});

test('ForAnyValue:...IfExists on an absent key holds, as IfExists says [?] (iam-simulate: false)', () => {
  expect(both(trust({ 'ForAnyValue:StringEqualsIfExists': { 'api.gitpod.io/idp:amr': 'mfa' } }), {})).toEqual({ ours: 'Allow', theirs: 'ImplicitDeny' });
});

test('the oracle accepts the trust policies these deviations use', () => {
  expect(() => createValidatedPolicy(trust({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), validateTrustPolicy, { name: 'TrustPolicy' })).not.toThrow();
});
