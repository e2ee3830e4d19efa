import { test, expect } from '@playwright/test';
import { changesAccount } from '../../harness/gate/account-writes.js';
import { classify } from '../../harness/gate/http/classify.js';
import type { GateRequest } from '../../harness/gate/types.js';

const form = (body: string, service = 'iam'): GateRequest => ({
  method: 'POST',
  url: '/',
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`,
  },
  body: Buffer.from(body),
});
const json = (target: string): GateRequest => ({
  method: 'POST', url: '/', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from('{}'),
});

const CASES: [string, GateRequest, boolean][] = [
  ['IAM CreateRole', form('Action=CreateRole&Version=2010-05-08'), true],
  ['IAM PutRolePolicy', form('Action=PutRolePolicy&Version=2010-05-08'), true],
  ['IAM AddClientIDToOpenIDConnectProvider', form('Action=AddClientIDToOpenIDConnectProvider&Version=2010-05-08'), true],
  ['IAM GetRole', form('Action=GetRole&Version=2010-05-08'), false],
  ['IAM ListRoles', form('Action=ListRoles&Version=2010-05-08'), false],
  ['STS AssumeRole', form('Action=AssumeRole&Version=2011-06-15', 'sts'), false],
  ['Secrets Manager PutResourcePolicy', json('secretsmanager.PutResourcePolicy'), true],
  ['Secrets Manager CreateSecret', json('secretsmanager.CreateSecret'), true],
  ['Secrets Manager GetSecretValue', json('secretsmanager.GetSecretValue'), false],
  ['Secrets Manager DescribeSecret', json('secretsmanager.DescribeSecret'), false],
];

for (const [name, request, expected] of CASES) {
  test(`${name} ${expected ? 'invalidates' : 'keeps'} the account view`, () => {
    expect(changesAccount(request, classify(request))).toBe(expected);
  });
}
