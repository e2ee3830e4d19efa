/**
 * tokenVerificationsPerSecond: the gate's token verification (decode, signature with the issuer's cached
 * JWKS, time claims), the keys fetched once before timing, as in a run after the first case.
 */
import { DEFAULT_ASSUMPTIONS } from '../gate/assumptions.js';
import { decodeToken } from '../gate/web-identity/decode-token.js';
import { KeyStore } from '../gate/web-identity/key-store.js';
import { verifySignature } from '../gate/web-identity/signature.js';
import { checkTimeClaims } from '../gate/web-identity/time-claims.js';
import { createMockIdp } from '../idp/index.js';
import { nowMs } from './stats.js';

const ISSUER = 'https://api.gitpod.io/idp';

export interface TokenVerifier extends AsyncDisposable {
  /** verifications per wall second over about `durationMs` */
  measure(durationMs: number): Promise<number>;
}

export async function startTokenVerifier(): Promise<TokenVerifier> {
  const idp = await createMockIdp();
  idp.serve(ISSUER, 'gitpod');
  const { token } = await idp.mint({ profile: 'gitpod', issuer: ISSUER, claims: { sub: 'https://github.com/acme/app' } });
  const keyStore = new KeyStore({ issuers: idp.issuers, fetch: (url, init) => globalThis.fetch(url, init), timeoutMs: () => 3000 });
  const verifyOnce = async (): Promise<void> => {
    const decoded = decodeToken(token, DEFAULT_ASSUMPTIONS);
    await verifySignature(token, decoded, ISSUER, keyStore, DEFAULT_ASSUMPTIONS);
    checkTimeClaims(decoded.claims, new Date(), DEFAULT_ASSUMPTIONS);
  };
  await verifyOnce(); // fills the key cache (and throws here if the token does not verify)
  return {
    async measure(durationMs) {
      let count = 0;
      const started = nowMs();
      let elapsed = 0;
      while (elapsed < durationMs) {
        for (let i = 0; i < 50; i++) await verifyOnce();
        count += 50;
        elapsed = nowMs() - started;
      }
      return count / (elapsed / 1000);
    },
    [Symbol.asyncDispose]: () => idp.close(),
  };
}
