import { CreateSecretCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createAccountView } from '../../harness/gate/account-view.js';
import { ACCOUNT, expect, PROVIDER_ARN, ROLE_ARN, test } from './gate-fixture.js';

test('the account view reads providers, roles and secrets, caches them, and re-reads after invalidate()', async ({ world }) => {
  const view = createAccountView(world.backend);
  expect(await view.providers(ACCOUNT)).toEqual([
    { arn: PROVIDER_ARN, url: 'api.gitpod.io/idp', clientIds: ['sts.amazonaws.com'], thumbprints: ['a'.repeat(40)] },
  ]);
  const role = await view.role(ROLE_ARN);
  expect(role).toMatchObject({ name: 'reader', arn: ROLE_ARN, accountId: ACCOUNT, maxSessionDuration: 3600 });
  expect(role?.trustPolicy['Version']).toBe('2012-10-17');
  expect(await view.role(`arn:aws:iam::${ACCOUNT}:role/none`)).toBeUndefined();
  expect(await view.secret('db')).toBeUndefined();

  const sm = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.backend.credentials() });
  await sm.send(new CreateSecretCommand({ Name: 'db', SecretString: 'not-a-real-secret' }));
  expect(await view.secret('db')).toBeUndefined(); // cached
  view.invalidate();
  const secret = await view.secret('db');
  expect(secret?.name).toBe('db');
  expect(secret?.resourcePolicy).toBeUndefined();
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] };
  await sm.send(new PutResourcePolicyCommand({ SecretId: 'db', ResourcePolicy: JSON.stringify(policy) }));
  view.invalidate();
  expect((await view.secret('db'))?.resourcePolicy).toEqual(policy);
  sm.destroy();
});
