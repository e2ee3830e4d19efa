/** What the IdP's HTTP side answers for discovery and JWKS while faults (IdpFault) are active. */
import { createHash, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { IdpFault } from '../scenario/model.js';
import { ATTACKER_HOST } from './tamper.js';

export type Reply = { status: number; body: string } | 'hang';

export const FAULT_KINDS: readonly IdpFault[] = [
  'discovery-500', 'discovery-timeout', 'discovery-invalid-json', 'discovery-missing-jwks-uri', 'jwks-other-host',
  'jwks-500', 'jwks-timeout', 'jwks-invalid-json', 'rotate-after-mint', 'jwks-over-100-keys',
];

/** how many decoy keys `jwks-over-100-keys` adds (AWS failed for a user at more than 100) */
export const DECOY_KEY_COUNT = 100;

const json = (value: unknown): Reply => ({ status: 200, body: JSON.stringify(value) });
const serverError: Reply = { status: 500, body: '{"error":"internal server error"}' };
const truncated = (value: unknown): Reply => {
  const body = JSON.stringify(value);
  return { status: 200, body: body.slice(0, Math.floor(body.length / 2)) };
};

export function discoveryReply(document: Record<string, unknown>, faults: ReadonlySet<IdpFault>): Reply {
  if (faults.has('discovery-timeout')) return 'hang';
  if (faults.has('discovery-500')) return serverError;
  if (faults.has('discovery-invalid-json')) return truncated(document);
  const doc = { ...document };
  if (faults.has('discovery-missing-jwks-uri')) delete doc.jwks_uri;
  if (faults.has('jwks-other-host') && typeof doc.jwks_uri === 'string') {
    const url = new URL(doc.jwks_uri);
    doc.jwks_uri = `${ATTACKER_HOST}/${url.host}${url.pathname}`;
  }
  return json(doc);
}

/** RSA-shaped public keys nobody holds the private half of */
function decoyKeys(count: number): JWK[] {
  return Array.from({ length: count }, () => {
    const n = randomBytes(256);
    n[0]! |= 0x80;
    n[255]! |= 0x01;
    const kid = 'id-' + createHash('sha256').update(n).digest('hex');
    return { use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: n.toString('base64url'), e: 'AQAB' };
  });
}

export function jwksReply(jwks: { keys: JWK[] }, faults: ReadonlySet<IdpFault>): Reply {
  if (faults.has('jwks-timeout')) return 'hang';
  if (faults.has('jwks-500')) return serverError;
  if (faults.has('jwks-invalid-json')) return truncated(jwks);
  if (faults.has('jwks-over-100-keys')) return json({ keys: [...jwks.keys, ...decoyKeys(DECOY_KEY_COUNT)] });
  return json(jwks);
}
