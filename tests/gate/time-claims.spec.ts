import { expect, expectAwsError, failure, test } from './gate-fixture.js';

test.describe('exp, nbf, iat (reference §2.6)', () => {
  test('a token within the 5-minute skew after exp is accepted; beyond it, ExpiredTokenException', async ({ world }) => {
    await world.gate();
    const token = await world.mint({ expiresIn: 600 });
    const exp = Math.floor(world.clock.now().getTime() / 1000) + 600;
    world.clock.advance(600 + 300);
    await expect(world.assume(token)).resolves.toBeTruthy();
    world.clock.advance(1);
    const now = exp + 301;
    const e = await failure(world.assume(token));
    expectAwsError(e, 'ExpiredTokenException', 400, `Token expired: current date/time ${now} must be before the expiration date/time${exp}`);
  });

  test('a non-integer exp is InvalidIdentityToken', async ({ world }) => {
    await world.gate();
    expectAwsError(await failure(world.assume(await world.mint({ tamper: 'non-integer-exp' }))), 'InvalidIdentityToken', 400);
  });

  test('nbf in the future is refused (enforceNbf) and admitted when the assumption is off', async ({ world }) => {
    const token = await world.mint({ tamper: 'nbf-future' });
    const gate = await world.gate();
    const e = await failure(world.assume(token));
    expectAwsError(e, 'InvalidIdentityToken', 400);
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('enforceNbf');
    await world.gate({ assumptions: { enforceNbf: false } });
    await expect(world.assume(token)).resolves.toBeTruthy();
  });

  test('iat in the future is refused (rejectFutureIat) and admitted when the assumption is off', async ({ world }) => {
    const token = await world.mint({ tamper: 'iat-future' });
    const gate = await world.gate();
    const e = await failure(world.assume(token));
    expectAwsError(e, 'InvalidIdentityToken', 400);
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('rejectFutureIat');
    await world.gate({ assumptions: { rejectFutureIat: false } });
    await expect(world.assume(token)).resolves.toBeTruthy();
  });
});
