import { CreateOpenIDConnectProviderCommand } from '@aws-sdk/client-iam';
import { ACCOUNT, expect, expectAwsError, failure, ISSUER, test, trustPolicy } from './gate-fixture.js';

test.describe('token shape, issuer and audience (reference §2.2, §2.3)', () => {
  test('a token that is not a JWT is InvalidIdentityToken', async ({ world }) => {
    const gate = await world.gate();
    const e = await failure(world.assume('garbage.token.here'));
    expectAwsError(e, 'InvalidIdentityToken', 400);
    expect(gate.decision(e.$metadata.requestId ?? '')).toMatchObject({ outcome: 'InvalidIdentityToken', httpStatus: 400 });
  });

  test('an iss with no IAM OIDC provider in the account is refused with AWS message', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { iss: 'https://evil.example/idp' } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'No OpenIDConnect provider found in your account for https://evil.example/idp');
  });

  test('the provider URL is compared case-sensitively', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { iss: 'https://API.gitpod.io/idp' } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'No OpenIDConnect provider found in your account for https://API.gitpod.io/idp');
  });

  test('a provider created after the gate started is seen once the write passes through the gate', async ({ world }) => {
    const other = 'https://other.example/idp';
    world.idp.serve(other, 'gitpod');
    const gate = await world.gate();
    const token = await world.mint({ issuer: other });
    expectAwsError(await failure(world.assume(token)), 'InvalidIdentityToken', 400, `No OpenIDConnect provider found in your account for ${other}`);
    const { IAMClient } = await import('@aws-sdk/client-iam');
    const viaGate = new IAMClient({ endpoint: gate.endpoint(), region: 'us-east-1', credentials: world.backend.credentials(), systemClockOffset: world.signingOffset() });
    await viaGate.send(new CreateOpenIDConnectProviderCommand({ Url: other, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['b'.repeat(40)] }));
    // trust names the first provider only, so the assumption now fails later: at the trust policy
    expectAwsError(await failure(world.assume(token)), 'AccessDenied', 403);
  });

  test('a token without aud is refused with AWS message', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { aud: null, azp: null } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'Missing a required claim: aud');
  });

  test('an audience outside the client id list is refused; an array containing one is accepted', async ({ world }) => {
    await world.gate();
    const wrong = await failure(world.assume(await world.mint({ audience: ['sts.amazon.com'], claims: { azp: null } })));
    expectAwsError(wrong, 'InvalidIdentityToken', 400, 'Incorrect token audience');
    // a role whose trust does not look at :aud, so only the client-id check decides
    await world.createRole('any-aud', trustPolicy({ Condition: { StringLike: { 'api.gitpod.io/idp:sub': 'https://github.com/acme/*' } } }));
    const token = await world.mint({ audience: ['other-client', 'sts.amazonaws.com'], claims: { azp: null } });
    const out = await world.assume(token, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/any-aud` });
    expect(out.Audience).toBe('sts.amazonaws.com');
  });

  test('audKeyUsesAzp: azp decides the audience when present; off, aud does', async ({ world }) => {
    const token = await world.mint({ audience: ['sts.amazonaws.com'], claims: { azp: 'someone-else' } });
    const gate = await world.gate();
    const e = await failure(world.assume(token));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'Incorrect token audience');
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('audKeyUsesAzp');
    await world.gate({ assumptions: { audKeyUsesAzp: false } });
    await expect(world.assume(token)).resolves.toMatchObject({ Audience: 'sts.amazonaws.com' });
  });
});

test('the issuer map is used for discovery: the token iss is the public URL', async ({ world }) => {
  await world.gate();
  await expect(world.assume(await world.mint())).resolves.toMatchObject({ Provider: ISSUER });
});

test('multiAudKeyIsMatchedClientId: with several audiences and no azp, :aud is the matched client id; off, it is multi-valued', async ({ world }) => {
  const token = await world.mint({ audience: ['other-client', 'sts.amazonaws.com'], claims: { azp: null } });
  const gate = await world.gate();
  const out = await world.assume(token);
  expect(out.Audience).toBe('sts.amazonaws.com');
  expect(gate.decision(out.$metadata.requestId ?? '')?.assumptionsUsed).toContain('multiAudKeyIsMatchedClientId');
  const off = await world.gate({ assumptions: { multiAudKeyIsMatchedClientId: false } });
  const e = await failure(world.assume(token));
  expectAwsError(e, 'AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
  expect(off.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('multiAudKeyIsMatchedClientId');
});
