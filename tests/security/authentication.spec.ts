/**
 * Red team: secret values without valid credentials. Every call but AssumeRoleWithWebIdentity carries a valid
 * SigV4 signature from a known credential, the administrator's included, inside AWS's 15-minute window and
 * scoped to the call's service.
 */
import { send } from './raw-http.js';
import { errorCode, errorMessage, expect, expectRefused, smCall, test } from './world.js';

const AUTH_CODES = [
  'IncompleteSignatureException', 'MissingAuthenticationTokenException', 'InvalidSignatureException',
  'UnrecognizedClientException', 'AccessDeniedException',
];
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

test('control: the administrator and the reader, signing properly, read app/db through the gate', async ({ world }) => {
  for (const who of [world.admin, world.reader]) {
    const answer = await send(world.origin(), await world.signed(who, smCall('GetSecretValue', { SecretId: 'app/db' })));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).SecretString).toBe(world.canaries.db);
  }
});

test('an Authorization header in lower case, or with the Bearer scheme, is never treated as unsigned', async ({ world }) => {
  const valid = await world.signed(world.admin, smCall('GetSecretValue', { SecretId: 'app/db' }));
  const headers = valid.headers as Record<string, string>;
  const variants = [
    headers.authorization!.replace('AWS4-HMAC-SHA256', 'aws4-hmac-sha256'),
    headers.authorization!.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA256x'),
    `Bearer ${world.admin.secretAccessKey}`,
    'Bearer x',
    'Basic YWRtaW46YWRtaW4=',
    'AWS ' + world.admin.accessKeyId + ':c2lnbmF0dXJl',
    '',
  ];
  for (const authorization of variants) {
    const answer = await send(world.origin(), { ...valid, headers: { ...headers, authorization } });
    expectRefused(world, answer, AUTH_CODES);
  }
  const { authorization: _, ...unsigned } = headers;
  expectRefused(world, await send(world.origin(), { ...valid, headers: unsigned }), AUTH_CODES);
});

test("the administrator's access key id with an all-zero signature is InvalidSignatureException, not the administrator", async ({ world }) => {
  const valid = await world.signed(world.admin, smCall('GetSecretValue', { SecretId: 'app/db' }));
  const headers = valid.headers as Record<string, string>;
  const zero = headers.authorization!.replace(/Signature=[0-9a-f]{64}/, `Signature=${'0'.repeat(64)}`);
  const answer = await send(world.origin(), { ...valid, headers: { ...headers, authorization: zero } });
  expectRefused(world, answer, ['InvalidSignatureException'], 400);
  expect(errorMessage(answer)).toBe(SIGNATURE_MISMATCH);
  const wrongKey = await world.signed({ ...world.admin, secretAccessKey: 'not-the-admin-secret' }, smCall('ListSecrets', {}));
  expectRefused(world, await send(world.origin(), wrongKey), ['InvalidSignatureException'], 400);
});

test('an unknown access key id is UnrecognizedClientException', async ({ world }) => {
  const answer = await send(world.origin(), await world.signed({ accessKeyId: 'AKIANOTKNOWN0000000', secretAccessKey: 'x' }, smCall('GetSecretValue', { SecretId: 'app/db' })));
  expectRefused(world, answer, ['UnrecognizedClientException'], 400);
});

test('X-Amz-Date in 2001 or three days ahead is refused as an expired signature', async ({ world }) => {
  for (const [when, pattern] of [
    [new Date(Date.UTC(2001, 0, 1)), /^Signature expired: 20010101T000000Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/],
    [new Date(world.clock.now().getTime() + 3 * 86400_000), /^Signature (expired|not yet current): \d{8}T\d{6}Z is (now earlier|still later) than \d{8}T\d{6}Z \(\d{8}T\d{6}Z [-+] 15 min\.\)$/],
  ] as const) {
    for (const who of [world.admin, world.reader]) {
      const answer = await send(world.origin(), await world.signed(who, smCall('GetSecretValue', { SecretId: 'app/db' }, { signingDate: when })));
      expectRefused(world, answer, ['InvalidSignatureException'], 400);
      expect(errorMessage(answer)).toMatch(pattern);
    }
  }
  const sts = await world.signed(world.reader, { service: 'sts', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { 'content-type': 'application/x-www-form-urlencoded' }, signingDate: new Date(Date.UTC(2001, 0, 1)) });
  const answer = await send(world.origin(), sts);
  expectRefused(world, answer, ['SignatureDoesNotMatch'], 403);
  expect(errorMessage(answer)).toMatch(/^Signature expired: /);
  // within the window: fourteen minutes either way still verifies
  const near = await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' }, { signingDate: new Date(world.clock.now().getTime() - 14 * 60_000) }));
  expect((await send(world.origin(), near)).status).toBe(200);
});

test("a SigV4 scope naming another service is AWS's error, never moto's HTML 500", async ({ world }) => {
  for (const service of ['sts', 's3', 'iam', 'secretsmanagerx']) {
    const answer = await send(world.origin(), await world.signed(world.admin, { ...smCall('GetSecretValue', { SecretId: 'app/db' }), service }));
    expectRefused(world, answer, ['InvalidSignatureException'], 400);
    expect(errorMessage(answer)).toBe("Credential should be scoped to correct service: 'secretsmanager'. ");
  }
  const sts = await world.signed(world.reader, { service: 'secretsmanager', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const answer = await send(world.origin(), sts);
  expectRefused(world, answer, ['SignatureDoesNotMatch'], 403);
});

test('region confusion: a session signing for eu-west-1 does not read the eu-west-1 secret it was never granted', async ({ world }) => {
  const eu = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' }, { region: 'eu-west-1' })));
  expectRefused(world, eu, ['AccessDeniedException'], 400);
  expect(errorMessage(eu)).toContain('arn:aws:sts::123456789012:assumed-role/reader/ws-1 is not authorized to perform: secretsmanager:GetSecretValue');
  // an eu-west-1 ARN sent to us-east-1: whatever the answer, never the eu-west-1 value
  const byArn = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db' }, { region: 'us-east-1' })));
  expect(world.leaks(byArn.body)).not.toContain('canary euDb');
  expect(byArn.status).toBeLessThan(500);
  const us = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' })));
  expect(JSON.parse(us.body).SecretString).toBe(world.canaries.db);
});

test('a scope whose region is not the one the request reaches is still authorized for that region, not us-east-1', async ({ world }) => {
  // the administrator may do anything, but its region is the scope's: it reads the eu-west-1 secret, not us-east-1's
  const answer = await send(world.origin(), await world.signed(world.admin, smCall('GetSecretValue', { SecretId: 'app/db' }, { region: 'eu-west-1' })));
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).SecretString).toBe(world.canaries.euDb);
  expect(errorCode(answer)).toBeUndefined();
});
