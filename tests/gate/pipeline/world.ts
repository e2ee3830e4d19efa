/** A gate world with two secrets and a session that may read app/db only (and BatchGetSecretValue on *). */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { GateOptions } from '../../../harness/gate/types.js';
import type { GateWorld } from '../gate-fixture.js';

export const SESSION_ARN = 'arn:aws:sts::123456789012:assumed-role/reader/ws-1';

export const READ_DB_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadDb', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:*:secret:app/db-??????' },
    { Sid: 'Batch', Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
    { Sid: 'DenyOther', Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:app/other-??????' },
  ],
};

export async function secretsWorld(world: GateWorld, options: Partial<GateOptions> = {}) {
  const admin = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.backend.credentials() });
  await admin.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'db-value' }));
  await admin.send(new CreateSecretCommand({ Name: 'app/other', SecretString: 'other-value' }));
  admin.destroy();
  await world.iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'read-db', PolicyDocument: JSON.stringify(READ_DB_POLICY) }));
  const gate = await world.gate(options);
  const assumed = await world.assume(await world.mint());
  const c = assumed.Credentials;
  const credentials = { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' };
  const clientConfig = (region = 'us-east-1') => ({
    endpoint: gate.endpoint(), region, maxAttempts: 1, credentials, systemClockOffset: world.signingOffset(),
  });
  const signing = (service: string, region = 'us-east-1') => ({ credentials, service, region, clock: world.clock });
  return { gate, credentials, clientConfig, signing };
}
