/** moto + mock Gitpod IdP + the gate, driven by the real AWS SDK: assume a role, then read secrets. */
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { expect, failure, test, type GateWorld } from '../gate-fixture.js';

const SESSION_ARN = 'arn:aws:sts::123456789012:assumed-role/reader/ws-1';

async function setUp(world: GateWorld) {
  const admin = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.backend.credentials() });
  await admin.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'db-value' }));
  await admin.send(new CreateSecretCommand({ Name: 'app/other', SecretString: 'other-value' }));
  admin.destroy();
  await world.iam.send(
    new PutRolePolicyCommand({
      RoleName: 'reader',
      PolicyName: 'read-db',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'ReadDb', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:app/db-??????' },
          { Sid: 'Batch', Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
        ],
      }),
    }),
  );
  const gate = await world.gate();
  const assumed = await world.assume(await world.mint());
  const c = assumed.Credentials;
  const credentials = { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' };
  const client = (overrides: Partial<typeof credentials> = {}) =>
    new SecretsManagerClient({
      endpoint: gate.endpoint(), region: 'us-east-1', maxAttempts: 1, credentials: { ...credentials, ...overrides }, systemClockOffset: world.signingOffset(),
    });
  return { gate, client };
}

test('after assuming the role through the gate, the session reads what its policy allows and no more', async ({ world }) => {
  const { gate, client } = await setUp(world);
  const sm = client();

  const allowed = await sm.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
  expect(allowed.SecretString).toBe('db-value');
  const decision = gate.decision(allowed.$metadata.requestId ?? '');
  expect(decision).toMatchObject({ operation: 'GetSecretValue', outcome: 'allowed' });
  expect(decision?.explanation[0]).toContain('ReadDb');

  const denied = await failure(sm.send(new GetSecretValueCommand({ SecretId: 'app/other' })));
  expect([denied.name, denied.$metadata.httpStatusCode, denied.message]).toEqual([
    'AccessDeniedException',
    400,
    `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:GetSecretValue on resource: app/other ` +
      'because no identity-based policy allows the secretsmanager:GetSecretValue action',
  ]);
  expect(gate.decision(denied.$metadata.requestId ?? '')?.authorization?.denial).toBe('no-identity-allow');

  const batch = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'app/other'] }));
  expect(batch.SecretValues?.map((v) => [v.Name, v.SecretString])).toEqual([['app/db', 'db-value']]);
  expect(batch.Errors?.map((e) => [e.SecretId, e.ErrorCode])).toEqual([['app/other', 'AccessDeniedException']]);
  sm.destroy();
});

test('a session key with the wrong secret, or past its expiry, is refused by the gate', async ({ world }) => {
  const { client } = await setUp(world);
  const forged = client({ secretAccessKey: 'not-the-secret-key' });
  const badSignature = await failure(forged.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect([badSignature.name, badSignature.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400]);

  world.clock.advance(3601);
  const expired = await failure(client().send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect([expired.name, expired.message]).toEqual(['ExpiredTokenException', 'The security token included in the request is expired']);
});
