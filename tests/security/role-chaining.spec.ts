/**
 * Red team: role chaining (sts:AssumeRole by a web-identity session). The chained session must carry what the
 * AssumeRole call asked to restrict it to (an inline `Policy`, managed `PolicyArns`), and STS caps a chained
 * session at one hour ("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by
 * role chaining.", ValidationError, AWS STS AssumeRole API reference, DurationSeconds).
 */
import { PutRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient, type AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { ACCOUNT, REGION, expect, roleArn, test, type Credentials, type SecurityWorld } from './world.js';

const dbOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-??????` }],
});

/** lets the reader assume `target` (through the gate, as the administrator, so the gate's view follows) */
async function allowChaining(world: SecurityWorld): Promise<void> {
  const iam = new IAMClient({ endpoint: world.origin(), region: REGION, credentials: world.admin, maxAttempts: 1 });
  try {
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'reader', PolicyName: 'chain',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn('target') }] }),
    }));
  } finally {
    iam.destroy();
  }
}

async function chain(world: SecurityWorld, input: Partial<AssumeRoleCommandInput>): Promise<Credentials> {
  const sts = new STSClient({ endpoint: world.origin(), region: REGION, credentials: world.reader, maxAttempts: 1 });
  try {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn('target'), RoleSessionName: 'chained', ...input }));
    const c = out.Credentials;
    return { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' };
  } finally {
    sts.destroy();
  }
}

async function readOther(world: SecurityWorld, credentials: Credentials, secretId = 'app/other'): Promise<string> {
  const sm = new SecretsManagerClient({ endpoint: world.origin(), region: REGION, credentials, maxAttempts: 1 });
  try {
    const out = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
    const canary = Object.entries(world.canaries).find(([, value]) => value === out.SecretString)?.[0];
    return `read the ${canary ?? 'unknown'} canary`;
  } catch (e) {
    return (e as Error).name;
  } finally {
    sm.destroy();
  }
}

test('control: a chained session of target (secretsmanager:* on *) reads app/other', async ({ world }) => {
  await allowChaining(world);
  expect(await readOther(world, await chain(world, {}))).toBe('read the other canary');
});

test('an inline session Policy on AssumeRole restricts the chained session', async ({ world }) => {
  await allowChaining(world);
  expect(await readOther(world, await chain(world, { Policy: dbOnly }))).toBe('AccessDeniedException');
});

test('managed session PolicyArns on AssumeRole restrict the chained session', async ({ world }) => {
  await allowChaining(world);
  // other-only allows app/other and nothing else
  const managed = await chain(world, { PolicyArns: [{ arn: world.otherOnlyPolicyArn }] });
  expect(await readOther(world, managed, 'app/db')).toBe('AccessDeniedException');
  expect(await readOther(world, managed)).toBe('read the other canary');
  const missing = await chain(world, { PolicyArns: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/does-not-exist` }] }).then(() => 'issued', (e: Error) => e.name);
  expect(missing).toBe('ValidationError');
});

test('role chaining is capped at one hour: DurationSeconds above 3600 is ValidationError', async ({ world }) => {
  await allowChaining(world);
  const answer = await chain(world, { DurationSeconds: 7200 }).then(() => 'issued', (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata?.httpStatusCode} ${e.message}`);
  expect(answer).toBe('ValidationError 400 The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
});

test('session Tags or a SourceIdentity on AssumeRole need sts:TagSession / sts:SetSourceIdentity in the trust policy', async ({ world }) => {
  await allowChaining(world);
  const refused = (input: Partial<AssumeRoleCommandInput>) =>
    chain(world, input).then(() => 'issued', (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata?.httpStatusCode} ${e.message}`);
  const session = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/ws-1`;
  expect(await refused({ Tags: [{ Key: 'team', Value: 'a' }] }))
    .toMatch(`AccessDenied 403 User: ${session} is not authorized to perform: sts:TagSession on resource: ${roleArn('target')}`);
  expect(await refused({ SourceIdentity: 'someone' }))
    .toMatch(`AccessDenied 403 User: ${session} is not authorized to perform: sts:SetSourceIdentity on resource: ${roleArn('target')}`);
});

test('RoleSessionName on AssumeRole is checked as STS checks it (2 to 64 characters of [\\w+=,.@-])', async ({ world }) => {
  await allowChaining(world);
  for (const RoleSessionName of ['a', 'x'.repeat(65), 'has space', 'slash/name', 'ünï']) {
    const answer = await chain(world, { RoleSessionName }).then(() => 'issued', (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata?.httpStatusCode}`);
    expect([RoleSessionName, answer]).toEqual([RoleSessionName, 'ValidationError 400']);
  }
});
