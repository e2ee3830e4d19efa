/**
 * Stage 3, authorize, by one table of modelled operations:
 * - sts:AssumeRoleWithWebIdentity (unsigned): the web-identity checks, then the emulator, then AWS's answer;
 * - every Secrets Manager operation (reads and writes), `secretsmanager:<Operation>` on the secret's ARN in the
 *   region the caller signed for;
 * - STS GetCallerIdentity (no permission needed) and AssumeRole (permission and trust policy);
 * - every IAM operation, `iam:<Operation>` on the named resource's ARN.
 * The administrator is unrestricted (but authenticated). Anything else by a session is unmodelled.
 */
import type { SessionPrincipal } from '../../reads/authorize-read.js';
import { checkSecretsManagerCall } from '../../reads/secrets-manager.js';
import { checkTrustPolicyWrite } from '../../trust-policy-writes.js';
import type { GateVerdict } from '../../types.js';
import type { Authenticated } from '../authenticate/index.js';
import type { CanonicalCall, QueryCall } from '../call.js';
import { allowedDecision, gateOperationOf, type AuthorizeDeps } from './deps.js';
import { authorizeIam } from './iam.js';
import { assumeRole, getCallerIdentity } from './sts.js';
import { unmodelledCall } from './unmodelled.js';
import { assumeRoleWithWebIdentity } from './web-identity.js';

type SessionRule = (call: CanonicalCall, principal: SessionPrincipal, deps: AuthorizeDeps) => Promise<GateVerdict> | GateVerdict;

const query = (rule: (call: QueryCall, principal: SessionPrincipal, deps: AuthorizeDeps) => Promise<GateVerdict> | GateVerdict): SessionRule =>
  (call, principal, deps) => rule(call as QueryCall, principal, deps);

/** the table: service -> operation (or `*`: every operation of the service) -> rule */
const SESSION_RULES: Readonly<Record<string, Readonly<Record<string, SessionRule>>>> = {
  secretsmanager: {
    '*': (call, principal, deps) =>
      call.protocol === 'json'
        ? checkSecretsManagerCall({
            params: call.params, operationName: call.operation, operation: gateOperationOf(call.operation),
            principal, account: deps.account, requestId: deps.requestId,
          })
        : unmodelledCall(call, principal.session, deps.requestId, false),
  },
  sts: {
    GetCallerIdentity: query((call, principal, deps) => getCallerIdentity(call, principal, deps.requestId)),
    AssumeRole: query((call, principal, deps) => assumeRole(call, principal, deps)),
  },
  iam: {
    '*': query((call, principal, deps) => authorizeIam(call, principal, deps.requestId, deps.account)),
  },
};

export async function authorizeCall(call: CanonicalCall, caller: Authenticated, deps: AuthorizeDeps): Promise<GateVerdict> {
  if (caller.kind === 'anonymous') return assumeRoleWithWebIdentity(call as QueryCall, deps);
  if (call.protocol === 'query' && call.service === 'iam') {
    const refused = checkTrustPolicyWrite(call.operation, call.params, deps.requestId);
    if (refused) return refused;
  }
  if (caller.kind === 'admin') {
    return {
      kind: 'forward',
      decision: allowedDecision(deps.requestId, call.operation, [
        `${call.service}:${call.operation} signed by the administrator: unrestricted (provisioning).`,
      ]),
    };
  }
  const { session, scope } = caller;
  const rules = SESSION_RULES[call.service];
  const rule = rules?.[call.operation] ?? rules?.['*'];
  if (!rule) return unmodelledCall(call, session, deps.requestId, deps.allowUnmodelled);
  const principal: SessionPrincipal = { session, role: await deps.account.role(session.roleArn), region: scope.region, clock: deps.clock };
  return rule(call, principal, deps);
}
