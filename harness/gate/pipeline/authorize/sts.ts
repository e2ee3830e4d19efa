/**
 * STS called by a session: GetCallerIdentity needs no permission; AssumeRole needs both the caller's
 * `sts:AssumeRole` permission on the target role and the target role's trust policy admitting the session.
 * The credentials AssumeRole returns become a session of the gate, like those of AssumeRoleWithWebIdentity.
 */
import { XMLParser } from 'fast-xml-parser';
import { accessDeniedMessage } from '../../../policy/index.js';
import { evaluatePolicy } from '../../policy-port.js';
import { authorizeRead, type SessionPrincipal } from '../../reads/authorize-read.js';
import { accountOfArn, sessionContext } from '../../reads/session-context.js';
import type { SessionStore } from '../../sessions.js';
import type { AccountView, GateVerdict } from '../../types.js';
import type { QueryCall } from '../call.js';
import { StsRefusal } from '../../sts-error.js';
import type { GateAssumptions } from '../../types.js';
import { chainedSessionLimits, chainingRefusal, checkChainedParams, type ChainedSessionLimits } from './chained-session.js';
import { allowedDecision } from './deps.js';
import { accessDenied } from './errors.js';

export function getCallerIdentity(call: QueryCall, principal: SessionPrincipal, requestId: string): GateVerdict {
  return {
    kind: 'forward',
    decision: allowedDecision(requestId, call.operation, [
      `GetCallerIdentity by ${principal.session.sessionArn}: allowed (it needs no permission).`,
    ]),
  };
}

export async function assumeRole(
  call: QueryCall,
  principal: SessionPrincipal,
  deps: { account: AccountView; sessions: Pick<SessionStore, 'add'>; requestId: string; assumptions: GateAssumptions },
): Promise<GateVerdict> {
  const { session } = principal;
  try {
    checkChainedParams(call);
  } catch (e) {
    if (e instanceof StsRefusal) return chainingRefusal(e, deps.requestId);
    throw e;
  }
  const roleArn = call.params.get('RoleArn') ?? '';
  const identity = await authorizeRead(principal, { action: 'sts:AssumeRole', resource: roleArn, resourceInMessage: roleArn });
  if (!identity.allowed) return accessDenied(call, deps.requestId, identity.deniedMessage ?? '', identity.explanation, identity.result);
  const target = await deps.account.role(roleArn);
  const denied = accessDeniedMessage(session.sessionArn, 'sts:AssumeRole', roleArn, 'no-resource-allow');
  if (!target) return accessDenied(call, deps.requestId, denied, [...identity.explanation, `The role ${roleArn} does not exist.`]);
  const accountId = accountOfArn(session.roleArn);
  const trustFor = (action: string) => evaluatePolicy(target.trustPolicy, {
    principal: { kind: 'aws', arns: [session.sessionArn, session.roleArn, `arn:aws:iam::${accountId}:root`], accountId },
    action,
    resource: target.arn,
    context: {
      ...sessionContext(session, principal.role, principal.clock, principal.region),
      ...(call.params.has('RoleSessionName') ? { 'sts:RoleSessionName': call.params.get('RoleSessionName') ?? '' } : {}),
    },
  });
  // [doc] session tags need sts:TagSession, a source identity sts:SetSourceIdentity, in the role's trust policy
  const actions = [
    'sts:AssumeRole',
    ...([...call.params.keys()].some((k) => /^(Tags|TransitiveTagKeys)\.member\./.test(k)) ? ['sts:TagSession'] : []),
    ...(call.params.has('SourceIdentity') ? ['sts:SetSourceIdentity'] : []),
  ];
  for (const action of actions) {
    const trust = trustFor(action);
    if (trust.decision !== 'Allow') {
      const message = action === 'sts:AssumeRole' ? denied : accessDeniedMessage(session.sessionArn, action, roleArn, 'no-resource-allow');
      return accessDenied(call, deps.requestId, message, [
        ...identity.explanation,
        `The trust policy of ${target.arn} does not allow ${action} by ${session.sessionArn} (${trust.decision}).`,
        ...trust.explanation,
      ]);
    }
  }
  let limits: ChainedSessionLimits;
  try {
    limits = await chainedSessionLimits(call, deps);
  } catch (e) {
    if (e instanceof StsRefusal) return chainingRefusal(e, deps.requestId);
    throw e;
  }
  const sessionName = call.params.get('RoleSessionName') ?? '';
  const issuedArn = `arn:aws:sts::${target.accountId}:assumed-role/${target.name}/${sessionName}`;
  return {
    kind: 'forward',
    decision: allowedDecision(deps.requestId, call.operation, [
      ...identity.explanation,
      `The trust policy of ${target.arn} allows sts:AssumeRole by ${session.sessionArn}.`,
    ]),
    transformResponse: async (response) => {
      if (response.status === 200) registerChainedSession(response.body, deps.sessions, { roleArn: target.arn, sessionArn: issuedArn, providerArn: session.providerArn }, limits);
      return response;
    },
  };
}

const parser = new XMLParser({ parseTagValue: false });

function registerChainedSession(
  xml: string,
  sessions: Pick<SessionStore, 'add'>,
  who: { roleArn: string; sessionArn: string; providerArn: string },
  limits: ChainedSessionLimits,
): void {
  const parsed = parser.parse(xml) as { AssumeRoleResponse?: { AssumeRoleResult?: { Credentials?: Record<string, string> } } };
  const c = parsed.AssumeRoleResponse?.AssumeRoleResult?.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) return;
  sessions.add({
    accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken,
    roleArn: who.roleArn, sessionArn: who.sessionArn, expiration: new Date(c.Expiration), claims: {}, providerArn: who.providerArn,
    ...(limits.sessionPolicy ? { sessionPolicy: limits.sessionPolicy } : {}),
    ...(limits.managedSessionPolicies.length > 0 ? { managedSessionPolicies: limits.managedSessionPolicies } : {}),
  });
}
