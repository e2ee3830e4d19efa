import { test, expect } from '@playwright/test';
import { BatchGetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { RoleView } from '../../../harness/gate/types.js';
import { OTHER_SECRET_ARN, SECRET_ARN, SESSION_ARN, allow, otherSecret, role, secret, world } from './fixtures.js';
import { rejection, secretsManager } from './sdk-capture.js';

const GET = 'secretsmanager:GetSecretValue';
const BATCH = 'secretsmanager:BatchGetSecretValue';
const LIST = 'secretsmanager:ListSecrets';

/** what moto answers: every requested secret that exists, never an authorization error */
const BACKEND = JSON.stringify({
  SecretValues: [
    { ARN: SECRET_ARN, Name: 'app/db', SecretString: 'db-value', VersionId: 'v1' },
    { ARN: OTHER_SECRET_ARN, Name: 'app/other', SecretString: 'other-value', VersionId: 'v1' },
  ],
  Errors: [{ SecretId: 'app/missing', ErrorCode: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." }],
});

function batchClient(r: RoleView) {
  const w = world({ role: r, secrets: [secret(), otherSecret()] });
  return secretsManager(w.ctx, { credentials: w.session, backendBody: BACKEND });
}

const deniedGet = (resource: string) =>
  `User: ${SESSION_ARN} is not authorized to perform: ${GET} on resource: ${resource} because no identity-based policy allows the ${GET} action`;

test('without secretsmanager:BatchGetSecretValue on * the whole call is denied', async () => {
  const { client } = batchClient(role({ identityPolicies: [allow(GET, '*')] }));
  const error = await rejection(client.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db'] })));
  expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual([
    'AccessDeniedException',
    400,
    `User: ${SESSION_ARN} is not authorized to perform: ${BATCH} because no identity-based policy allows the ${BATCH} action`,
  ]);
});

test('secrets the caller may not read move from SecretValues to Errors; the call succeeds', async () => {
  const { client, exchange } = batchClient(
    role({ identityPolicies: [allow(BATCH, '*'), allow(GET, 'arn:aws:secretsmanager:*:*:secret:app/db-??????')] }),
  );
  const out = await client.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'app/other'] }));
  expect(out.SecretValues?.map((v) => v.Name)).toEqual(['app/db']);
  expect(out.Errors).toEqual([{ SecretId: 'app/other', ErrorCode: 'AccessDeniedException', Message: deniedGet('app/other') }]);
  const decision = exchange.verdict?.kind === 'forward' ? exchange.verdict.decision : undefined;
  expect(decision?.operation).toBe('BatchGetSecretValue');
  expect(decision?.explanation.some((s) => s.includes(`${GET} on ${OTHER_SECRET_ARN}`) && s.includes('denied'))).toBe(true);
});

test('a missing secret the caller may read is a ResourceNotFoundException entry; without permission AccessDenied', async () => {
  const { client } = batchClient(
    role({ identityPolicies: [allow(BATCH, '*'), allow(GET, ['arn:aws:secretsmanager:*:*:secret:app/db-??????', 'arn:aws:secretsmanager:*:*:secret:app/missing'])] }),
  );
  const out = await client.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'app/missing', 'app/gone'] }));
  expect(out.SecretValues?.map((v) => v.Name)).toEqual(['app/db']);
  expect(out.Errors).toEqual([
    { SecretId: 'app/missing', ErrorCode: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." },
    { SecretId: 'app/gone', ErrorCode: 'AccessDeniedException', Message: deniedGet('app/gone') },
  ]);
});

test('when no listed secret is readable the gate answers alone, with every secret in Errors', async () => {
  const { client, exchange } = batchClient(role({ identityPolicies: [allow(BATCH, '*')] }));
  const out = await client.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'app/other'] }));
  expect(exchange.verdict?.kind).toBe('respond');
  expect(out.SecretValues).toEqual([]);
  expect(out.Errors?.map((e) => [e.SecretId, e.ErrorCode])).toEqual([
    ['app/db', 'AccessDeniedException'],
    ['app/other', 'AccessDeniedException'],
  ]);
});

test('when every listed secret is readable the backend answer passes untouched', async () => {
  const { client, exchange } = batchClient(role({ identityPolicies: [allow([BATCH, GET], '*')] }));
  await client.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'app/other'] }));
  expect(exchange.verdict?.kind === 'forward' && exchange.verdict.transformResponse).toBeUndefined();
});

test('with Filters the call also needs secretsmanager:ListSecrets', async () => {
  const { client } = batchClient(role({ identityPolicies: [allow([BATCH, GET], '*')] }));
  const error = await rejection(client.send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['app'] }] })));
  expect(error.message).toBe(
    `User: ${SESSION_ARN} is not authorized to perform: ${LIST} because no identity-based policy allows the ${LIST} action`,
  );
});

test('with Filters each secret the backend returns is authorized', async () => {
  const { client } = batchClient(
    role({ identityPolicies: [allow([BATCH, LIST], '*'), allow(GET, 'arn:aws:secretsmanager:*:*:secret:app/other-??????')] }),
  );
  const out = await client.send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['app'] }] }));
  expect(out.SecretValues?.map((v) => v.Name)).toEqual(['app/other']);
  expect(out.Errors?.map((e) => [e.SecretId, e.ErrorCode])).toEqual([
    ['app/missing', 'ResourceNotFoundException'],
    [SECRET_ARN, 'AccessDeniedException'],
  ]);
});
