import { test, expect } from '@playwright/test';
import { validatePolicy, type PolicyFinding } from '../../harness/policy/index.js';

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp';
const trustStatement = { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' };
const trust = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ ...trustStatement, ...s }] });
const codes = (f: PolicyFinding[]) => f.map((x) => x.code);

test('a well-formed trust policy has no findings', () => {
  expect(validatePolicy(trust({ Condition: { StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } } }), 'trust')).toEqual([]);
});

test('Resource in a trust policy is prohibited, with AWS message', () => {
  const f = validatePolicy(trust({ Resource: '*' }), 'trust');
  expect(f).toEqual([expect.objectContaining({ code: 'resource-not-allowed', path: 'Statement[0].Resource', awsMessage: 'Has prohibited field Resource' })]);
});

test('a trust policy needs a Principal', () => {
  const f = validatePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' } }, 'trust');
  expect(f).toEqual([expect.objectContaining({ code: 'missing-principal', path: 'Statement.Principal', awsMessage: 'Missing required field Principal' })]);
});

test('identity, boundary and session policies must not name a principal', () => {
  for (const kind of ['identity', 'boundary', 'session'] as const) {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] };
    expect(validatePolicy(doc, kind)).toEqual([
      expect.objectContaining({ code: 'principal-not-allowed', awsMessage: 'Policy document should not specify a principal.' }),
    ]);
  }
});

test('an invalid Federated principal gets the "Invalid principal in policy" message', () => {
  const f = validatePolicy(trust({ Principal: { Federated: 'api.gitpod.io/idp' } }), 'trust');
  expect(f).toEqual([
    expect.objectContaining({ code: 'invalid-principal', path: 'Statement[0].Principal.Federated', awsMessage: 'Invalid principal in policy: "Federated":"api.gitpod.io/idp"' }),
  ]);
});

test('built-in federated hosts are valid principals', () => {
  expect(validatePolicy(trust({ Principal: { Federated: 'accounts.google.com' } }), 'trust')).toEqual([]);
});

test('an unknown operator such as StringEqualz is flagged with its path', () => {
  const f = validatePolicy(trust({ Condition: { StringEqualz: { 'api.gitpod.io/idp:aud': 'x' } } }), 'trust');
  expect(f).toEqual([expect.objectContaining({ code: 'unknown-operator', path: 'Statement[0].Condition.StringEqualz', severity: 'error' })]);
});

test('set-operator and IfExists forms are known operators', () => {
  const f = validatePolicy(trust({ Condition: { 'ForAnyValue:StringLikeIfExists': { k: 'x' }, 'ForSomeValue:StringLike': { k: 'x' } } }), 'trust');
  expect(f.map((x) => x.path)).toEqual(['Statement[0].Condition.ForSomeValue:StringLike']);
});

test('condition values of the wrong type are warnings; objects are errors', () => {
  const f = validatePolicy(trust({ Condition: { NumericLessThan: { k: 'ten' }, Bool: { b: 'yes' }, StringEquals: { s: { a: 1 } } } }), 'trust');
  expect(f.map((x) => [x.code, x.severity])).toEqual([
    ['condition-value-type', 'warning'],
    ['condition-value-type', 'warning'],
    ['invalid-condition-value', 'error'],
  ]);
});

test('structure: Effect, Action, Version, Statement, duplicate Sid, unknown field', () => {
  expect(codes(validatePolicy(trust({ Effect: 'Alow' }), 'trust'))).toEqual(['invalid-effect']);
  expect(codes(validatePolicy(trust({ Action: undefined }), 'trust'))).toEqual(['missing-action']);
  expect(codes(validatePolicy(trust({ Action: 'sts:Assume', NotAction: 'iam:*' }), 'trust'))).toEqual(['action-and-notaction']);
  expect(codes(validatePolicy({ ...trust({}), Version: '2012-10-18' }, 'trust'))).toEqual(['invalid-version']);
  expect(codes(validatePolicy({ Statement: [trustStatement] }, 'trust'))).toEqual(['missing-version']);
  expect(codes(validatePolicy({ Version: '2012-10-17', Statement: 'x' }, 'trust'))).toEqual(['invalid-statement']);
  expect(codes(validatePolicy({ Version: '2012-10-17', Statement: [{ ...trustStatement, Sid: 'A' }, { ...trustStatement, Sid: 'A' }] }, 'trust'))).toEqual(['duplicate-sid']);
  expect(codes(validatePolicy(trust({ Conditions: {} }), 'trust'))).toEqual(['unknown-field']);
  expect(codes(validatePolicy('nope', 'trust'))).toEqual(['invalid-document']);
});

test('identity policies need Resource; resource policies need Principal', () => {
  const identity = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue' }] };
  expect(codes(validatePolicy(identity, 'identity'))).toEqual(['missing-resource']);
  const resource = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] };
  expect(codes(validatePolicy(resource, 'resource'))).toEqual(['missing-principal']);
});
