import { nearest } from '../policy/suggest.js';

export { nearest };

/** The outcomes a case may expect: 'allowed' or an error code the service (or the gate acting as it) returns. */
export const ALLOWED = 'allowed';

export const STS_ERROR_CODES = [
  'AccessDenied',
  'InvalidIdentityToken',
  'ExpiredTokenException',
  'IDPCommunicationError',
  'IDPRejectedClaim',
  'ValidationError',
  'PackedPolicyTooLarge',
  'MalformedPolicyDocument',
  'RegionDisabledException',
  'InvalidParameterValue',
] as const;

export const SECRETS_MANAGER_ERROR_CODES = [
  'AccessDeniedException',
  'ResourceNotFoundException',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'DecryptionFailure',
  'InvalidRequestException',
  'InvalidParameterException',
] as const;

/** undefined when `outcome` is valid, else the problem text (with a suggestion when one is near). */
export function checkOutcome(outcome: string, codes: readonly string[], service: string): string | undefined {
  if (outcome === ALLOWED || codes.includes(outcome)) return undefined;
  const valid = [ALLOWED, ...codes];
  const hint = nearest(outcome, valid);
  return (
    `${JSON.stringify(outcome)} is neither 'allowed' nor a known ${service} error code` +
    (hint ? `; did you mean ${JSON.stringify(hint)}?` : `; known: ${codes.join(', ')}`)
  );
}
