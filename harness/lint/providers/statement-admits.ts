/**
 * "Would this statement admit a token with these claims?", decided by the evaluator on the condition keys AWS
 * builds from the claims. Audience conditions are left out (the audience rules judge them), so a token stands
 * for the identity and nothing else.
 */
import { oidcContextKeys } from '../../policy/index.js';
import { conditionsAdmit } from '../admits.js';
import { samePrefix, splitProviderKey, urlOfPrefix } from '../provider-prefix.js';
import { AUDIENCE_CLAIMS } from '../shared-issuers.js';
import type { ConditionEntry, TrustStatement } from '../trust-statements.js';
import type { LintContext } from '../types.js';

/** The statement's conditions on one provider's claims, audience excluded. */
export function identityConditions(s: TrustStatement, prefix: string): ConditionEntry[] {
  return s.conditions.filter((c) => {
    const key = splitProviderKey(c.key);
    return key !== undefined && samePrefix(key.prefix, prefix) && !AUDIENCE_CLAIMS.includes(key.claim.toLowerCase());
  });
}

export function statementAdmitsClaims(s: TrustStatement, prefix: string, claims: Record<string, unknown>, context: LintContext): boolean {
  return conditionsAdmit(identityConditions(s, prefix), oidcContextKeys(urlOfPrefix(prefix, context), claims));
}

/** Conditions on one claim of the provider (e.g. `sub`), positive or not. */
export function claimConditions(s: TrustStatement, prefix: string, claim: string): ConditionEntry[] {
  return s.conditions.filter((c) => {
    const key = splitProviderKey(c.key);
    return key !== undefined && samePrefix(key.prefix, prefix) && key.claim.toLowerCase() === claim;
  });
}
