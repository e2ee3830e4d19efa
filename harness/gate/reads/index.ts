/**
 * Reads after assumption: the gate's check of every SigV4-signed request.
 *
 * 1. Authentication: the administrator key passes unchanged; a session the gate issued must present its
 *    session token, be unexpired (per the injected clock) and carry a signature that the AWS SDK's signer
 *    reproduces; anything else gets AWS's authentication error in the called service's protocol.
 * 2. Authorization: Secrets Manager GetSecretValue, DescribeSecret, ListSecrets and BatchGetSecretValue are
 *    evaluated like AWS (identity policies, permissions boundary, session policy, resource policy).
 *    Other calls by a session (other services, other Secrets Manager operations) are forwarded once
 *    authenticated: they are not authorized by the gate.
 * Signatures come from the Authorization header or from the query of a presigned URL.
 * Not checked: the request time against the clock (AWS's 15-minute skew window, a presigned URL's
 * X-Amz-Expires), because the gate clock is shifted on purpose to expire sessions.
 */
import type { AwsCredentials } from '../../backends/types.js';
import type { Clock } from '../../clock.js';
import type { AccountView, GateRequest, GateVerdict, IssuedSession } from '../types.js';
import { authFailureVerdict } from './auth-failure-response.js';
import { authenticate } from './authenticate.js';
import { calledOperation } from './operation.js';
import { checkSecretsManagerCall } from './secrets-manager.js';

export interface ReadContext {
  sessions: { get(accessKeyId: string): IssuedSession | undefined };
  account: AccountView;
  clock: Clock;
  admin: AwsCredentials;
  requestId: string;
  /** false: forward everything (`--enforce off`) */
  enforce: boolean;
}

export async function checkSignedRequest(request: GateRequest, ctx: ReadContext): Promise<GateVerdict> {
  if (!ctx.enforce) return { kind: 'forward' };
  const caller = await authenticate(request, ctx);
  const operation = calledOperation(request);
  if (caller.kind === 'admin') return { kind: 'forward' };
  if (caller.kind === 'rejected') {
    return authFailureVerdict(request, caller.failure, caller.scope?.service ?? '', ctx.requestId, operation.gateOperation);
  }
  const { session, scope } = caller;
  if (operation.targetService !== 'secretsmanager' || operation.name === undefined) {
    return {
      kind: 'forward',
      decision: {
        requestId: ctx.requestId,
        operation: operation.gateOperation,
        outcome: 'allowed',
        httpStatus: 200,
        explanation: [
          `${operation.name ?? 'The request'} (${scope.service}) signed by ${session.sessionArn}: authenticated; ` +
            'the gate does not authorize this operation, the backend answers it.',
        ],
        assumptionsUsed: [],
      },
    };
  }
  return checkSecretsManagerCall({
    request,
    operationName: operation.name,
    operation: operation.gateOperation,
    principal: { session, role: await ctx.account.role(session.roleArn), region: scope.region, clock: ctx.clock },
    account: ctx.account,
    requestId: ctx.requestId,
  });
}
