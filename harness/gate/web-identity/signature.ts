/** Step 4 (§2.4): the signature must verify with a signing key from the issuer's JWKS. */
import { compactVerify, importJWK, type JWK } from 'jose';
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions } from '../types.js';
import type { DecodedToken } from './decode-token.js';
import { KeySourceUnavailable } from './fetch-json.js';
import type { KeyStore } from './key-store.js';

export const ACCEPTED_ALGS: readonly string[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

type Assumptions = Pick<GateAssumptions, 'noKidTriesAllKeys' | 'maxJwksKeys' | 'idpFetchFailureIsInvalidIdentityToken'>;

const noKey = (why: string, assumptionsUsed: (keyof GateAssumptions)[] = []) =>
  new StsRefusal('InvalidIdentityToken', MSG.noVerificationKey, [why], assumptionsUsed);

/** Returns the assumptions the check relied on. jku/x5u headers are never followed. */
export async function verifySignature(
  token: string,
  decoded: DecodedToken,
  issuer: string,
  keyStore: KeyStore,
  assumptions: Assumptions,
): Promise<(keyof GateAssumptions)[]> {
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : 'none';
  if (!ACCEPTED_ALGS.includes(alg)) {
    throw new StsRefusal('InvalidIdentityToken', MSG.unsupportedAlg(alg), [
      `The token's alg "${alg}" is not one of ${ACCEPTED_ALGS.join(', ')}.`,
    ]);
  }
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const used: (keyof GateAssumptions)[] = [];
  let keys = await signingKeys(issuer, keyStore, assumptions, false);
  let candidates = kid === undefined ? keys : keys.filter((k) => k.kid === kid);
  if (kid !== undefined && candidates.length === 0) {
    keys = await signingKeys(issuer, keyStore, assumptions, true);
    candidates = keys.filter((k) => k.kid === kid);
    if (candidates.length === 0) throw noKey(`No signing key with kid "${kid}" in ${issuer}'s JWKS, even after refetching it.`);
  }
  if (kid === undefined && candidates.length > 1) {
    used.push('noKidTriesAllKeys');
    if (!assumptions.noKidTriesAllKeys) {
      throw noKey(`The token has no kid and the JWKS has ${candidates.length} keys (assumption noKidTriesAllKeys is off).`, used);
    }
  }
  if (candidates.length === 0) throw noKey(`${issuer}'s JWKS has no signing key.`);
  for (const jwk of candidates) {
    if (await verifiesWith(token, jwk, alg)) return used;
  }
  throw new StsRefusal(
    'InvalidIdentityToken',
    MSG.badSignature,
    [`The token's ${alg} signature does not verify with ${candidates.length === 1 ? 'the issuer key' : `any of ${candidates.length} issuer keys`} (kid ${kid ?? 'absent'}).`],
    used,
  );
}

async function signingKeys(issuer: string, keyStore: KeyStore, assumptions: Assumptions, refresh: boolean): Promise<JWK[]> {
  let keys: JWK[];
  try {
    keys = await (refresh ? keyStore.refresh(issuer) : keyStore.keys(issuer));
  } catch (e) {
    if (e instanceof KeySourceUnavailable) {
      const why = `The issuer's keys could not be retrieved: ${e.message}.`;
      if (assumptions.idpFetchFailureIsInvalidIdentityToken) throw noKey(why, ['idpFetchFailureIsInvalidIdentityToken']);
      throw new StsRefusal('IDPCommunicationError', MSG.idpCommunication(issuer), [why], ['idpFetchFailureIsInvalidIdentityToken']);
    }
    throw e;
  }
  if (keys.length > assumptions.maxJwksKeys) {
    keyStore.invalidate(issuer); // not kept: the next request fetches again
    throw noKey(`${issuer}'s JWKS lists ${keys.length} keys, more than ${assumptions.maxJwksKeys} (assumption maxJwksKeys).`, ['maxJwksKeys']);
  }
  return keys.filter((k) => k.use !== 'enc');
}

/** Imported keys, per JWK object (the key store keeps the same objects while its cache holds them) and alg. */
const imported = new WeakMap<JWK, Map<string, Promise<CryptoKey | Uint8Array>>>();

function importPublic(jwk: JWK, alg: string): Promise<CryptoKey | Uint8Array> {
  let byAlg = imported.get(jwk);
  if (!byAlg) imported.set(jwk, (byAlg = new Map()));
  let key = byAlg.get(alg);
  if (!key) {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = jwk;
    key = importJWK({ ...publicPart, alg }, alg);
    byAlg.set(alg, key);
  }
  return key;
}

async function verifiesWith(token: string, jwk: JWK, alg: string): Promise<boolean> {
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  try {
    await compactVerify(token, await importPublic(jwk, alg), { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}
