/** Stage 3 through the real gate: one table authorizes every modelled operation; the rest is refused unless allowed. */
import {
  CreatePolicyCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateSecretCommand, DeleteSecretCommand, GetSecretValueCommand, PutResourcePolicyCommand, PutSecretValueCommand, SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, failure, test } from '../gate-fixture.js';
import { SESSION_ARN, secretsWorld } from './world.js';

test('a session that may read nothing writes nothing: resource policy, value, deletion, IAM, AssumeRole', async ({ world }) => {
  const { gate, clientConfig } = await secretsWorld(world);
  await world.createRole('admin-role', {
    Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
  });
  const sm = new SecretsManagerClient(clientConfig());
  const openPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] });
  const writes: [string, () => Promise<unknown>][] = [
    ['PutResourcePolicy', () => sm.send(new PutResourcePolicyCommand({ SecretId: 'app/other', ResourcePolicy: openPolicy }))],
    ['PutSecretValue', () => sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'x' }))],
    ['DeleteSecret', () => sm.send(new DeleteSecretCommand({ SecretId: 'app/db', ForceDeleteWithoutRecovery: true }))],
    ['CreateSecret', () => sm.send(new CreateSecretCommand({ Name: 'mine', SecretString: 'x' }))],
  ];
  for (const [name, call] of writes) {
    const e = await failure(call());
    expect.soft([name, e.name, e.$metadata.httpStatusCode]).toEqual([name, 'AccessDeniedException', 400]);
    expect.soft(e.message, name).toContain(`User: ${SESSION_ARN} is not authorized to perform: secretsmanager:${name}`);
  }
  const iam = new IAMClient({ ...clientConfig(), region: 'us-east-1' });
  for (const [name, call] of [
    ['PutRolePolicy', () => iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'all', PolicyDocument: openPolicy }))],
    ['CreateUser', () => iam.send(new CreateUserCommand({ UserName: 'intruder' }))],
  ] as const) {
    const e = await failure(call());
    expect.soft([name, e.name, e.$metadata.httpStatusCode]).toEqual([name, 'AccessDenied', 403]);
    expect.soft(e.message, name).toContain(`iam:${name} on resource: arn:aws:iam::123456789012:`);
  }
  const sts = new STSClient(clientConfig());
  const assume = await failure(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/admin-role', RoleSessionName: 'xy' })));
  expect([assume.name, assume.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  // nothing changed: the other secret is still unreadable and the value unchanged
  expect((await failure(sm.send(new GetSecretValueCommand({ SecretId: 'app/other' })))).name).toBe('AccessDeniedException');
  expect((await sm.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('db-value');
  expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('assumed-role/reader');
  expect(gate.decision('none')).toBeUndefined();
});

test('AssumeRole needs the permission and the target trust; the new session is then a session of the gate', async ({ world }) => {
  await world.createRole('chained', {
    Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/reader' }, Action: 'sts:AssumeRole' }],
  });
  await world.iam.send(new PutRolePolicyCommand({
    RoleName: 'reader', PolicyName: 'may-chain',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/chained' }] }),
  }));
  const { clientConfig } = await secretsWorld(world);
  const out = await new STSClient(clientConfig()).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/chained', RoleSessionName: 'hop' }));
  const c = out.Credentials;
  const chained = new SecretsManagerClient({ ...clientConfig(), credentials: { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' } });
  // known to the gate (authenticated), and the chained role grants nothing
  const e = await failure(chained.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(e.name).toBe('AccessDeniedException');
  expect(e.message).toContain('assumed-role/chained/hop');
});

test('a session signing for eu-west-1 is authorized against the eu-west-1 ARN', async ({ world }) => {
  const { clientConfig } = await secretsWorld(world);
  const adminEu = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'eu-west-1', credentials: world.backend.credentials() });
  await adminEu.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'eu-value' }));
  adminEu.destroy();
  const eu = new SecretsManagerClient(clientConfig('eu-west-1'));
  const e = await failure(eu.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(e.name).toBe('AccessDeniedException');
  const us = new SecretsManagerClient(clientConfig('us-east-1'));
  expect((await us.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('db-value');
});

test('managed session policies (PolicyArns) narrow the session like an inline one', async ({ world }) => {
  const { gate } = await secretsWorld(world);
  const policy = await world.iam.send(new CreatePolicyCommand({
    PolicyName: 'only-other',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: 'arn:aws:secretsmanager:*:*:secret:app/other-*' }] }),
  }));
  const out = await world.assume(await world.mint(), { PolicyArns: [{ arn: policy.Policy?.Arn ?? '' }] });
  const c = out.Credentials;
  const sm = new SecretsManagerClient({
    endpoint: gate.endpoint(), region: 'us-east-1', maxAttempts: 1, systemClockOffset: world.signingOffset(),
    credentials: { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' },
  });
  const e = await failure(sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
  expect(e.name).toBe('AccessDeniedException');
  expect(e.message).toContain('because no session policy allows');
});

test('an unmodelled operation is AccessDenied saying so; --allow-unmodelled lets it through, not enforced', async ({ world }) => {
  const { clientConfig, gate } = await secretsWorld(world);
  const e = await failure(new STSClient(clientConfig()).send(new GetSessionTokenCommand({})));
  expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  expect(e.message).toContain('because the harness does not model this operation');
  expect(gate.decision(e.$metadata.requestId ?? '')?.explanation.join(' ')).toContain('--allow-unmodelled');

  const open = await world.gate({ allowUnmodelled: true });
  const assumed = await world.assume(await world.mint());
  const c = assumed.Credentials;
  const sts = new STSClient({
    endpoint: open.endpoint(), region: 'us-east-1', maxAttempts: 1, systemClockOffset: world.signingOffset(),
    credentials: { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' },
  });
  const passed = await sts.send(new GetSessionTokenCommand({})).then((r) => r.$metadata, (err: { $metadata: { requestId?: string } }) => err.$metadata);
  expect(open.decision(passed.requestId ?? '')).toMatchObject({ notEnforced: true });
});
