/**
 * The request context (condition keys) AWS supplies for a call made with assumed-role session
 * credentials obtained through AssumeRoleWithWebIdentity.
 */
import type { Clock } from '../../clock.js';
import type { ContextValue } from '../../policy/types.js';
import type { IssuedSession, RoleView } from '../types.js';

/** only these claims stay available as `<provider>:<claim>` keys after assumption */
const SURVIVING_CLAIMS = ['amr', 'aud', 'id', 'sub'] as const;

export const accountOfArn = (arn: string): string => arn.split(':')[4] ?? '';

/** `arn:aws:iam::123:oidc-provider/api.gitpod.io/idp` -> `api.gitpod.io/idp` */
export const providerPrefixOfArn = (providerArn: string): string =>
  providerArn.includes(':oidc-provider/') ? providerArn.slice(providerArn.indexOf(':oidc-provider/') + 15) : providerArn;

export function sessionContext(
  session: IssuedSession,
  role: RoleView | undefined,
  clock: Clock,
  region: string,
): Record<string, ContextValue> {
  const now = clock.now();
  const accountId = accountOfArn(session.roleArn);
  const sessionName = session.sessionArn.slice(session.sessionArn.lastIndexOf('/') + 1);
  const context: Record<string, ContextValue> = {
    'aws:PrincipalArn': session.roleArn,
    'aws:PrincipalAccount': accountId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:FederatedProvider': session.providerArn,
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    'aws:SecureTransport': 'false',
    'aws:ViaAWSService': 'false',
    'aws:RequestedRegion': region,
    'aws:ResourceAccount': accountId,
  };
  if (role) context['aws:userid'] = `${role.roleId}:${sessionName}`;
  const prefix = providerPrefixOfArn(session.providerArn);
  for (const claim of SURVIVING_CLAIMS) {
    const raw = session.claims[claim];
    // amr is multi-valued (ForAnyValue:) even when the token carried a single string
    const value = claimValue(claim === 'amr' && typeof raw === 'string' ? [raw] : raw);
    if (value !== undefined) context[`${prefix}:${claim}`] = value;
  }
  return context;
}

function claimValue(raw: unknown): ContextValue | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string');
  return undefined;
}
