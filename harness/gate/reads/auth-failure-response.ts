/** AWS's answer when a signed request fails authentication, in the protocol of the service called. */
import type { GateDecision, GateOperation, GateRequest, GateVerdict } from '../types.js';
import { jsonError, queryError, wireProtocolOf, type ErrorResponse } from './aws-errors.js';
import type { AuthFailure } from './authenticate.js';

interface WireError {
  json: { status: number; code: string };
  query: { status: number; code: string };
  message: string;
  explanation: string;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

const WIRE_ERRORS: Record<AuthFailure, WireError> = {
  'malformed-authorization': {
    json: { status: 400, code: 'IncompleteSignatureException' },
    query: { status: 400, code: 'IncompleteSignature' },
    message: "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter.",
    explanation: 'The Authorization header is not a well-formed AWS4-HMAC-SHA256 signature.',
  },
  'unknown-key': {
    json: { status: 400, code: 'UnrecognizedClientException' },
    query: { status: 403, code: 'InvalidClientTokenId' },
    message: INVALID_TOKEN,
    explanation: 'The access key id is neither the administrator key nor a session the gate issued.',
  },
  'token-mismatch': {
    json: { status: 400, code: 'UnrecognizedClientException' },
    query: { status: 403, code: 'InvalidClientTokenId' },
    message: INVALID_TOKEN,
    explanation: 'The X-Amz-Security-Token is missing or is not the token issued with this access key id.',
  },
  expired: {
    json: { status: 400, code: 'ExpiredTokenException' },
    query: { status: 403, code: 'ExpiredToken' },
    message: 'The security token included in the request is expired',
    explanation: 'The session credentials have expired (per the gate clock).',
  },
  'bad-signature': {
    json: { status: 400, code: 'InvalidSignatureException' },
    query: { status: 403, code: 'SignatureDoesNotMatch' },
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
      'Access Key and signing method. Consult the service documentation for details.',
    explanation: "The SigV4 signature recomputed with the session's secret key does not match the one sent.",
  },
};

export function authFailureVerdict(
  request: GateRequest,
  failure: AuthFailure,
  service: string,
  requestId: string,
  operation: GateOperation,
): GateVerdict {
  const wire = WIRE_ERRORS[failure];
  const protocol = wireProtocolOf(request);
  const { status, code } = wire[protocol];
  const response: ErrorResponse =
    protocol === 'json'
      ? jsonError(status, code, wire.message, requestId, 'message')
      : queryError(status, code, wire.message, requestId, service);
  const decision: GateDecision = {
    requestId,
    operation,
    outcome: code,
    message: wire.message,
    httpStatus: status,
    explanation: [wire.explanation],
    assumptionsUsed: [],
  };
  return { kind: 'respond', ...response, decision };
}
