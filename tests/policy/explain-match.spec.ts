import { expect, test } from '@playwright/test';
import { evaluatePolicy, type ConditionTrace, type PolicyRequest } from '../../harness/policy/index.js';

const GITHUB = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${GITHUB}`;
const SUBJECTS = ['repo:acme/api:ref:refs/heads/main', 'repo:acme/web:ref:refs/heads/main', 'repo:acme/*:pull_request'];

function evaluate(condition: Record<string, Record<string, unknown>>, context: PolicyRequest['context']) {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
  };
  return evaluatePolicy(policy, {
    principal: { kind: 'federated', provider: PROVIDER },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: 'arn:aws:iam::123456789012:role/deploy',
    context,
  });
}

function only(condition: Record<string, Record<string, unknown>>, context: PolicyRequest['context']): ConditionTrace {
  return evaluate(condition, context).statements[0]!.conditions[0]!;
}

test.describe('explanations name the request value and the policy value that decided', () => {
  test('StringLike over a list: the pattern that matched, in the trace and in the explanation of the applying statement', () => {
    const ev = evaluate({ StringLike: { [`${GITHUB}:sub`]: SUBJECTS } }, { [`${GITHUB}:sub`]: 'repo:acme/billing:pull_request' });
    expect(ev.decision).toBe('Allow');
    const c = ev.statements[0]!.conditions[0]!;
    expect(c.decidedBy).toEqual([{ value: 'repo:acme/billing:pull_request', pattern: 'repo:acme/*:pull_request', index: 2 }]);
    expect(c.reason).toMatch(/^the token's value "repo:acme\/billing:pull_request" matches "repo:acme\/\*:pull_request" \(one of \[/);
    expect(ev.explanation[0]).toContain('applies (Allow): StringLike token.actions.githubusercontent.com:sub: the token\'s value "repo:acme/billing:pull_request" matches "repo:acme/*:pull_request"');
  });

  test('a single pattern is named without the list', () => {
    const c = only({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }, { [`${GITHUB}:aud`]: 'sts.amazonaws.com' });
    expect(c.reason).toBe('the token\'s value "sts.amazonaws.com" equals "sts.amazonaws.com"');
  });

  test('a failed condition names the value that matched none of the patterns', () => {
    const c = only({ StringLike: { [`${GITHUB}:sub`]: SUBJECTS } }, { [`${GITHUB}:sub`]: 'repo:evil/api:ref:refs/heads/main' });
    expect(c.matched).toBe(false);
    expect(c.decidedBy).toEqual([{ value: 'repo:evil/api:ref:refs/heads/main' }]);
    expect(c.reason).toContain('"repo:evil/api:ref:refs/heads/main" matches none of [');
  });

  test('a negated operator that fails names the pattern the value matched', () => {
    const c = only({ StringNotLike: { [`${GITHUB}:sub`]: ['repo:*:environment:*', 'repo:*:pull_request'] } }, { [`${GITHUB}:sub`]: 'repo:acme/api:pull_request' });
    expect(c.matched).toBe(false);
    expect(c.decidedBy).toEqual([{ value: 'repo:acme/api:pull_request', pattern: 'repo:*:pull_request', index: 1 }]);
    expect(c.reason).toBe('the token\'s value "repo:acme/api:pull_request" matches "repo:*:pull_request" (one of ["repo:*:environment:*", "repo:*:pull_request"]), so StringNotLike fails');
  });

  test('ForAnyValue names the value that held; ForAllValues names the value that failed', () => {
    const any = only({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }, { 'aws:TagKeys': ['owner', 'env'] });
    expect(any.decidedBy).toEqual([{ value: 'env', pattern: 'env', index: 1 }]);
    const all = only({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['team*', 'env'] } }, { 'aws:TagKeys': ['team-a', 'owner'] });
    expect(all.matched).toBe(false);
    expect(all.decidedBy).toEqual([{ value: 'owner' }]);
    expect(all.reason).toContain('"owner" matches none of ["team*", "env"], so ForAllValues:StringLike fails');
    const allOk = only({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['team*', 'env'] } }, { 'aws:TagKeys': ['team-a', 'env'] });
    expect(allOk.decidedBy).toEqual([
      { value: 'team-a', pattern: 'team*', index: 0 },
      { value: 'env', pattern: 'env', index: 1 },
    ]);
  });

  test('IP ranges, numbers and ARNs name the range, bound or ARN pattern that matched', () => {
    expect(only({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }, { 'aws:SourceIp': '192.168.1.5' }).decidedBy).toEqual([
      { value: '192.168.1.5', pattern: '192.168.0.0/16', index: 1 },
    ]);
    expect(only({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['60', '3600'] } }, { 'aws:MultiFactorAuthAge': '100' }).decidedBy).toEqual([
      { value: '100', pattern: '3600', index: 1 },
    ]);
    expect(only({ ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::1:role/a', 'arn:aws:iam::*:role/b*'] } }, { 'aws:PrincipalArn': 'arn:aws:iam::9:role/bx' }).decidedBy).toEqual([
      { value: 'arn:aws:iam::9:role/bx', pattern: 'arn:aws:iam::*:role/b*', index: 1 },
    ]);
  });

  test('a value of the wrong type is said to be incomparable', () => {
    const c = only({ NumericLessThan: { 'aws:MultiFactorAuthAge': '60' } }, { 'aws:MultiFactorAuthAge': 'soon' });
    expect(c.matched).toBe(false);
    expect(c.decidedBy).toEqual([{ value: 'soon', incomparable: true }]);
    expect(c.reason).toContain('cannot be compared with ["60"] by NumericLessThan');
  });
});
