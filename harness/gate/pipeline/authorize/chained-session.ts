/**
 * What an sts:AssumeRole call by a session asks of the session it issues (role chaining): the inline session
 * policy (`Policy`) and managed session policies (`PolicyArns`) that cap it, as for AssumeRoleWithWebIdentity,
 * and STS's one-hour limit on a chained session's DurationSeconds (AWS STS AssumeRole API reference).
 */
import { MSG } from '../../messages.js';
import { errorXml, httpStatusOf, StsRefusal } from '../../sts-error.js';
import type { AccountView, GateAssumptions, GateVerdict } from '../../types.js';
import { parseSessionPolicy } from '../../web-identity/session-policy.js';
import { maxLength, minLength, notNull, pattern, validationMessage, type Violation } from '../../web-identity/validation-messages.js';
import type { QueryCall } from '../call.js';

export const CHAINED_SESSION_LIMIT_SECONDS = 3600;

export interface ChainedSessionLimits {
  sessionPolicy?: Record<string, unknown>;
  managedSessionPolicies: Record<string, unknown>[];
}

const SESSION_NAME = /^[\w+=,.@-]*$/;

/** parameter checks that come before authorization: RoleSessionName as the STS API model constrains it, and a
 * DurationSeconds beyond the chaining limit */
export function checkChainedParams(call: QueryCall): void {
  const name = call.params.get('RoleSessionName');
  const violations: Violation[] = [];
  if (name === undefined) violations.push({ field: 'roleSessionName', value: null, constraint: notNull });
  else if (name.length < 2) violations.push({ field: 'roleSessionName', value: name, constraint: minLength(2) });
  else if (name.length > 64) violations.push({ field: 'roleSessionName', value: name, constraint: maxLength(64) });
  else if (!SESSION_NAME.test(name)) violations.push({ field: 'roleSessionName', value: name, constraint: pattern('[\\w+=,.@-]*') });
  if (violations.length > 0) {
    throw new StsRefusal('ValidationError', validationMessage(violations), ['RoleSessionName breaks the STS API constraints.']);
  }
  const raw = call.params.get('DurationSeconds');
  if (raw !== undefined && /^\d{1,10}$/.test(raw) && Number(raw) > CHAINED_SESSION_LIMIT_SECONDS) {
    throw new StsRefusal('ValidationError', MSG.chainedDuration, [
      `DurationSeconds=${raw} exceeds the ${CHAINED_SESSION_LIMIT_SECONDS}-second limit of a session assumed by role chaining.`,
    ]);
  }
}

export async function chainedSessionLimits(
  call: QueryCall,
  deps: { account: AccountView; assumptions: GateAssumptions },
): Promise<ChainedSessionLimits> {
  const sessionPolicy = parseSessionPolicy(call.params.get('Policy') ?? undefined);
  const managedSessionPolicies: Record<string, unknown>[] = [];
  for (let i = 1; call.params.has(`PolicyArns.member.${i}.arn`); i++) {
    const arn = call.params.get(`PolicyArns.member.${i}.arn`) ?? '';
    const doc = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\//.test(arn) ? await deps.account.policy(arn) : undefined;
    if (doc) managedSessionPolicies.push(doc);
    // a policy that cannot be resolved never leaves the chained session uncapped
    else {
      throw new StsRefusal('ValidationError', MSG.noSuchSessionPolicy(arn), [
        `The managed session policy ${arn} (PolicyArns) does not exist.`,
      ], ['missingSessionPolicyArnIsRefused']);
    }
  }
  return { ...(sessionPolicy ? { sessionPolicy } : {}), managedSessionPolicies };
}

export function chainingRefusal(e: StsRefusal, requestId: string): GateVerdict {
  const status = httpStatusOf(e.code);
  return {
    kind: 'respond',
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: errorXml(e.code, e.awsMessage, requestId),
    decision: {
      requestId, operation: 'Other', outcome: e.code, message: e.awsMessage, httpStatus: status,
      explanation: e.why, assumptionsUsed: [...e.assumptionsUsed],
    },
  };
}
