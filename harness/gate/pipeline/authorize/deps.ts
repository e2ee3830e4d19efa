/** What the authorize stage needs, and its answer. */
import type { Clock } from '../../../clock.js';
import type { SessionStore } from '../../sessions.js';
import type { AccountView, GateAssumptions, GateDecision, GateOperation, GateVerdict } from '../../types.js';
import type { KeyStore } from '../../web-identity/key-store.js';
import type { BackendResponse } from '../../http/forward.js';
import type { CanonicalCall } from '../call.js';

export interface AuthorizeDeps {
  account: AccountView;
  sessions: Pick<SessionStore, 'get' | 'add'>;
  keyStore: KeyStore;
  clock: Clock;
  assumptions: GateAssumptions;
  allowUnmodelled: boolean;
  requestId: string;
  /** sends the call, rebuilt, to the backend (for operations whose answer the gate completes itself) */
  send(call: CanonicalCall): Promise<BackendResponse>;
}

export type { GateVerdict };

const KNOWN_OPERATIONS: ReadonlySet<string> = new Set<GateOperation>([
  'AssumeRoleWithWebIdentity', 'GetSecretValue', 'BatchGetSecretValue', 'DescribeSecret', 'ListSecrets',
]);

export const gateOperationOf = (operation: string): GateOperation =>
  KNOWN_OPERATIONS.has(operation) ? (operation as GateOperation) : 'Other';

export function allowedDecision(requestId: string, operation: string, explanation: string[], extra: Partial<GateDecision> = {}): GateDecision {
  return { requestId, operation: gateOperationOf(operation), outcome: 'allowed', httpStatus: 200, explanation, assumptionsUsed: [], ...extra };
}
