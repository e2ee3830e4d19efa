import { ACCOUNT, expect, expectAwsError, failure, test, trustPolicy } from './gate-fixture.js';

/** JSON that makes String()/template literals throw: an object whose toString is not a function. */
const TRAP = { toString: 1 };

test.describe('claims shaped to crash the gate are refused or answered, never a 500', () => {
  test('an iss that is an object is InvalidIdentityToken (no provider), not InternalFailure', async ({ world }) => {
    await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { iss: TRAP } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'No OpenIDConnect provider found in your account for ');
  });

  test('a sub that is an object, admitted by a trust policy that ignores sub (refuseNonStringSub off), gets a well-formed success', async ({ world }) => {
    await world.createRole('no-sub', trustPolicy({ Condition: { StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } } }));
    await world.gate({ assumptions: { refuseNonStringSub: false } });
    const out = await world.assume(await world.mint({ claims: { sub: TRAP } }), { RoleArn: `arn:aws:iam::${ACCOUNT}:role/no-sub` });
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/no-sub/ws-1`);
    expect(out.SubjectFromWebIdentityToken ?? '').toBe('');
  });
});
