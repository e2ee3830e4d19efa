/** The gate's use of the policy evaluator, in one place. */
import { oidcContextKeys, validatePolicy } from '../policy/index.js';
import type { ContextValue, PolicyFinding, PolicyKind } from '../policy/types.js';

export { evaluatePolicy, exposedClaimKeys, providerKeyPrefix } from '../policy/index.js';

/** Findings that make AWS refuse the document (warnings do not). */
export function policyErrors(doc: Record<string, unknown>, kind: PolicyKind): PolicyFinding[] {
  return validatePolicy(doc, kind).filter((f) => f.severity === 'error');
}

/** The condition keys a web-identity token contributes (`<provider>:aud`, `:sub`, `:amr`, ...). */
export function tokenContextKeys(
  providerUrl: string,
  claims: Record<string, unknown>,
  opts: { audKeyUsesAzp: boolean; matchedAudience?: string },
): Record<string, ContextValue> {
  return oidcContextKeys(providerUrl, claims, opts);
}
