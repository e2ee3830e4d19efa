/**
 * Recomputes a request's SigV4 signature with the AWS SDK's own signer (never by hand) and compares it
 * with the one the client sent, in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { GateRequest } from '../types.js';
import { parseAmzDate, parseSigV4Authorization, type SigV4Authorization } from './sigv4-authorization.js';

export interface SigningSecret {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export async function signatureMatches(
  request: GateRequest,
  auth: SigV4Authorization,
  secret: SigningSecret,
): Promise<boolean> {
  const amzDate = request.headers['x-amz-date'];
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!amzDate || !signingDate || amzDate.slice(0, 8) !== auth.scope.date) return false;

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  const signsToken = auth.signedHeaders.includes('x-amz-security-token');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: secret.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      // the signer adds (and signs) the token header whenever a token is given
      ...(signsToken ? { sessionToken: secret.sessionToken } : {}),
    },
    region: auth.scope.region,
    service: auth.scope.service,
    sha256: Sha256,
    uriEscapePath: auth.scope.service !== 's3',
  });
  const { path, query } = splitUrl(request.url);
  const copy = new HttpRequest({ method: request.method, protocol: 'http:', hostname: 'gate', path, query, headers, body: request.body });
  const signed = await signer.sign(copy, {
    signingDate,
    signingRegion: auth.scope.region,
    signingService: auth.scope.service,
    signableHeaders: new Set(auth.signedHeaders),
  });
  const recomputed = parseSigV4Authorization(String(signed.headers['authorization'] ?? ''));
  if (!recomputed || recomputed.signedHeaders.join(';') !== [...auth.signedHeaders].sort().join(';')) return false;
  return constantTimeEqual(recomputed.signature, auth.signature);
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** the raw (still percent-encoded) path, and the query decoded as the signer expects it */
function splitUrl(url: string): { path: string; query: Record<string, string | string[]> } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query: Record<string, string | string[]> = {};
  if (q >= 0) {
    for (const [key, value] of new URLSearchParams(url.slice(q + 1))) {
      const previous = query[key];
      query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
  }
  return { path: path || '/', query };
}
