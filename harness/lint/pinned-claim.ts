/**
 * Does a statement constrain one of these claims of a provider? A key whose prefix names none of the
 * statement's providers counts as an attempt (condition-key-unknown-provider reports it), so the same
 * mistake is not reported twice.
 */
import { samePrefix, splitProviderKey } from './provider-prefix.js';
import { isPositiveMatch, type TrustStatement } from './trust-statements.js';

export function pinsClaim(s: TrustStatement, prefix: string, claims: readonly string[], prefixes: readonly string[]): boolean {
  return s.conditions.some((c) => {
    const key = splitProviderKey(c.key);
    if (!key || !claims.includes(key.claim.toLowerCase())) return false;
    const ownKey = samePrefix(key.prefix, prefix) || !prefixes.some((p) => samePrefix(p, key.prefix));
    return ownKey && isPositiveMatch(c) && !c.values.every((v) => /^\*+$/.test(v));
  });
}
