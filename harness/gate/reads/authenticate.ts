/**
 * Who signed the request: the administrator, a session the gate issued, or nobody AWS would accept.
 * Checks in this order: header shape, key id, session token, expiry, signature.
 */
import type { Clock } from '../../clock.js';
import type { AwsCredentials } from '../../backends/types.js';
import type { GateRequest, IssuedSession } from '../types.js';
import { readSigV4Authorization, type CredentialScope } from './sigv4-authorization.js';
import { constantTimeEqual, signatureMatches } from './verify-signature.js';

export type AuthFailure = 'malformed-authorization' | 'unknown-key' | 'token-mismatch' | 'expired' | 'bad-signature';

export type Caller =
  | { kind: 'admin'; scope: CredentialScope }
  | { kind: 'session'; session: IssuedSession; scope: CredentialScope }
  | { kind: 'rejected'; failure: AuthFailure; scope?: CredentialScope; accessKeyId?: string };

export interface AuthenticationContext {
  sessions: { get(accessKeyId: string): IssuedSession | undefined };
  clock: Clock;
  admin: AwsCredentials;
}

export async function authenticate(request: GateRequest, ctx: AuthenticationContext): Promise<Caller> {
  const auth = readSigV4Authorization(request);
  if (!auth) return { kind: 'rejected', failure: 'malformed-authorization' };
  const { scope, accessKeyId } = auth;
  if (accessKeyId === ctx.admin.accessKeyId) return { kind: 'admin', scope };

  const session = ctx.sessions.get(accessKeyId);
  if (!session) return { kind: 'rejected', failure: 'unknown-key', scope, accessKeyId };
  const token = auth.securityToken;
  if (token === undefined || !constantTimeEqual(token, session.sessionToken)) {
    return { kind: 'rejected', failure: 'token-mismatch', scope, accessKeyId };
  }
  if (ctx.clock.now().getTime() >= session.expiration.getTime()) {
    return { kind: 'rejected', failure: 'expired', scope, accessKeyId };
  }
  if (!(await signatureMatches(request, auth, session))) {
    return { kind: 'rejected', failure: 'bad-signature', scope, accessKeyId };
  }
  return { kind: 'session', session, scope };
}
