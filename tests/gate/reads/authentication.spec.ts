import { test, expect } from '@playwright/test';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { XMLParser } from 'fast-xml-parser';
import { ADMIN, SECRET_ARN, allow, role, world } from './fixtures.js';
import { rejection, secretsManager, sts, type Credentials } from './sdk-capture.js';
import type { GateVerdict } from '../../../harness/gate/types.js';

const readable = role({ identityPolicies: [allow('secretsmanager:GetSecretValue', SECRET_ARN)] });
const sessionCredentials = (s: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Credentials => ({
  accessKeyId: s.accessKeyId,
  secretAccessKey: s.secretAccessKey,
  sessionToken: s.sessionToken,
});
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';

function responded(verdict: GateVerdict | undefined) {
  if (verdict?.kind !== 'respond') throw new Error(`expected a response, got ${verdict?.kind}`);
  return verdict;
}

test('a request signed by the AWS SDK with session credentials is authenticated and forwarded', async () => {
  const { ctx, session } = world({ role: readable });
  const { client, exchange } = secretsManager(ctx, { credentials: sessionCredentials(session), backendBody: '{"Name":"app/db"}' });
  const out = await client.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
  expect(out.Name).toBe('app/db');
  expect(exchange.verdict?.kind).toBe('forward');
});

test('the administrator key is unrestricted once its signature verifies', async () => {
  const { ctx } = world({ role: role() });
  const { client, exchange } = secretsManager(ctx, { credentials: ADMIN });
  await client.send(new GetSecretValueCommand({ SecretId: 'no/such/secret' }));
  expect(exchange.verdict).toMatchObject({ kind: 'forward', decision: { outcome: 'allowed' } });
});

test('the administrator key with a wrong secret (e.g. an all-zero signature) is refused', async () => {
  const { ctx } = world({ role: role() });
  const { client } = secretsManager(ctx, { credentials: { ...ADMIN, secretAccessKey: 'not-the-admin-secret' } });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400]);
});

test('with enforcement off every signed request is forwarded', async () => {
  const { ctx } = world({ enforce: false });
  const { client, exchange } = secretsManager(ctx, { credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
  await client.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
  expect(exchange.verdict).toEqual({ kind: 'forward' });
});

test('a body changed after signing fails with InvalidSignatureException (400)', async () => {
  const { ctx, session } = world({ role: readable });
  const { client, exchange } = secretsManager(ctx, {
    credentials: sessionCredentials(session),
    tamper: (r) => ({ ...r, body: Buffer.from(r.body.toString().replace('app/db', 'app/xx')) }),
  });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('InvalidSignatureException');
  expect(error.message).toBe(BAD_SIGNATURE);
  expect(error.$metadata.httpStatusCode).toBe(400);
  const verdict = responded(exchange.verdict);
  expect(JSON.parse(verdict.body)).toEqual({ __type: 'InvalidSignatureException', message: BAD_SIGNATURE });
  expect(verdict.decision.outcome).toBe('InvalidSignatureException');
});

test('a signature made with another secret key fails with InvalidSignatureException', async () => {
  const { ctx, session } = world({ role: readable });
  const { client } = secretsManager(ctx, { credentials: { ...sessionCredentials(session), secretAccessKey: 'not-the-key' } });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('InvalidSignatureException');
});

test('a signed header changed after signing fails with InvalidSignatureException', async () => {
  const { ctx, session } = world({ role: readable });
  const { client } = secretsManager(ctx, {
    credentials: sessionCredentials(session),
    tamper: (r) => ({ ...r, headers: { ...r.headers, 'x-amz-target': 'secretsmanager.DescribeSecret' } }),
  });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('InvalidSignatureException');
});

test('an expired session (per the gate clock) fails with ExpiredTokenException (400)', async () => {
  const { ctx, session, clock } = world({ role: readable });
  clock.advance(3600);
  const { client, exchange } = secretsManager(ctx, { credentials: sessionCredentials(session) });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('ExpiredTokenException');
  expect(error.message).toBe('The security token included in the request is expired');
  expect(error.$metadata.httpStatusCode).toBe(400);
  expect(responded(exchange.verdict).decision.operation).toBe('GetSecretValue');
});

test('one second before expiry the session still works', async () => {
  const { ctx, session, clock } = world({ role: readable });
  clock.advance(3599);
  const { client, exchange } = secretsManager(ctx, { credentials: sessionCredentials(session) });
  await client.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
  expect(exchange.verdict?.kind).toBe('forward');
});

test('an unknown access key id fails with UnrecognizedClientException (400) on JSON services', async () => {
  const { ctx } = world({ role: readable });
  const { client } = secretsManager(ctx, { credentials: { accessKeyId: 'ASIAUNKNOWN', secretAccessKey: 'x', sessionToken: 't' } });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('UnrecognizedClientException');
  expect(error.message).toBe('The security token included in the request is invalid.');
  expect(error.$metadata.httpStatusCode).toBe(400);
});

test('a session token that is not the one issued with the key fails with UnrecognizedClientException', async () => {
  const { ctx, session } = world({ role: readable });
  const { client } = secretsManager(ctx, { credentials: { ...sessionCredentials(session), sessionToken: 'other-token' } });
  const error = await rejection(client.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(error.name).toBe('UnrecognizedClientException');
});

test('an unknown access key id fails with InvalidClientTokenId (403, Query XML) on STS', async () => {
  const { ctx } = world();
  const { client, exchange } = sts(ctx, { accessKeyId: 'ASIAUNKNOWN', secretAccessKey: 'x', sessionToken: 't' });
  const error = await rejection(client.send(new GetCallerIdentityCommand({})));
  expect(error.name).toBe('InvalidClientTokenId');
  expect(error.message).toBe('The security token included in the request is invalid.');
  expect(error.$metadata.httpStatusCode).toBe(403);
  const xml = new XMLParser().parse(responded(exchange.verdict).body);
  expect(xml.ErrorResponse.Error).toEqual({
    Type: 'Sender',
    Code: 'InvalidClientTokenId',
    Message: 'The security token included in the request is invalid.',
  });
  expect(xml.ErrorResponse.RequestId).toBe('req-0001');
});

test('an expired session fails with ExpiredToken (403) on STS', async () => {
  const { ctx, session, clock } = world();
  clock.advance(7200);
  const { client } = sts(ctx, sessionCredentials(session));
  const error = await rejection(client.send(new GetCallerIdentityCommand({})));
  expect(error.name).toBe('ExpiredToken');
  expect(error.$metadata.httpStatusCode).toBe(403);
});

test('a valid session calling another service is forwarded after authentication only', async () => {
  const { ctx, session } = world();
  const { client, exchange } = sts(ctx, sessionCredentials(session));
  const out = await client.send(new GetCallerIdentityCommand({}));
  expect(out.Account).toBe('123456789012');
  expect(exchange.verdict?.kind).toBe('forward');
  expect(exchange.verdict?.kind === 'forward' && exchange.verdict.decision?.outcome).toBe('allowed');
});

test('a tampered STS request fails with SignatureDoesNotMatch (403)', async () => {
  const { ctx, session } = world();
  const { client } = sts(ctx, { ...sessionCredentials(session), secretAccessKey: 'wrong' });
  const error = await rejection(client.send(new GetCallerIdentityCommand({})));
  expect(error.name).toBe('SignatureDoesNotMatch');
  expect(error.message).toBe(BAD_SIGNATURE);
  expect(error.$metadata.httpStatusCode).toBe(403);
});
