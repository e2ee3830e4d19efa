/**
 * Who signed the request: the administrator, a session the gate issued, or nobody AWS would accept.
 * Checks in this order: header shape, key id, session token, expiry, request time, signature. The
 * administrator's signature is verified like a session's (its secret key is known).
 */
import type { Clock } from '../../clock.js';
import type { AwsCredentials } from '../../backends/types.js';
import type { GateRequest, IssuedSession } from '../types.js';
import { parseAmzDate, readSigV4Authorization, type CredentialScope, type SigV4Authorization } from './sigv4-authorization.js';
import { constantTimeEqual, signatureMatches } from './verify-signature.js';

export type AuthFailure =
  | 'missing-authentication'
  | 'malformed-authorization'
  | 'unknown-key'
  | 'token-mismatch'
  | 'expired'
  | 'signature-expired'
  | 'signature-not-yet-current'
  | 'wrong-service-scope'
  | 'invalid-region-scope'
  | 'bad-signature';

export type Caller =
  | { kind: 'admin'; scope: CredentialScope }
  | { kind: 'session'; session: IssuedSession; scope: CredentialScope }
  | { kind: 'rejected'; failure: AuthFailure; scope?: CredentialScope; accessKeyId?: string; message?: string };

export interface AuthenticationContext {
  sessions: { get(accessKeyId: string): IssuedSession | undefined };
  clock: Clock;
  admin: AwsCredentials;
}

/** [doc] AWS refuses a request whose signing time is more than 15 minutes away from its own clock */
export const SKEW_SECONDS = 15 * 60;

/** `auth`: the signature as decoded (undefined when the request carries none that is well-formed) */
export async function authenticate(
  request: GateRequest,
  ctx: AuthenticationContext,
  auth: SigV4Authorization | undefined = readSigV4Authorization(request),
): Promise<Caller> {
  if (!auth) {
    const attempted = request.headers['authorization'] !== undefined || /[?&]X-Amz-(Algorithm|Signature|Credential)=/i.test(request.url);
    return { kind: 'rejected', failure: attempted ? 'malformed-authorization' : 'missing-authentication' };
  }
  const { scope, accessKeyId } = auth;
  if (accessKeyId === ctx.admin.accessKeyId) {
    const failure = timeFailure(auth, ctx.clock) ?? (await signatureFailure(request, auth, ctx.admin));
    return failure ? { kind: 'rejected', scope, accessKeyId, ...failure } : { kind: 'admin', scope };
  }
  const session = ctx.sessions.get(accessKeyId);
  if (!session) return { kind: 'rejected', failure: 'unknown-key', scope, accessKeyId };
  const token = auth.securityToken;
  if (token === undefined || !constantTimeEqual(token, session.sessionToken)) {
    return { kind: 'rejected', failure: 'token-mismatch', scope, accessKeyId };
  }
  if (ctx.clock.now().getTime() >= session.expiration.getTime()) {
    return { kind: 'rejected', failure: 'expired', scope, accessKeyId };
  }
  const failure = timeFailure(auth, ctx.clock) ?? (await signatureFailure(request, auth, session));
  return failure ? { kind: 'rejected', scope, accessKeyId, ...failure } : { kind: 'session', session, scope };
}

async function signatureFailure(
  request: GateRequest,
  auth: SigV4Authorization,
  secret: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): Promise<{ failure: AuthFailure } | undefined> {
  return (await signatureMatches(request, auth, { ...secret, sessionToken: secret.sessionToken ?? auth.securityToken ?? '' }))
    ? undefined
    : { failure: 'bad-signature' };
}

const compact = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** AWS's 15-minute window around its clock, on the gate's (injected) clock; a presigned URL also expires */
function timeFailure(auth: SigV4Authorization, clock: Clock): { failure: AuthFailure; message?: string } | undefined {
  const signed = auth.amzDate === undefined ? undefined : parseAmzDate(auth.amzDate);
  if (!signed || auth.amzDate?.slice(0, 8) !== auth.scope.date) return { failure: 'malformed-authorization' };
  const now = clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000) * 1000;
  const earliest = new Date(nowSeconds - SKEW_SECONDS * 1000);
  const latest = new Date(nowSeconds + SKEW_SECONDS * 1000);
  const presignEnd = auth.expiresIn !== undefined ? new Date(signed.getTime() + auth.expiresIn * 1000) : undefined;
  if (presignEnd && presignEnd.getTime() < nowSeconds) {
    return { failure: 'signature-expired', message: `Request has expired` };
  }
  if (!presignEnd && signed.getTime() < earliest.getTime()) {
    return {
      failure: 'signature-expired',
      message: `Signature expired: ${compact(signed)} is now earlier than ${compact(earliest)} (${compact(new Date(nowSeconds))} - 15 min.)`,
    };
  }
  if (signed.getTime() > latest.getTime()) {
    return {
      failure: 'signature-not-yet-current',
      message: `Signature not yet current: ${compact(signed)} is still later than ${compact(latest)} (${compact(new Date(nowSeconds))} + 15 min.)`,
    };
  }
  return undefined;
}
