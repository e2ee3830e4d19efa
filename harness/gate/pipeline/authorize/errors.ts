/** AccessDenied as each protocol sends it: Secrets Manager (JSON) 400 AccessDeniedException, STS/IAM 403 AccessDenied. */
import type { AuthorizationResult } from '../../../policy/types.js';
import { jsonError, queryError } from '../../reads/aws-errors.js';
import type { GateVerdict } from '../../types.js';
import type { CanonicalCall } from '../call.js';
import { gateOperationOf } from './deps.js';

export function accessDenied(
  call: CanonicalCall,
  requestId: string,
  message: string,
  explanation: string[],
  authorization?: AuthorizationResult,
): GateVerdict {
  const response =
    call.protocol === 'json'
      ? jsonError(400, 'AccessDeniedException', message, requestId, 'Message')
      : queryError(403, 'AccessDenied', message, requestId, call.service);
  return {
    kind: 'respond',
    ...response,
    decision: {
      requestId,
      operation: gateOperationOf(call.operation),
      outcome: call.protocol === 'json' ? 'AccessDeniedException' : 'AccessDenied',
      message,
      httpStatus: response.status,
      explanation,
      ...(authorization ? { authorization } : {}),
      assumptionsUsed: [],
    },
  };
}
