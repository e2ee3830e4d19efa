/** Sessions the gate issued, by access key id; read by the read checks to know who is calling. */
import type { IssuedSession } from './types.js';

export class SessionStore {
  private readonly byKey = new Map<string, IssuedSession>();

  add(session: IssuedSession): void {
    this.byKey.set(session.accessKeyId, session);
  }

  get(accessKeyId: string): IssuedSession | undefined {
    return this.byKey.get(accessKeyId);
  }

  clear(): void {
    this.byKey.clear();
  }
}
