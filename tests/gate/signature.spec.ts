import { expect, expectAwsError, failure, hangingFetch, ISSUER, test } from './gate-fixture.js';
import type { FetchLike } from '../../harness/gate/types.js';

const NO_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

/** A fetch that counts the URLs it was asked for. */
function countingFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return { urls, fetch: (url, init) => (urls.push(url), globalThis.fetch(url, init)) };
}

test.describe('signature and keys (reference §2.4)', () => {
  for (const tamper of ['signature', 'foreign-key'] as const) {
    test(`a token with a bad signature (${tamper}) is InvalidIdentityToken`, async ({ world }) => {
      const gate = await world.gate();
      const e = await failure(world.assume(await world.mint({ tamper })));
      expectAwsError(e, 'InvalidIdentityToken', 400, 'The signature of the ID token could not be verified');
      expect(gate.decision(e.$metadata.requestId ?? '')?.explanation.join(' ')).toContain('does not verify');
    });
  }

  for (const tamper of ['alg-none', 'hs256'] as const) {
    test(`${tamper} is refused before any key is fetched`, async ({ world }) => {
      const counting = countingFetch();
      await world.gate({ fetch: counting.fetch });
      const e = await failure(world.assume(await world.mint({ tamper })));
      expectAwsError(e, 'InvalidIdentityToken', 400);
      expect(e.message).toMatch(/unsupported algorithm: (none|HS256)$/);
      expect(counting.urls).toEqual([]);
    });
  }

  for (const tamper of ['unknown-kid', 'jku-header', 'x5u-header', 'enc-key'] as const) {
    test(`${tamper}: no signing key for the kid gives AWS's verification-key message`, async ({ world }) => {
      const counting = countingFetch();
      await world.gate({ fetch: counting.fetch });
      const e = await failure(world.assume(await world.mint({ tamper })));
      expectAwsError(e, 'InvalidIdentityToken', 400, NO_KEY);
      expect(counting.urls.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
    });
  }

  test('no kid with several keys: every key is tried (assumption on), refused when off', async ({ world }) => {
    const token = await world.mint({ tamper: 'no-kid' });
    const gate = await world.gate();
    const out = await world.assume(token);
    expect(gate.decision(out.$metadata.requestId ?? '')?.assumptionsUsed).toContain('noKidTriesAllKeys');
    await world.gate({ assumptions: { noKidTriesAllKeys: false } });
    expectAwsError(await failure(world.assume(token)), 'InvalidIdentityToken', 400, NO_KEY);
  });

  for (const fault of ['discovery-500', 'discovery-invalid-json', 'discovery-missing-jwks-uri', 'jwks-other-host', 'jwks-500', 'jwks-invalid-json', 'jwks-over-100-keys'] as const) {
    test(`IdP fault ${fault} gives AWS's verification-key message`, async ({ world }) => {
      await world.gate();
      world.idp.setFaults(ISSUER, [fault]);
      expectAwsError(await failure(world.assume(await world.mint())), 'InvalidIdentityToken', 400, NO_KEY);
      world.idp.setFaults(ISSUER, []);
      await expect(world.assume(await world.mint())).resolves.toBeTruthy();
    });
  }

  test('with assumption idpFetchFailureIsInvalidIdentityToken off, an erroring IdP gives IDPCommunicationError', async ({ world }) => {
    await world.gate({ assumptions: { idpFetchFailureIsInvalidIdentityToken: false } });
    world.idp.setFaults(ISSUER, ['jwks-500']);
    const error = await failure(world.assume(await world.mint()));
    expectAwsError(error, 'IDPCommunicationError', 400, `Couldn't communicate with the identity provider ${ISSUER}`);
    const decision = world.gateHandle().decision(error.$metadata?.requestId ?? '');
    expect(decision?.assumptionsUsed).toContain('idpFetchFailureIsInvalidIdentityToken');
  });

  test('a JWKS fetch that never answers times out (injected fetch, short timeout)', async ({ world }) => {
    await world.gate({ fetch: hangingFetch, assumptions: { fetchTimeoutMs: 50 } });
    expectAwsError(await failure(world.assume(await world.mint())), 'InvalidIdentityToken', 400, NO_KEY);
  });

  test('keys are cached per issuer, refetched once on an unknown kid, and dropped by invalidateKeys', async ({ world }) => {
    const counting = countingFetch();
    const gate = await world.gate({ fetch: counting.fetch });
    await world.assume(await world.mint());
    await world.assume(await world.mint());
    const discoveries = () => counting.urls.filter((u) => u.endsWith('/.well-known/openid-configuration')).length;
    expect(discoveries()).toBe(1);
    await world.idp.rotateKeys(ISSUER, { dropOld: true });
    await world.assume(await world.mint()); // new kid: one refetch
    expect(discoveries()).toBe(2);
    expectAwsError(await failure(world.assume(await world.mint({ tamper: 'unknown-kid' }))), 'InvalidIdentityToken', 400, NO_KEY);
    expect(discoveries()).toBe(3); // refetched once, not more
    gate.invalidateKeys(ISSUER);
    await world.assume(await world.mint());
    expect(discoveries()).toBe(4);
  });
});
