/** Hostile and malformed variants of a token (TamperKind): each turns a signing plan into a broken one. */
import type { TamperKind } from '../scenario/model.js';
import type { SigningKey } from './keys.js';

export interface SigningPlan {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** RSA key to sign with; null = no signature (alg none) */
  key: SigningKey | null;
  /** HMAC secret: signs HS256 instead of with `key` */
  hmacSecret?: Uint8Array;
  /** applied to the compact token after signing */
  mangle?: (token: string) => string;
}

export interface TamperEnv {
  /** unix seconds now */
  now: number;
  /** a key of the issuer's style that is not in its JWKS */
  foreignKey(): Promise<SigningKey>;
  /** a new key published in the issuer's JWKS with `use: enc` only */
  publishEncKey(): Promise<SigningKey>;
}

export const ATTACKER_HOST = 'https://evil.example';
/** long enough that the compact token exceeds STS's 20,000-character limit */
const OVERSIZE_PADDING = 16_000;

function flipSignature(token: string): string {
  const [h, p, s = ''] = token.split('.');
  const sig = Buffer.from(s, 'base64url');
  for (let i = 0; i < 4 && i < sig.length; i++) sig[Math.floor(sig.length / 2) + i - 2]! ^= 0xff;
  return `${h}.${p}.${sig.toString('base64url')}`;
}

function withoutKid(header: Record<string, unknown>): Record<string, unknown> {
  const { kid: _kid, ...rest } = header;
  return rest;
}

type Tamper = (plan: SigningPlan, env: TamperEnv) => SigningPlan | Promise<SigningPlan>;

const TAMPERS: Record<TamperKind, Tamper> = {
  signature: (plan) => ({ ...plan, mangle: flipSignature }),
  'alg-none': (plan) => ({ ...plan, header: { ...plan.header, alg: 'none' }, key: null }),
  hs256: (plan) => ({
    ...plan,
    header: { ...plan.header, alg: 'HS256' },
    hmacSecret: Buffer.from(plan.key?.spkiPem ?? '', 'utf8'),
  }),
  'unknown-kid': async (plan, env) => ({ ...plan, header: { ...plan.header, kid: (await env.foreignKey()).kid } }),
  'foreign-key': async (plan, env) => ({ ...plan, key: await env.foreignKey() }),
  'no-kid': (plan) => ({ ...plan, header: withoutKid(plan.header) }),
  'wrong-typ': (plan) => ({ ...plan, header: { ...plan.header, typ: 'at+jwt' } }),
  'non-integer-exp': (plan) => ({ ...plan, claims: { ...plan.claims, exp: Number(plan.claims.exp) + 0.5 } }),
  'nbf-future': (plan, env) => ({ ...plan, claims: { ...plan.claims, nbf: env.now + 3600 } }),
  'iat-future': (plan, env) => ({ ...plan, claims: { ...plan.claims, iat: env.now + 3600 } }),
  oversize: (plan) => ({ ...plan, claims: { ...plan.claims, padding: 'x'.repeat(OVERSIZE_PADDING) } }),
  'jku-header': async (plan, env) => {
    const key = await env.foreignKey();
    return { ...plan, key, header: { ...plan.header, kid: key.kid, jku: `${ATTACKER_HOST}/.well-known/jwks.json` } };
  },
  'x5u-header': async (plan, env) => {
    const key = await env.foreignKey();
    return { ...plan, key, header: { ...plan.header, kid: key.kid, x5u: `${ATTACKER_HOST}/signing-cert.pem` } };
  },
  'enc-key': async (plan, env) => {
    const key = await env.publishEncKey();
    return { ...plan, key, header: { ...plan.header, kid: key.kid } };
  },
};

export const TAMPER_KINDS = Object.keys(TAMPERS) as TamperKind[];

export async function applyTamper(kind: TamperKind | undefined, plan: SigningPlan, env: TamperEnv): Promise<SigningPlan> {
  if (kind === undefined) return plan;
  const tamper = TAMPERS[kind];
  if (!tamper) throw new TypeError(`unknown tamper kind "${String(kind)}"`);
  return tamper(plan, env);
}
