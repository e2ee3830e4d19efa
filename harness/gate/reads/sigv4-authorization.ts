/** Reads a SigV4 signature from a request: the `Authorization` header, or the query of a presigned URL. */
import type { GateRequest } from '../types.js';

export interface CredentialScope {
  /** yyyymmdd */
  date: string;
  region: string;
  service: string;
}

export interface SigV4Authorization {
  form: 'header' | 'query';
  accessKeyId: string;
  scope: CredentialScope;
  /** lower-case header names, in the order the client listed them */
  signedHeaders: string[];
  /** lower-case hex */
  signature: string;
  /** `20260101T000000Z` */
  amzDate: string | undefined;
  securityToken: string | undefined;
  /** presigned URLs only */
  expiresIn?: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** one week, in seconds: the longest a SigV4 presigned URL may be valid */
const MAX_PRESIGN_EXPIRES = 604800;

/** the query parameters a presigned URL carries its signature in */
export const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
] as const;

/** undefined when the request carries no well-formed SigV4 signature */
export function readSigV4Authorization(request: GateRequest): SigV4Authorization | undefined {
  const header = request.headers['authorization'];
  if (header !== undefined) return fromHeader(header, request);
  const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) return undefined;
  // [doc] a presigned URL carries X-Amz-Expires, whole seconds from 1 to 604800 (one week); any other value is
  // no signature the gate could recompute as signed (the signer would silently use its own default)
  const expiresText = query.get('X-Amz-Expires') ?? '';
  const expires = /^[1-9]\d{0,5}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 1 && expires <= MAX_PRESIGN_EXPIRES)) return undefined;
  return build('query', query.get('X-Amz-Credential'), query.get('X-Amz-SignedHeaders'), query.get('X-Amz-Signature'), {
    amzDate: query.get('X-Amz-Date') ?? undefined,
    securityToken: query.get('X-Amz-Security-Token') ?? undefined,
    expiresIn: expires,
  });
}

function fromHeader(header: string, request: GateRequest): SigV4Authorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return build('header', fields.get('Credential'), fields.get('SignedHeaders'), fields.get('Signature'), {
    amzDate: request.headers['x-amz-date'],
    securityToken: request.headers['x-amz-security-token'],
  });
}

function build(
  form: SigV4Authorization['form'],
  credentialText: string | null | undefined,
  signedHeaders: string | null | undefined,
  signature: string | null | undefined,
  rest: Pick<SigV4Authorization, 'amzDate' | 'securityToken' | 'expiresIn'>,
): SigV4Authorization | undefined {
  const credential = credentialText?.split('/');
  if (!credential || credential.length !== 5 || credential[4] !== 'aws4_request') return undefined;
  const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service) return undefined;
  if (!signedHeaders || !signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return undefined;
  return {
    form,
    accessKeyId,
    scope: { date, region, service },
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature: signature.toLowerCase(),
    ...rest,
  };
}

/** `20260101T000000Z` -> Date; undefined when malformed */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** the SigV4 header value's parts, for comparing a recomputed header with the one received */
export function headerSignature(header: string): { signedHeaders: string; signature: string } | undefined {
  const m = /SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})/.exec(header);
  return m ? { signedHeaders: m[1] ?? '', signature: m[2] ?? '' } : undefined;
}
