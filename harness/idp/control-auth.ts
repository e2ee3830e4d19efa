/** The /_mock control API's bearer secret: who may mint, rotate, serve and inject faults over HTTP. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** a fresh secret: an IdP started without one keeps its control API closed to every HTTP caller */
export const newControlSecret = (): string => randomBytes(24).toString('hex');

export const bearer = (secret: string): string => `Bearer ${secret}`;

export function presentsSecret(header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(bearer(secret));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
