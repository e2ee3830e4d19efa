/** AWS's answer when a request fails authentication, in the protocol of the service called. */
import { refusal, type Protocol, type Refusal } from '../pipeline/call.js';
import type { AuthFailure } from './authenticate.js';

interface WireError {
  json: { status: number; code: string };
  query: { status: number; code: string };
  message: string;
  explanation: string;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const SIGNATURE_ERROR = { json: { status: 400, code: 'InvalidSignatureException' }, query: { status: 403, code: 'SignatureDoesNotMatch' } };

const WIRE_ERRORS: Record<AuthFailure, WireError> = {
  /** [chosen] AWS's wording as commonly reported; not confirmed for every service */
  'missing-authentication': {
    json: { status: 400, code: 'MissingAuthenticationTokenException' },
    query: { status: 403, code: 'MissingAuthenticationToken' },
    message: 'Request is missing Authentication Token',
    explanation: 'The request carries no SigV4 signature; only AssumeRoleWithWebIdentity may be unsigned.',
  },
  'malformed-authorization': {
    json: { status: 400, code: 'IncompleteSignatureException' },
    query: { status: 400, code: 'IncompleteSignature' },
    message: "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter.",
    explanation: 'The signature is not a well-formed AWS4-HMAC-SHA256 signature (header or presigned query, with X-Amz-Date).',
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
  /** [obs] wording; the message carries the times */
  'signature-expired': {
    ...SIGNATURE_ERROR,
    message: 'Signature expired',
    explanation: "The request was signed more than 15 minutes before the gate's clock (AWS's window), or its presigned URL has expired.",
  },
  /** [chosen] wording by analogy with the expired one */
  'signature-not-yet-current': {
    ...SIGNATURE_ERROR,
    message: 'Signature not yet current',
    explanation: "The request was signed more than 15 minutes after the gate's clock (AWS's window).",
  },
  /** [chosen] */
  'wrong-service-scope': {
    ...SIGNATURE_ERROR,
    message: 'Credential should be scoped to correct service',
    explanation: 'The credential scope of the signature names another service than the one called.',
  },
  /** [obs] wording as AWS's SDK users report it ("... not 'aws-global'. ") */
  'invalid-region-scope': {
    ...SIGNATURE_ERROR,
    message: 'Credential should be scoped to a valid region',
    explanation: 'The credential scope of the signature names no AWS region.',
  },
  'bad-signature': {
    ...SIGNATURE_ERROR,
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
      'Access Key and signing method. Consult the service documentation for details.',
    explanation: "The SigV4 signature recomputed with the key's secret does not match the one sent.",
  },
};

export function authRefusal(failure: AuthFailure, protocol: Protocol, service: string, operation: string, message?: string): Refusal {
  const wire = WIRE_ERRORS[failure];
  const { status, code } = wire[protocol];
  return refusal({
    protocol, service, status, code, operation,
    message: message ?? wire.message,
    messageField: 'message',
    explanation: [wire.explanation],
  });
}
