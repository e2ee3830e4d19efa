import { expect, test } from './gate-fixture.js';

test('enforcement off: a garbage token gets credentials and the decision says nothing was checked', async ({ world }) => {
  const gate = await world.gate({ enforce: false });
  const out = await world.assume('garbage.token.here');
  expect(out.Credentials?.AccessKeyId).toBeTruthy();
  const decision = gate.decision(out.$metadata.requestId ?? '');
  expect(decision).toMatchObject({ outcome: 'allowed', httpStatus: 200 });
  expect(decision?.explanation).toEqual(['enforcement off: the emulator admitted this without checking the token']);
});

test('enforcement on: the same garbage token is refused', async ({ world }) => {
  await world.gate();
  await expect(world.assume('garbage.token.here')).rejects.toMatchObject({ Code: 'InvalidIdentityToken' });
});
