/**
 * Recomputes a request's SigV4 signature with the AWS SDK's own signer (never by hand) and compares it
 * with the one the client sent, in constant time. Header signatures use `sign`, presigned URLs `presign`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { GateRequest } from '../types.js';
import { headerSignature, parseAmzDate, PRESIGN_PARAMS, type SigV4Authorization } from './sigv4-authorization.js';

export interface SigningSecret {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export async function signatureMatches(request: GateRequest, auth: SigV4Authorization, secret: SigningSecret): Promise<boolean> {
  const signingDate = auth.amzDate === undefined ? undefined : parseAmzDate(auth.amzDate);
  if (!auth.amzDate || !signingDate || auth.amzDate.slice(0, 8) !== auth.scope.date) return false;
  if (!payloadHashHolds(request, auth.scope.service)) return false;

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  // the signer adds (and, in a header signature, signs) the token whenever it is given one
  const sendsToken = auth.form === 'query' ? auth.securityToken !== undefined : auth.signedHeaders.includes('x-amz-security-token');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: secret.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      ...(sendsToken ? { sessionToken: secret.sessionToken } : {}),
    },
    region: auth.scope.region,
    service: auth.scope.service,
    // the SDK's own Node.js (native crypto) hash, as its clients use on Node
    sha256: Hash.bind(null, 'sha256'),
    // Sign exactly the headers the client signed: botocore does not send x-amz-content-sha256; when a client
    // does, the header is among the copied ones and is signed as sent.
    applyChecksum: false,
    uriEscapePath: auth.scope.service !== 's3',
  });
  const { path, query } = splitUrl(request.url, auth.form === 'query');
  const copy = new HttpRequest({ method: request.method, protocol: 'http:', hostname: 'gate', path, query, headers, body: request.body });
  const options = {
    signingDate,
    signingRegion: auth.scope.region,
    signingService: auth.scope.service,
    signableHeaders: new Set(auth.signedHeaders),
  };
  const expected = [...auth.signedHeaders].sort().join(';');
  if (auth.form === 'query') {
    const presigned = await signer.presign(copy, { ...options, ...(auth.expiresIn ? { expiresIn: auth.expiresIn } : {}) });
    const q = presigned.query ?? {};
    return q['X-Amz-SignedHeaders'] === expected && constantTimeEqual(String(q['X-Amz-Signature'] ?? ''), auth.signature);
  }
  const signed = await signer.sign(copy, options);
  const recomputed = headerSignature(String(signed.headers['authorization'] ?? ''));
  return recomputed?.signedHeaders === expected && constantTimeEqual(recomputed.signature, auth.signature);
}

/**
 * The signer trusts an `x-amz-content-sha256` header as the payload hash; AWS hashes the body it received,
 * so a body changed after signing must fail even when the header was left as signed.
 */
function payloadHashHolds(request: GateRequest, service: string): boolean {
  const declared = request.headers['x-amz-content-sha256'];
  if (declared === undefined) return true;
  // only S3 accepts an unsigned or chunk-signed payload
  if (service === 's3' && (declared === 'UNSIGNED-PAYLOAD' || declared.startsWith('STREAMING-'))) return true;
  return constantTimeEqual(declared.toLowerCase(), createHash('sha256').update(request.body).digest('hex'));
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** the raw (still percent-encoded) path, and the query decoded as the signer expects it */
function splitUrl(url: string, dropPresignParams: boolean): { path: string; query: Record<string, string | string[]> } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query: Record<string, string | string[]> = {};
  const dropped: ReadonlySet<string> = new Set(dropPresignParams ? PRESIGN_PARAMS : []);
  if (q >= 0) {
    for (const [key, value] of new URLSearchParams(url.slice(q + 1))) {
      if (dropped.has(key)) continue;
      const previous = query[key];
      query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
  }
  return { path: path || '/', query };
}
