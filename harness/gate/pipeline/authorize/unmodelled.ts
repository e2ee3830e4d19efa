/**
 * A session's call to an operation the gate does not model (an STS operation other than GetCallerIdentity and
 * AssumeRole, or another service): refused with AccessDenied saying so, or, with `--allow-unmodelled`,
 * forwarded and marked "not enforced" in its decision.
 */
import type { GateVerdict, IssuedSession } from '../../types.js';
import type { CanonicalCall } from '../call.js';
import { allowedDecision } from './deps.js';
import { accessDenied } from './errors.js';

/** [chosen] AccessDenied's message for an operation the harness does not model */
export const unmodelledMessage = (sessionArn: string, action: string): string =>
  `User: ${sessionArn} is not authorized to perform: ${action} because the harness does not model this operation ` +
  '(run with --allow-unmodelled to let it through, not enforced)';

export function unmodelledCall(call: CanonicalCall, session: IssuedSession, requestId: string, allow: boolean): GateVerdict {
  const action = `${call.service}:${call.operation}`;
  if (allow) {
    return {
      kind: 'forward',
      decision: allowedDecision(requestId, call.operation, [
        `${action} by ${session.sessionArn}: not enforced. The harness does not model this operation; --allow-unmodelled let it through to the backend unauthorized.`,
      ], { notEnforced: true }),
    };
  }
  return accessDenied(call, requestId, unmodelledMessage(session.sessionArn, action), [
    `${action} by ${session.sessionArn}: refused because the harness does not model this operation, so it cannot authorize it as AWS would.`,
    'Run with --allow-unmodelled to let such calls through (marked "not enforced").',
  ]);
}
