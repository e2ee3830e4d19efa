/** Stage 2 through the real gate: only a valid SigV4 signature of a known credential, for this service, in AWS's window. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, failure, test } from '../gate-fixture.js';
import { codeOf, json, send } from './raw.js';
import { secretsWorld } from './world.js';

const READ_OTHER = json('secretsmanager.GetSecretValue', '{"SecretId":"app/other"}');

test('an Authorization header that is not exactly AWS4-HMAC-SHA256, or none, never reaches the emulator', async ({ world }) => {
  const { gate } = await secretsWorld(world);
  const cases: [string, Record<string, string>, string][] = [
    ['Bearer', { authorization: 'Bearer abc' }, 'IncompleteSignatureException'],
    ['lower case', { authorization: 'aws4-hmac-sha256 Credential=AKIA/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=' + '0'.repeat(64) }, 'IncompleteSignatureException'],
    ['none', {}, 'MissingAuthenticationTokenException'],
  ];
  for (const [name, headers, code] of cases) {
    const res = await send(gate.endpoint(), { ...READ_OTHER, headers: { ...READ_OTHER.headers, ...headers } });
    expect.soft([name, res.status, codeOf(res.body)]).toEqual([name, 400, code]);
    expect.soft(res.body, name).not.toContain('other-value');
  }
});

test("the administrator's key id with an all-zero signature is not the administrator", async ({ world }) => {
  const { gate } = await secretsWorld(world);
  const date = world.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const res = await send(gate.endpoint(), {
    ...READ_OTHER,
    headers: {
      ...READ_OTHER.headers,
      'x-amz-date': date,
      authorization: `AWS4-HMAC-SHA256 Credential=${world.backend.credentials().accessKeyId}/${date.slice(0, 8)}/us-east-1/secretsmanager/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
  });
  expect([res.status, codeOf(res.body)]).toEqual([400, 'InvalidSignatureException']);
  // signed properly, the administrator is unrestricted
  const admin = new SecretsManagerClient({ endpoint: gate.endpoint(), region: 'us-east-1', credentials: world.backend.credentials(), systemClockOffset: world.signingOffset(), maxAttempts: 1 });
  expect((await admin.send(new GetSecretValueCommand({ SecretId: 'app/other' }))).SecretString).toBe('other-value');
});

test("X-Amz-Date outside AWS's 15-minute window of the gate clock is Signature expired / not yet current", async ({ world }) => {
  const { gate, credentials } = await secretsWorld(world);
  const at = (offsetSeconds: number) => ({ now: () => new Date(world.clock.now().getTime() + offsetSeconds * 1000) });
  const past = await send(gate.endpoint(), READ_OTHER, { credentials, service: 'secretsmanager', clock: at(-16 * 60) });
  expect([past.status, codeOf(past.body)]).toEqual([400, 'InvalidSignatureException']);
  expect(JSON.parse(past.body).message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  const year2001 = await send(gate.endpoint(), READ_OTHER, { credentials, service: 'secretsmanager', clock: { now: () => new Date(Date.UTC(2001, 0, 1)) } });
  expect(codeOf(year2001.body)).toBe('InvalidSignatureException');
  const ahead = await send(gate.endpoint(), READ_OTHER, { credentials, service: 'secretsmanager', clock: at(3 * 86400) });
  expect(JSON.parse(ahead.body).message).toMatch(/^Signature not yet current: /);
  // within the window: authenticated, then denied by policy
  const near = await send(gate.endpoint(), READ_OTHER, { credentials, service: 'secretsmanager', clock: at(-14 * 60) });
  expect(codeOf(near.body)).toBe('AccessDeniedException');
  // on STS (Query) the same is SignatureDoesNotMatch, 403
  const sts = new STSClient({ endpoint: gate.endpoint(), region: 'us-east-1', credentials, maxAttempts: 1, systemClockOffset: world.signingOffset() - 3600_000 });
  const e = await failure(sts.send(new GetCallerIdentityCommand({})));
  expect([e.name, e.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
});

test('a credential scope naming another service is refused', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  const res = await send(gate.endpoint(), READ_OTHER, signing('sts'));
  expect([res.status, codeOf(res.body)]).toEqual([400, 'InvalidSignatureException']);
  expect(JSON.parse(res.body).message).toBe("Credential should be scoped to correct service: 'secretsmanager'. ");
});

test('the gate answers with its own clock in Date, so SDK clock-skew correction converges on it', async ({ world }) => {
  const { gate } = await secretsWorld(world);
  const res = await send(gate.endpoint(), READ_OTHER);
  expect(new Date(res.headers.get('date') ?? '').getTime()).toBe(Math.floor(world.clock.now().getTime() / 1000) * 1000);
});

test('a credential scope naming no AWS region is refused before any emulator sees the region', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  for (const region of ['US-EAST-1', 'aws-global', 'us-east-1x', 'eu_west_1']) {
    const res = await send(gate.endpoint(), READ_OTHER, signing('secretsmanager', region));
    expect([res.status, codeOf(res.body)], region).toEqual([400, 'InvalidSignatureException']);
    expect(JSON.parse(res.body).message).toBe(`Credential should be scoped to a valid region, not '${region}'. `);
  }
  // a real region passes authentication and is decided by authorization (this session may not read app/other)
  const real = await send(gate.endpoint(), READ_OTHER, signing('secretsmanager', 'eu-west-1'));
  expect(codeOf(real.body)).toBe('AccessDeniedException');
});
