/** The gate's defaults for AWS behaviour the reference marks [?] (see GateAssumptions for each meaning). */
import type { GateAssumptions } from './types.js';

export const DEFAULT_ASSUMPTIONS: Readonly<GateAssumptions> = Object.freeze({
  audKeyUsesAzp: true,
  multiAudKeyIsMatchedClientId: true,
  missingRoleIsAccessDenied: true,
  noKidTriesAllKeys: true,
  enforceNbf: true,
  rejectFutureIat: true,
  clockSkewSeconds: 300,
  maxJwksKeys: 100,
  idpFetchFailureIsInvalidIdentityToken: true,
  missingSessionPolicyArnIsRefused: true,
  fetchTimeoutMs: 3000,
  refuseDuplicateTokenKeys: true,
  refuseNonStringSub: true,
  refuseTimeClaimsBeyondYear9999: true,
  maxTokenAgeSeconds: 86400,
});

export function resolveAssumptions(overrides: Partial<GateAssumptions> = {}): GateAssumptions {
  const merged = { ...DEFAULT_ASSUMPTIONS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
