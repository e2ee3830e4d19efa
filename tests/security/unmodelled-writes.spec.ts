/**
 * Red team: a stranger's workspace assumes a role that may read nothing, then writes its way in. Every write
 * by a session is authorized like AWS would (or refused as not modelled); none of them succeeds here.
 */
import { CreateUserCommand, GetUserCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  DeleteSecretCommand, GetSecretValueCommand, PutResourcePolicyCommand, PutSecretValueCommand, SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ACCOUNT, expect, roleArn, test, type Credentials, type SecurityWorld } from './world.js';

interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

async function refusal(promise: Promise<unknown>): Promise<SdkError> {
  try {
    const out = await promise;
    throw new Error(`expected a refusal, got ${JSON.stringify(out).slice(0, 200)}`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('expected a refusal')) throw e;
    return e as SdkError;
  }
}

const client = <T>(make: new (c: object) => T, world: SecurityWorld, credentials: Credentials): T =>
  new make({ endpoint: world.origin(), region: 'us-east-1', credentials, maxAttempts: 1 });

const direct = (world: SecurityWorld) => new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.admin });

const STRANGER = `arn:aws:sts::${ACCOUNT}:assumed-role/stranger/ws-1`;

test('PutResourcePolicy by the stranger is AccessDeniedException, and the secret stays unreadable', async ({ world }) => {
  const sm = client(SecretsManagerClient, world, world.stranger);
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: STRANGER }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] };
  const e = await refusal(sm.send(new PutResourcePolicyCommand({ SecretId: 'app/db', ResourcePolicy: JSON.stringify(policy) })));
  expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 400]);
  expect(e.message).toContain(`User: ${STRANGER} is not authorized to perform: secretsmanager:PutResourcePolicy`);
  const read = await refusal(sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(read.name).toBe('AccessDeniedException');
  expect(JSON.stringify(read)).not.toContain(world.canaries.db);
  sm.destroy();
});

test('PutSecretValue and DeleteSecret by the stranger are AccessDeniedException; the value and the secret stay', async ({ world }) => {
  const sm = client(SecretsManagerClient, world, world.stranger);
  const put = await refusal(sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'overwritten' })));
  expect([put.name, put.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 400]);
  const del = await refusal(sm.send(new DeleteSecretCommand({ SecretId: 'app/db', ForceDeleteWithoutRecovery: true })));
  expect([del.name, del.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 400]);
  const admin = direct(world);
  expect((await admin.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe(world.canaries.db);
  admin.destroy();
  sm.destroy();
});

test('iam:PutRolePolicy on its own role and iam:CreateUser by the stranger are AccessDenied (403)', async ({ world }) => {
  const iam = client(IAMClient, world, world.stranger);
  const grant = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const put = await refusal(iam.send(new PutRolePolicyCommand({ RoleName: 'stranger', PolicyName: 'all', PolicyDocument: JSON.stringify(grant) })));
  expect([put.name, put.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  expect(put.message).toContain(`User: ${STRANGER} is not authorized to perform: iam:PutRolePolicy on resource: ${roleArn('stranger')}`);
  const user = await refusal(iam.send(new CreateUserCommand({ UserName: 'backdoor' })));
  expect([user.name, user.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  const adminIam = new IAMClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.admin });
  await expect(adminIam.send(new GetUserCommand({ UserName: 'backdoor' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  adminIam.destroy();
  const sm = client(SecretsManagerClient, world, world.stranger);
  expect((await refusal(sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })))).name).toBe('AccessDeniedException');
  sm.destroy();
  iam.destroy();
});

test('sts:AssumeRole into another role without the permission is AccessDenied (403), no credentials', async ({ world }) => {
  const sts = client(STSClient, world, world.stranger);
  const e = await refusal(sts.send(new AssumeRoleCommand({ RoleArn: roleArn('target'), RoleSessionName: 'pivot' })));
  expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  expect(e.message).toMatch(new RegExp(`^User: ${STRANGER} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('target')}( because |$)`));
  sts.destroy();
});
