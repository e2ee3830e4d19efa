/** Compact-JWS plumbing the mint and the tamper kinds share. */
export const b64url = (data: Uint8Array | string): string =>
  Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64url');

export const b64urlJson = (value: unknown): string => b64url(JSON.stringify(value));

/** The decoded header and claims of a compact JWS (no verification). */
export function decodeCompact(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h = '', p = ''] = token.split('.');
  const parse = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: parse(h), claims: parse(p) };
}
