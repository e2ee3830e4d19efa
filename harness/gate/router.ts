/** Decides, per request, whether the gate answers it itself or forwards it to the backend. */
import type { AwsCredentials } from '../backends/types.js';
import type { Clock } from '../clock.js';
import { changesAccount } from './account-writes.js';
import { classify } from './http/classify.js';
import type { Forwarder } from './http/forward.js';
import type { GateResponse } from './http/gate-response.js';
import { checkSignedRequest } from './reads/index.js';
import type { SessionStore } from './sessions.js';
import { checkTrustPolicyWrite } from './trust-policy-writes.js';
import type { AccountView, GateAssumptions, GateDecision, GateRequest, ResponseTransform } from './types.js';
import { handleAssumeRoleWithWebIdentity } from './web-identity/handler.js';
import type { KeyStore } from './web-identity/key-store.js';

export interface RouterDeps {
  forwarder: Forwarder;
  account: AccountView;
  sessions: SessionStore;
  keyStore: KeyStore;
  clock: Clock;
  assumptions: GateAssumptions;
  enforce: boolean;
  admin: AwsCredentials;
}

export type Routed =
  | { kind: 'respond'; response: GateResponse }
  /** `invalidate`: the request changes IAM/Secrets Manager state, drop the AccountView once it is applied */
  | { kind: 'forward'; decision?: GateDecision; transformResponse?: ResponseTransform; invalidate: boolean };

export async function route(request: GateRequest, requestId: string, deps: RouterDeps): Promise<Routed> {
  const classified = classify(request);
  if (classified.protocol === 'query' && classified.action === 'AssumeRoleWithWebIdentity') {
    return { kind: 'respond', response: await handleAssumeRoleWithWebIdentity(request, classified.params, requestId, deps) };
  }
  let decision: GateDecision | undefined;
  let transformResponse: ResponseTransform | undefined;
  if (classified.signed) {
    const verdict = await checkSignedRequest(request, {
      sessions: deps.sessions, account: deps.account, clock: deps.clock, admin: deps.admin, requestId, enforce: deps.enforce,
    });
    if (verdict.kind === 'respond') {
      const { status, headers, body } = verdict;
      return { kind: 'respond', response: { status, headers, body, decision: verdict.decision } };
    }
    ({ decision, transformResponse } = verdict);
  }
  if (deps.enforce && classified.protocol === 'query') {
    const refused = checkTrustPolicyWrite(classified.action, classified.params, requestId);
    if (refused) return { kind: 'respond', response: refused };
  }
  return {
    kind: 'forward',
    ...(decision ? { decision } : {}),
    ...(transformResponse ? { transformResponse } : {}),
    invalidate: changesAccount(request, classified),
  };
}
