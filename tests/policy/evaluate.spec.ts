import { test, expect } from '@playwright/test';
import { compilePolicy, evaluatePolicy, type PolicyRequest } from '../../harness/policy/index.js';

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp';
const ROLE = 'arn:aws:iam::123456789012:role/acme';
const trust = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GitpodAcme',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'api.gitpod.io/idp:sub': ['https://github.com/acme/app*'] }, StringEquals: { 'api.gitpod.io/idp:org_id': 'o1' } },
    },
  ],
};
const request = (context: PolicyRequest['context']): PolicyRequest => ({
  principal: { kind: 'federated', provider: PROVIDER },
  action: 'sts:AssumeRoleWithWebIdentity',
  resource: ROLE,
  context,
});

test('explanations name the statement, the operator, the key and the token value', () => {
  const ev = evaluatePolicy(trust, request({ 'api.gitpod.io/idp:sub': 'https://github.com/evil/app', 'api.gitpod.io/idp:org_id': 'o1' }));
  expect(ev.decision).toBe('ImplicitDeny');
  expect(ev.explanation[0]).toBe(
    'Statement[0] (Sid "GitpodAcme") does not apply: condition StringLike api.gitpod.io/idp:sub failed: the token\'s value "https://github.com/evil/app" matches none of ["https://github.com/acme/app*"]',
  );
  const failing = ev.statements[0]!.conditions[0]!;
  expect(failing).toMatchObject({ matched: false, actual: ['https://github.com/evil/app'], path: 'Statement[0].Condition.StringLike["api.gitpod.io/idp:sub"]' });
});

test('an absent key is explained as absent', () => {
  const ev = evaluatePolicy(trust, request({ 'api.gitpod.io/idp:sub': 'https://github.com/acme/app' }));
  expect(ev.explanation[0]).toContain('api.gitpod.io/idp:org_id is absent from the request: ');
  expect(ev.statements[0]!.conditions[1]!.actual).toBeNull();
});

test('condition key names are matched case-insensitively', () => {
  const ev = evaluatePolicy(trust, request({ 'API.GITPOD.IO/IDP:SUB': 'https://github.com/acme/app', 'api.gitpod.io/idp:ORG_ID': 'o1' }));
  expect(ev.decision).toBe('Allow');
  expect(ev.deciding?.sid).toBe('GitpodAcme');
});

test('the compiled form is cached per JSON object and accepted directly', () => {
  expect(compilePolicy(trust)).toBe(compilePolicy(trust));
  const ev = evaluatePolicy(compilePolicy(trust), request({ 'api.gitpod.io/idp:sub': 'https://github.com/acme/app', 'api.gitpod.io/idp:org_id': 'o1' }));
  expect(ev.decision).toBe('Allow');
});

const aws = (arns: string[]): PolicyRequest['principal'] => ({ kind: 'aws', arns, accountId: '123456789012' });
const SESSION = 'arn:aws:sts::123456789012:assumed-role/acme/s1';
const resourcePolicy = (principal: unknown, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*', ...extra }],
});
const read = (principal: PolicyRequest['principal'], action = 'secretsmanager:GetSecretValue'): PolicyRequest => ({
  principal,
  action,
  resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
  context: {},
});

test('principal matching records what matched', () => {
  const me = aws([SESSION, ROLE, 'arn:aws:iam::123456789012:root']);
  expect(evaluatePolicy(resourcePolicy({ AWS: ROLE }), read(me)).statements[0]!.principalMatchedBy).toBe(ROLE);
  expect(evaluatePolicy(resourcePolicy({ AWS: SESSION }), read(me)).statements[0]!.principalMatchedBy).toBe(SESSION);
  expect(evaluatePolicy(resourcePolicy({ AWS: '123456789012' }), read(me)).statements[0]!.principalMatchedBy).toBe('account:123456789012');
  expect(evaluatePolicy(resourcePolicy({ AWS: 'arn:aws:iam::123456789012:root' }), read(me)).statements[0]!.principalMatchedBy).toBe('account:123456789012');
  expect(evaluatePolicy(resourcePolicy('*'), read(me)).statements[0]!.principalMatchedBy).toBe('*');
  expect(evaluatePolicy(resourcePolicy({ AWS: 'arn:aws:iam::999999999999:root' }), read(me)).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy(resourcePolicy({ Service: 'lambda.amazonaws.com' }), read({ kind: 'service', service: 'lambda.amazonaws.com' })).decision).toBe('Allow');
});

test('NotPrincipal applies to everyone not listed', () => {
  const p = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: ROLE }, Action: '*', Resource: '*' }] };
  expect(evaluatePolicy(p, read(aws([SESSION, ROLE]))).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy(p, read(aws(['arn:aws:iam::123456789012:role/other']))).decision).toBe('ExplicitDeny');
});

test('actions are case-insensitive with wildcards; NotAction inverts', () => {
  const p = (action: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...action, Resource: '*' }] });
  expect(evaluatePolicy(p({ Action: 'SecretsManager:get*' }), read(aws([SESSION]))).decision).toBe('Allow');
  expect(evaluatePolicy(p({ Action: 'secretsmanager:Describe*' }), read(aws([SESSION]))).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy(p({ NotAction: 'secretsmanager:*' }), read(aws([SESSION]))).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy(p({ NotAction: 'iam:*' }), read(aws([SESSION]))).decision).toBe('Allow');
});

test('resources match part by part; NotResource inverts; variables resolve', () => {
  const p = (resource: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', ...resource }] });
  const r = read(aws([SESSION]));
  expect(evaluatePolicy(p({ Resource: 'arn:aws:secretsmanager:*:123456789012:secret:db-*' }), r).decision).toBe('Allow');
  expect(evaluatePolicy(p({ Resource: 'arn:aws:secretsmanager:*:123456789012:secret:web-*' }), r).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy(p({ NotResource: 'arn:aws:secretsmanager:*:*:secret:web-*' }), r).decision).toBe('Allow');
  const withTag = { ...r, context: { 'aws:PrincipalTag/team': 'db' } };
  expect(evaluatePolicy(p({ Resource: 'arn:aws:secretsmanager:*:*:secret:${aws:PrincipalTag/team}-*' }), withTag).decision).toBe('Allow');
  expect(evaluatePolicy(p({ Resource: 'arn:aws:secretsmanager:*:*:secret:${aws:PrincipalTag/team}-*' }), r).decision).toBe('ImplicitDeny');
  expect(evaluatePolicy({ ...p({ Resource: 'arn:aws:secretsmanager:*:*:secret:${aws:PrincipalTag/team}-*' }), Version: '2008-10-17' }, withTag).decision).toBe('ImplicitDeny');
});

test('explicit deny beats allow, and the deciding statement is the deny', () => {
  const p = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'NoSecrets', Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' },
    ],
  };
  const ev = evaluatePolicy(p, read(aws([SESSION])));
  expect(ev.decision).toBe('ExplicitDeny');
  expect(ev.deciding?.sid).toBe('NoSecrets');
  expect(ev.explanation.at(-1)).toBe('Decision: explicit deny by Statement[1] (Sid "NoSecrets")');
});
