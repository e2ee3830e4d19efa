/** Verdicts for Secrets Manager reads: forward with the decision, or AWS's JSON error. */
import type { AuthorizationResult } from '../../policy/types.js';
import type { GateDecision, GateOperation, GateVerdict } from '../types.js';
import { jsonError } from './aws-errors.js';

export const SECRET_NOT_FOUND_MESSAGE = "Secrets Manager can't find the specified secret.";

export interface DecisionBasis {
  requestId: string;
  operation: GateOperation;
  explanation: string[];
  authorization?: AuthorizationResult;
}

export function allowedVerdict(basis: DecisionBasis): GateVerdict {
  return { kind: 'forward', decision: decisionOf(basis, 'allowed', 200) };
}

/** Secrets Manager answers AccessDeniedException and ResourceNotFoundException with HTTP 400 */
export function errorVerdict(basis: DecisionBasis, code: string, message: string): GateVerdict {
  const response = jsonError(400, code, message, basis.requestId, 'Message');
  return { kind: 'respond', ...response, decision: decisionOf(basis, code, 400, message) };
}

export function decisionOf(basis: DecisionBasis, outcome: string, httpStatus: number, message?: string): GateDecision {
  return {
    requestId: basis.requestId,
    operation: basis.operation,
    outcome,
    ...(message !== undefined ? { message } : {}),
    httpStatus,
    explanation: basis.explanation,
    ...(basis.authorization ? { authorization: basis.authorization } : {}),
    assumptionsUsed: [],
  };
}
