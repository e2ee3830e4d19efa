/** Parses the `Authorization` header of a SigV4-signed request (header form; presigned URLs are not handled). */

export interface CredentialScope {
  /** yyyymmdd */
  date: string;
  region: string;
  service: string;
}

export interface SigV4Authorization {
  accessKeyId: string;
  scope: CredentialScope;
  /** lower-case header names, in the order the client listed them */
  signedHeaders: string[];
  /** lower-case hex */
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** undefined when the header is not a well-formed SigV4 header */
export function parseSigV4Authorization(header: string): SigV4Authorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'aws4_request') return undefined;
  const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service) return undefined;
  if (!signedHeaders || !signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return undefined;
  return {
    accessKeyId,
    scope: { date, region, service },
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature: signature.toLowerCase(),
  };
}

/** `20260101T000000Z` -> Date; undefined when malformed */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
