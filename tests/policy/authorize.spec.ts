import { test, expect } from '@playwright/test';
import { accessDeniedMessage, authorize, type AuthorizationInput } from '../../harness/policy/index.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/acme`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/acme/s1`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
const GET = 'secretsmanager:GetSecretValue';

const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: GET, Resource: '*' }] };
const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: GET, Resource: '*' }] };
const other = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const rp = (principal: unknown, effect = 'Allow') => ({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: principal, Action: GET, Resource: '*' }] });

function input(parts: Partial<AuthorizationInput>, resource = SECRET): AuthorizationInput {
  return {
    request: { principal: { kind: 'aws', arns: [SESSION, ROLE, `arn:aws:iam::${ACCOUNT}:root`], accountId: ACCOUNT }, action: GET, resource, context: {} },
    identityPolicies: [],
    session: { sessionArn: SESSION, roleArn: ROLE },
    ...parts,
  };
}
const outcome = (parts: Partial<AuthorizationInput>, resource?: string) => {
  const r = authorize(input(parts, resource));
  return r.denial ?? r.decision;
};

test('identity allow, or resource allow, suffices in the same account', () => {
  expect(outcome({ identityPolicies: [allow] })).toBe('Allow');
  expect(outcome({ resourcePolicy: rp({ AWS: ROLE }) })).toBe('Allow');
  expect(outcome({})).toBe('no-identity-allow');
});

test('a resource policy naming only the account delegates to identity policies', () => {
  expect(outcome({ resourcePolicy: rp({ AWS: ACCOUNT }) })).toBe('no-identity-allow');
  expect(outcome({ resourcePolicy: rp({ AWS: ACCOUNT }), identityPolicies: [allow] })).toBe('Allow');
});

test('explicit deny in each layer names that layer', () => {
  expect(outcome({ identityPolicies: [allow, deny] })).toBe('explicit-deny-identity');
  expect(outcome({ identityPolicies: [allow], resourcePolicy: rp({ AWS: ACCOUNT }, 'Deny') })).toBe('explicit-deny-resource');
  expect(outcome({ identityPolicies: [allow], permissionsBoundary: deny })).toBe('explicit-deny-boundary');
  expect(outcome({ identityPolicies: [allow], sessionPolicies: [deny] })).toBe('explicit-deny-session');
});

test('a permissions boundary caps identity grants and role-ARN resource grants, not session-ARN ones', () => {
  expect(outcome({ identityPolicies: [allow], permissionsBoundary: other })).toBe('no-boundary-allow');
  expect(outcome({ identityPolicies: [allow], permissionsBoundary: allow })).toBe('Allow');
  expect(outcome({ resourcePolicy: rp({ AWS: ROLE }), permissionsBoundary: other })).toBe('no-boundary-allow');
  expect(outcome({ resourcePolicy: rp({ AWS: SESSION }), permissionsBoundary: other })).toBe('Allow');
});

test('a session policy caps identity and role-ARN resource grants, not session-ARN ones', () => {
  expect(outcome({ identityPolicies: [allow], sessionPolicies: [other] })).toBe('no-session-allow');
  expect(outcome({ identityPolicies: [allow], sessionPolicies: [other, allow] })).toBe('Allow');
  expect(outcome({ resourcePolicy: rp({ AWS: ROLE }), sessionPolicies: [other] })).toBe('no-session-allow');
  expect(outcome({ resourcePolicy: rp({ AWS: SESSION }), sessionPolicies: [other] })).toBe('Allow');
});

test('cross-account needs both identity and resource grants', () => {
  const foreign = 'arn:aws:secretsmanager:us-east-1:999999999999:secret:x-AbCdEf';
  expect(outcome({ identityPolicies: [allow] }, foreign)).toBe('no-resource-allow');
  expect(outcome({ identityPolicies: [allow], resourcePolicy: rp({ AWS: ACCOUNT }) }, foreign)).toBe('Allow');
  expect(outcome({ resourcePolicy: rp({ AWS: ROLE }) }, foreign)).toBe('no-identity-allow');
});

test('the result keeps every layer and an explanation', () => {
  const r = authorize(input({ identityPolicies: [allow], sessionPolicies: [other], permissionsBoundary: allow }));
  expect(Object.keys(r.layers).sort()).toEqual(['boundary', 'identity', 'session']);
  expect(r.explanation.at(-1)).toContain('no session policy allows');
});

test('accessDeniedMessage builds the Secrets Manager message forms exactly', () => {
  expect(accessDeniedMessage(SESSION, GET, SECRET, 'no-identity-allow')).toBe(
    `User: ${SESSION} is not authorized to perform: ${GET} on resource: ${SECRET} because no identity-based policy allows the ${GET} action`,
  );
  expect(accessDeniedMessage(SESSION, GET, SECRET, 'explicit-deny-resource')).toBe(
    `User: ${SESSION} is not authorized to perform: ${GET} on resource: ${SECRET} with an explicit deny in a resource-based policy`,
  );
  expect(accessDeniedMessage(SESSION, GET, SECRET, 'no-session-allow')).toBe(
    `User: ${SESSION} is not authorized to perform: ${GET} on resource: ${SECRET} because no session policy allows the ${GET} action`,
  );
});
