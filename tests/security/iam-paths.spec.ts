/**
 * Red team: IAM resources with a path. AWS authorizes `iam:<Operation>` on the resource's real ARN, path
 * included (arn:aws:iam::<account>:role/admin/boss), so a Deny on `role/admin/*` protects every role under
 * that path, however the call names it (RoleName carries no path).
 */
import { CreateOpenIDConnectProviderCommand, CreatePolicyCommand, CreateRoleCommand, GetRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { ACCOUNT, REGION, expect, roleArn, test, type SecurityWorld } from './world.js';

const OPEN_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
const ANY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

async function asAdmin(world: SecurityWorld, act: (iam: IAMClient) => Promise<unknown>): Promise<void> {
  const iam = new IAMClient({ endpoint: world.origin(), region: REGION, credentials: world.admin, maxAttempts: 1 });
  try {
    await act(iam);
  } finally {
    iam.destroy();
  }
}

test('a Deny on role/admin/* refuses a session PutRolePolicy on a role under /admin/, named without its path', async ({ world }) => {
  await asAdmin(world, async (iam) => {
    await iam.send(new CreateRoleCommand({ RoleName: 'boss', Path: '/admin/', AssumeRolePolicyDocument: OPEN_TRUST }));
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'reader', PolicyName: 'iam-but-not-admin',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:*', Resource: `arn:aws:iam::${ACCOUNT}:role/admin/*` },
        ],
      }),
    }));
  });
  const iam = new IAMClient({ endpoint: world.origin(), region: REGION, credentials: world.reader, maxAttempts: 1 });
  try {
    const answer = await iam.send(new PutRolePolicyCommand({ RoleName: 'boss', PolicyName: 'escalate', PolicyDocument: ANY }))
      .then(() => 'written', (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata?.httpStatusCode}`);
    expect(answer).toBe('AccessDenied 403');
    // the Deny names the real ARN in AWS's message
    const message = await iam.send(new PutRolePolicyCommand({ RoleName: 'boss', PolicyName: 'escalate', PolicyDocument: ANY })).then(() => '', (e: Error) => e.message);
    expect(message).toContain(`on resource: ${roleArn('admin/boss')}`);
    // nothing was written
    await asAdmin(world, async (admin) => {
      const written = await admin.send(new GetRolePolicyCommand({ RoleName: 'boss', PolicyName: 'escalate' })).then(() => 'written', (e: Error) => e.name);
      expect(written).toBe('NoSuchEntityException');
    });
    // control: a role without a path stays writable
    const control = await iam.send(new PutRolePolicyCommand({ RoleName: 'target', PolicyName: 'ok', PolicyDocument: ANY })).then(() => 'written', (e: Error) => e.name);
    expect(control).toBe('written');
  } finally {
    iam.destroy();
  }
});

test('what a session creates is authorized on the ARN it will have: role path, policy, OIDC provider', async ({ world }) => {
  await asAdmin(world, async (iam) => {
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'reader', PolicyName: 'create-but-not-admin',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:*', Resource: [`arn:aws:iam::${ACCOUNT}:role/admin/*`, `arn:aws:iam::${ACCOUNT}:policy/*`, `arn:aws:iam::${ACCOUNT}:oidc-provider/*`] },
        ],
      }),
    }));
  });
  const iam = new IAMClient({ endpoint: world.origin(), region: REGION, credentials: world.reader, maxAttempts: 1 });
  const outcome = (p: Promise<unknown>) => p.then(() => 'created', (e: Error) => e.name);
  try {
    expect(await outcome(iam.send(new CreateRoleCommand({ RoleName: 'boss2', Path: '/admin/', AssumeRolePolicyDocument: OPEN_TRUST })))).toBe('AccessDenied');
    expect(await outcome(iam.send(new CreatePolicyCommand({ PolicyName: 'everything', PolicyDocument: ANY })))).toBe('AccessDenied');
    expect(await outcome(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://evil.example', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['b'.repeat(40)] })))).toBe('AccessDenied');
    // control: a role outside /admin/ may be created
    expect(await outcome(iam.send(new CreateRoleCommand({ RoleName: 'helper', AssumeRolePolicyDocument: OPEN_TRUST })))).toBe('created');
  } finally {
    iam.destroy();
  }
});
