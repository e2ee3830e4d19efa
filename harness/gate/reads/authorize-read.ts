/**
 * Authorizes one action of an assumed-role session with the policy evaluator, and words the outcome:
 * AWS's AccessDenied message and explanation sentences naming the deciding layer and statement.
 */
import type { Clock } from '../../clock.js';
import { accessDeniedMessage, authorize } from '../../policy/index.js';
import type {
  AuthorizationResult,
  ContextValue,
  DenialReason,
  PolicyJson,
  StatementTrace,
} from '../../policy/types.js';
import type { IssuedSession, RoleView } from '../types.js';
import { accountOfArn, sessionContext } from './session-context.js';

export interface SessionPrincipal {
  session: IssuedSession;
  /** undefined when the role no longer exists: nothing grants it anything */
  role: RoleView | undefined;
  region: string;
  clock: Clock;
}

export interface ReadCheck {
  action: string;
  /** the ARN evaluated against Resource elements, or `*` */
  resource: string;
  /** the resource as AWS names it in the AccessDenied message */
  resourceInMessage: string;
  resourcePolicy?: PolicyJson;
  context?: Record<string, ContextValue>;
}

export interface ReadAuthorization {
  allowed: boolean;
  result: AuthorizationResult;
  /** AWS's AccessDenied message, when denied */
  deniedMessage?: string;
  explanation: string[];
}

export async function authorizeRead(principal: SessionPrincipal, check: ReadCheck): Promise<ReadAuthorization> {
  const { session, role } = principal;
  const accountId = accountOfArn(session.roleArn);
  // awaited so that a synchronous or an asynchronous evaluator both fit
  const result: AuthorizationResult = await authorize({
    request: {
      principal: { kind: 'aws', arns: [session.sessionArn, session.roleArn, `arn:aws:iam::${accountId}:root`], accountId },
      action: check.action,
      resource: check.resource,
      context: { ...sessionContext(session, role, principal.clock, principal.region), ...check.context },
    },
    identityPolicies: role?.identityPolicies ?? [],
    ...(role?.permissionsBoundary ? { permissionsBoundary: role.permissionsBoundary } : {}),
    sessionPolicies: [...(session.sessionPolicy ? [session.sessionPolicy] : []), ...(session.managedSessionPolicies ?? [])],
    ...(check.resourcePolicy ? { resourcePolicy: check.resourcePolicy } : {}),
    session: { sessionArn: session.sessionArn, roleArn: session.roleArn },
  });
  const subject = `${check.action} on ${check.resource} by ${session.sessionArn}`;
  if (result.decision === 'Allow') {
    return { allowed: true, result, explanation: [`${subject}: allowed by ${allowingLayer(result)}.`, ...result.explanation] };
  }
  const denial: DenialReason = result.denial ?? 'no-identity-allow';
  return {
    allowed: false,
    result,
    deniedMessage: deniedMessage(session.sessionArn, check, denial),
    explanation: [`${subject}: denied ${denialWords(result, denial)}.`, ...result.explanation],
  };
}

/** AWS leaves out "on resource:" for actions that take no resource (observed for ListSecrets, BatchGetSecretValue) */
function deniedMessage(sessionArn: string, check: ReadCheck, denial: DenialReason): string {
  const message = accessDeniedMessage(sessionArn, check.action, check.resourceInMessage, denial);
  return check.resourceInMessage === '*' ? message.replace(' on resource: * ', ' ') : message;
}

const statementWords = (trace: StatementTrace | undefined): string =>
  trace ? ` (${trace.sid ? `statement "${trace.sid}", ` : ''}${trace.path})` : '';

function allowingLayer(result: AuthorizationResult): string {
  const { identity, resource, boundary, session } = result.layers;
  if (identity?.decision === 'Allow') {
    const caps = [boundary && 'the permissions boundary', session && 'the session policy'].filter(Boolean);
    const within = caps.length > 0 ? `, within ${caps.join(' and ')}` : '';
    return `an identity-based policy of the role${statementWords(identity.deciding)}${within}`;
  }
  if (resource?.decision === 'Allow') return `the resource-based policy${statementWords(resource.deciding)}`;
  return 'the policy evaluator';
}

const DENIAL_LAYER: Record<DenialReason, ['identity' | 'resource' | 'boundary' | 'session', string]> = {
  'explicit-deny-identity': ['identity', 'by an explicit Deny in an identity-based policy'],
  'explicit-deny-resource': ['resource', 'by an explicit Deny in the resource-based policy'],
  'explicit-deny-boundary': ['boundary', 'by an explicit Deny in the permissions boundary'],
  'explicit-deny-session': ['session', 'by an explicit Deny in the session policy'],
  'no-identity-allow': ['identity', 'because no identity-based policy allows it'],
  'no-resource-allow': ['resource', 'because no resource-based policy allows it'],
  'no-boundary-allow': ['boundary', 'because the permissions boundary does not allow it'],
  'no-session-allow': ['session', 'because the session policy does not allow it'],
};

function denialWords(result: AuthorizationResult, denial: DenialReason): string {
  const [layer, words] = DENIAL_LAYER[denial];
  const evaluation = result.layers[layer];
  return denial.startsWith('explicit-deny') ? `${words}${statementWords(evaluation?.deciding)}` : words;
}
