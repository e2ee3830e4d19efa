import { CreateRoleCommand, IAMClient, ListRolesCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { ACCOUNT, expect, expectAwsError, failure, test, trustPolicy } from './gate-fixture.js';

const adminVia = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, systemClockOffset: number) =>
  new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1, systemClockOffset });

test.describe('IAM writes through the gate', () => {
  test('CreateRole with a malformed trust policy is MalformedPolicyDocument; a valid one is created', async ({ world }) => {
    const gate = await world.gate();
    const iam = adminVia(gate.endpoint(), world.backend.credentials(), world.signingOffset());
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'x' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { NoSuchOperator: { a: 'b' } } }] };
    const e = await failure(iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: JSON.stringify(bad) })));
    expectAwsError(e, 'MalformedPolicyDocument', 400);
    expect(gate.decision(e.$metadata.requestId ?? '')).toMatchObject({ outcome: 'MalformedPolicyDocument' });
    const notJson = await failure(iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{' })));
    expectAwsError(notJson, 'MalformedPolicyDocument', 400, 'This policy contains invalid Json');
    await iam.send(new CreateRoleCommand({ RoleName: 'good', AssumeRolePolicyDocument: JSON.stringify(trustPolicy()) }));
    const roles = await iam.send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toEqual(expect.arrayContaining(['good', 'reader']));
    expect(roles.Roles?.map((r) => r.RoleName)).not.toContain('bad');
  });

  test('UpdateAssumeRolePolicy through the gate drops the cached role (the next assumption sees the new trust)', async ({ world }) => {
    const gate = await world.gate();
    await world.assume(await world.mint()); // caches the role
    const iam = adminVia(gate.endpoint(), world.backend.credentials(), world.signingOffset());
    const closed = trustPolicy({ Condition: { StringEquals: { 'api.gitpod.io/idp:sub': 'https://github.com/acme/other' } } });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'reader', PolicyDocument: JSON.stringify(closed) }));
    expectAwsError(await failure(world.assume(await world.mint())), 'AccessDenied', 403);
    const invalid = await failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'reader', PolicyDocument: '[]' })));
    expectAwsError(invalid, 'MalformedPolicyDocument', 400);
  });

  test('forwarded requests keep the backend request id', async ({ world }) => {
    const gate = await world.gate();
    const out = await adminVia(gate.endpoint(), world.backend.credentials(), world.signingOffset()).send(new ListRolesCommand({}));
    expect(out.Roles?.[0]?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/reader`);
    expect(out.$metadata.requestId).toBeTruthy();
    expect(out.$metadata.requestId).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
