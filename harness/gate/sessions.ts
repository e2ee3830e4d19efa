/**
 * Sessions the gate issued, by access key id; read by the authenticate stage to know who is calling.
 * Bounded: a session leaves the store a day after it expired (until then it still answers ExpiredToken, as
 * AWS does for an expired token), and beyond `capacity` the oldest session leaves first.
 */
import type { Clock } from '../clock.js';
import type { IssuedSession } from './types.js';

/** how long an expired session is still recognised (and answered ExpiredToken rather than InvalidClientTokenId) */
export const EXPIRED_RETENTION_MS = 24 * 3600 * 1000;

export class SessionStore {
  private readonly byKey = new Map<string, IssuedSession>();

  constructor(
    private readonly clock: Clock,
    private readonly capacity = 10_000,
  ) {}

  add(session: IssuedSession): void {
    this.evict();
    this.byKey.delete(session.accessKeyId);
    this.byKey.set(session.accessKeyId, session);
    while (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
  }

  get(accessKeyId: string): IssuedSession | undefined {
    const session = this.byKey.get(accessKeyId);
    if (session && this.gone(session)) {
      this.byKey.delete(accessKeyId);
      return undefined;
    }
    return session;
  }

  get size(): number {
    return this.byKey.size;
  }

  clear(): void {
    this.byKey.clear();
  }

  private gone(session: IssuedSession): boolean {
    return this.clock.now().getTime() >= session.expiration.getTime() + EXPIRED_RETENTION_MS;
  }

  private evict(): void {
    for (const [key, session] of this.byKey) if (this.gone(session)) this.byKey.delete(key);
  }
}
