import { test, expect } from '@playwright/test';
import { REDACTED, redact, redactText } from '../../harness/report/redact.js';
import * as canary from './canaries.js';
import { sampleReport } from './sample-report.js';

test('compact JWTs (signed and alg=none), access keys and secret access keys are removed from text', () => {
  const text = `token=${canary.CANARY_JWT} none=${canary.CANARY_ALG_NONE_JWT} id=${canary.CANARY_ACCESS_KEY} sts=${canary.CANARY_SESSION_KEY} key=${canary.CANARY_SECRET_ACCESS_KEY}`;
  const out = redactText(text);
  for (const value of canary.ALL_CANARIES.filter((v) => v !== canary.CANARY_SECRET_VALUE)) expect(out).not.toContain(value);
  expect(out).toBe(`token=${REDACTED.token} none=${REDACTED.token} id=${REDACTED.accessKey} sts=${REDACTED.accessKey} key=${REDACTED.secretKey}`);
});

test('known secret values are removed wherever they occur, also inside longer text', () => {
  const out = redactText(`connect failed: ${canary.CANARY_SECRET_VALUE} (retrying)`, { secretValues: [canary.CANARY_SECRET_VALUE, ''] });
  expect(out).toBe(`connect failed: ${REDACTED.secret} (retrying)`);
});

test('long base64 runs (session tokens) are removed', () => {
  const sessionToken = `FwoGZXIvYXdzE${'A1b2C3d4'.repeat(40)}`;
  expect(redactText(`token ${sessionToken} end`)).toBe(`token ${REDACTED.blob} end`);
});

test('what reports legitimately show is left alone', () => {
  const legit = [
    'https://api.gitpod.io/idp',
    'services.gitpod-staging.example.io',
    'arn:aws:iam::123456789012:role/gitpod-secrets-reader',
    'api.gitpod.io/idp:sub',
    'id-3f9a0c1b2d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4',
    '9e99a48a9960b14926bb7f3b02e22da2b0ab7280', // an OIDC thumbprint: 40 hex
    'AROAEXAMPLEROLEID1234:ws-1-1700000000',
    'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  ];
  for (const value of legit) expect(redactText(value)).toBe(value);
});

test('redact() walks the whole model, object keys included, and leaves the input untouched', () => {
  const report = sampleReport();
  const first = report.cases[0]!;
  first.explanation.push(`the raw token was ${canary.CANARY_JWT}`);
  first.details!.token!.claims[canary.CANARY_SECRET_VALUE] = canary.CANARY_ACCESS_KEY;
  const out = JSON.stringify(redact(report, { secretValues: [canary.CANARY_SECRET_VALUE] }));
  for (const value of canary.ALL_CANARIES) expect(out).not.toContain(value);
  expect(JSON.stringify(report)).toContain(canary.CANARY_JWT);
  expect(JSON.parse(out).summary).toEqual(report.summary);
});
