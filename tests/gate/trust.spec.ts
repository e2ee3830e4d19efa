import { ACCOUNT, expect, expectAwsError, failure, PROVIDER_ARN, ROLE_ARN, test, trustPolicy } from './gate-fixture.js';

const DENIED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';
const ROLES_CLAIM = 'https://aws.amazon.com/roles';
const TAGS_CLAIM = 'https://aws.amazon.com/tags';
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

test.describe('roles claim, session tags and trust policy (reference §2.7-2.9)', () => {
  test('a sub outside the trust condition is AccessDenied (403) and the decision says which condition failed', async ({ world }) => {
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { sub: 'https://github.com/acme-evil/app', context: 'https://github.com/acme-evil/app' } })));
    expectAwsError(e, 'AccessDenied', 403, DENIED);
    const decision = gate.decision(e.$metadata.requestId ?? '');
    expect(decision?.trust?.decision).toBe('ImplicitDeny');
    expect(decision?.explanation.join('\n')).toContain('api.gitpod.io/idp:sub');
  });

  test('a role that does not exist is AccessDenied (assumption missingRoleIsAccessDenied)', async ({ world }) => {
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleArn: roleArn('nope') }));
    expectAwsError(e, 'AccessDenied', 403, DENIED);
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('missingRoleIsAccessDenied');
  });

  test('claims other than aud/sub/amr/azp are not condition keys, and the decision says the key can never be present', async ({ world }) => {
    await world.createRole('by-email', trustPolicy({ Condition: { StringEquals: { 'api.gitpod.io/idp:email': 'jane@acme.example' } } }));
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleArn: roleArn('by-email') }));
    expectAwsError(e, 'AccessDenied', 403, DENIED);
    const explanation = gate.decision(e.$metadata.requestId ?? '')?.explanation.join('\n') ?? '';
    expect(explanation).toContain('api.gitpod.io/idp:email can never be present: AWS does not expose the claim email');
  });

  test('a condition key with another provider prefix (the seed example) can never be present, and the decision says so', async ({ world }) => {
    await world.createRole('wrong-prefix', trustPolicy({ Condition: { StringLike: { 'gitpod.io/idp:sub': 'https://github.com/acme/*' } } }));
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleArn: roleArn('wrong-prefix') }));
    expectAwsError(e, 'AccessDenied', 403, DENIED);
    const explanation = gate.decision(e.$metadata.requestId ?? '')?.explanation.join('\n') ?? '';
    expect(explanation).toContain("gitpod.io/idp:sub can never be present: AWS names this provider's keys api.gitpod.io/idp:<claim>");
  });

  test('sts:RoleSessionName and aws:FederatedProvider reach the trust policy', async ({ world }) => {
    await world.createRole('named', trustPolicy({
      Condition: { StringLike: { 'sts:RoleSessionName': 'ws-*' }, StringEquals: { 'aws:FederatedProvider': PROVIDER_ARN } },
    }));
    await world.gate();
    await expect(world.assume(await world.mint(), { RoleArn: roleArn('named'), RoleSessionName: 'ws-7' })).resolves.toBeTruthy();
    expectAwsError(await failure(world.assume(await world.mint(), { RoleArn: roleArn('named'), RoleSessionName: 'other' })), 'AccessDenied', 403, DENIED);
  });

  test('the roles claim must name the requested role', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { [ROLES_CLAIM]: [roleArn('other')] } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'The target role ARN is not present in the roles claim of the identity token');
    await expect(world.assume(await world.mint({ claims: { [ROLES_CLAIM]: [roleArn('other'), ROLE_ARN] } }))).resolves.toBeTruthy();
  });

  test('session tags need sts:TagSession in the trust policy', async ({ world }) => {
    const tags = { [TAGS_CLAIM]: { principal_tags: { team: ['db'] }, transitive_tag_keys: ['team'] } };
    await world.createRole('tagging', trustPolicy({
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:RequestTag/team': 'db', 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } },
    }));
    await world.gate();
    expectAwsError(await failure(world.assume(await world.mint({ claims: tags }))), 'AccessDenied', 403);
    await expect(world.assume(await world.mint({ claims: tags }), { RoleArn: roleArn('tagging') })).resolves.toBeTruthy();
    const wrongTag = { [TAGS_CLAIM]: { principal_tags: { team: ['web'] } } };
    expectAwsError(await failure(world.assume(await world.mint({ claims: wrongTag }), { RoleArn: roleArn('tagging') })), 'AccessDenied', 403, DENIED);
  });

  test('more than 50 session tags are refused', async ({ world }) => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['v']]));
    await world.gate();
    expectAwsError(await failure(world.assume(await world.mint({ claims: { [TAGS_CLAIM]: { principal_tags: many } } }))), 'InvalidIdentityToken', 400);
  });

  test('an explicit Deny beats the Allow', async ({ world }) => {
    const policy = trustPolicy();
    (policy['Statement'] as unknown[]).push({
      Effect: 'Deny', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'api.gitpod.io/idp:sub': 'https://github.com/acme/app' } },
    });
    await world.createRole('denying', policy);
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint(), { RoleArn: roleArn('denying') }));
    expectAwsError(e, 'AccessDenied', 403, DENIED);
    expect(gate.decision(e.$metadata.requestId ?? '')?.trust?.decision).toBe('ExplicitDeny');
  });
});
