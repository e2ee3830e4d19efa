/** Red team: managed session policies (PolicyArns) were ignored, even the ARN of a policy that does not exist. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ACCOUNT, expect, test } from './world.js';

test('a session whose managed session policy allows only app/other cannot read app/db (intersection), nor app/other (role)', async ({ world }) => {
  const session = await world.assume('reader', await world.mint(), { PolicyArns: [{ arn: world.otherOnlyPolicyArn }] });
  const sm = new SecretsManagerClient({ endpoint: world.origin(), region: 'us-east-1', credentials: session, maxAttempts: 1 });
  for (const secret of ['app/db', 'app/other']) {
    const e = await sm.send(new GetSecretValueCommand({ SecretId: secret })).then(
      (out) => ({ name: 'allowed', leaked: world.leaks(JSON.stringify(out)) }),
      (err: { name: string; message: string }) => ({ name: err.name, leaked: world.leaks(err.message) }),
    );
    expect([secret, e]).toEqual([secret, { name: 'AccessDeniedException', leaked: [] }]);
  }
  sm.destroy();
  // control: without the session policy the same role reads app/db
  const plain = new SecretsManagerClient({ endpoint: world.origin(), region: 'us-east-1', credentials: world.reader, maxAttempts: 1 });
  expect((await plain.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe(world.canaries.db);
  plain.destroy();
});

test('the ARN of a managed policy that does not exist gives no credentials', async ({ world }) => {
  const missing = `arn:aws:iam::${ACCOUNT}:policy/does-not-exist`;
  const e = await world.assume('reader', await world.mint(), { PolicyArns: [{ arn: missing }] }).then(
    () => undefined,
    (err: { name: string; $metadata: { httpStatusCode?: number } }) => err,
  );
  expect(e, 'AssumeRoleWithWebIdentity with a nonexistent PolicyArns entry succeeded').toBeDefined();
  expect(e?.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
  expect(e?.$metadata.httpStatusCode).toBeLessThan(500);
});
