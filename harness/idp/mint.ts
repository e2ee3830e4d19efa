/** Minting: profile defaults + case overrides + derived claims -> signing plan -> tamper -> compact JWS. */
import { CompactSign } from 'jose';
import { unixSeconds, type Clock } from '../clock.js';
import { HarnessError, isHarnessError } from '../errors.js';
import { b64urlJson, decodeCompact } from './jwt.js';
import type { KeyRing, SigningKey } from './keys.js';
import type { IdpProfile, ProfileOptions } from './profiles/index.js';
import { applyTamper, type SigningPlan } from './tamper.js';
import type { MintedToken, MintRequest } from './types.js';

export interface MintSource {
  profile: IdpProfile;
  ring: KeyRing;
  options: ProfileOptions;
  /** a key of the ring's style kept out of the JWKS */
  foreignKey(): Promise<SigningKey>;
}

/** `overrides` merged over `base`: a null value removes the claim */
export function mergeClaims(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out;
}

const numberOption = (options: ProfileOptions, key: string): number | undefined =>
  typeof options[key] === 'number' ? (options[key] as number) : undefined;

function buildPlan(source: MintSource, request: MintRequest, options: ProfileOptions, now: number): SigningPlan {
  const { profile, ring } = source;
  const lifetime = numberOption(options, 'lifetime') ?? profile.defaultLifetimeSeconds;
  const exp = now + (request.expiresIn ?? lifetime);
  // an expired token was issued `lifetime` before it expired, as a real stale token was
  const iat = request.expiresIn !== undefined && request.expiresIn < 0 ? exp - lifetime : now;
  const key = ring.current();
  const ctx = { issuer: request.issuer, iat, exp, audience: profile.audience(request.audience, options), options, signingKid: key.kid };
  const overrides = request.claims ?? {};
  const claims = mergeClaims(profile.defaults(ctx), overrides);
  for (const [name, value] of Object.entries(profile.derive(claims, ctx))) {
    if (name in overrides) continue;
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  const extraHeader = typeof options.header === 'object' && options.header !== null ? options.header : {};
  const header = { alg: 'RS256', kid: key.kid, ...ring.header(key), ...extraHeader };
  return { header, claims, key };
}

async function sign(plan: SigningPlan): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(plan.claims));
  let token: string;
  if (plan.hmacSecret) {
    token = await new CompactSign(payload).setProtectedHeader({ ...plan.header, alg: 'HS256' }).sign(plan.hmacSecret);
  } else if (plan.key === null) {
    token = `${b64urlJson(plan.header)}.${Buffer.from(payload).toString('base64url')}.`;
  } else {
    token = await new CompactSign(payload).setProtectedHeader({ ...plan.header, alg: String(plan.header.alg) }).sign(plan.key.privateKey);
  }
  return plan.mangle ? plan.mangle(token) : token;
}

export async function mintToken(source: MintSource, request: MintRequest, clock: Clock): Promise<MintedToken> {
  const options = { ...source.options, ...request.options };
  const now = unixSeconds(clock);
  try {
    const plan = await applyTamper(request.tamper, buildPlan(source, request, options, now), {
      now,
      foreignKey: source.foreignKey,
      publishEncKey: () => source.ring.add('enc'),
    });
    const token = await sign(plan);
    return { token, ...decodeCompact(token) };
  } catch (e) {
    if (isHarnessError(e) || e instanceof TypeError) throw e;
    throw new HarnessError('IDP_MINT_FAILED', `minting a ${source.profile.name} token failed: ${(e as Error).message}`, { cause: e });
  }
}
