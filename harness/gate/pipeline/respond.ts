/** A refusal of any stage as the HTTP answer AWS gives, in the caller's protocol, with its decision. */
import { jsonError, queryError } from '../reads/aws-errors.js';
import type { GateDecision } from '../types.js';
import type { Refusal } from './call.js';
import { gateOperationOf } from './authorize/deps.js';

export function refusalResponse(r: Refusal, requestId: string): { kind: 'respond'; status: number; headers: Record<string, string>; body: string; decision: GateDecision } {
  const response =
    r.protocol === 'json'
      ? jsonError(r.status, r.code, r.message, requestId, r.messageField ?? 'Message')
      : queryError(r.status, r.code, r.message, requestId, r.service);
  return {
    kind: 'respond',
    ...response,
    decision: {
      requestId,
      operation: gateOperationOf(r.operation ?? ''),
      outcome: r.code,
      message: r.message,
      httpStatus: r.status,
      explanation: r.explanation,
      assumptionsUsed: [],
    },
  };
}
