import { prefixOfFederated, samePrefix, splitProviderKey } from '../provider-prefix.js';
import { sharedIssuerOf, subjectClaimsOf } from '../shared-issuers.js';
import { isAllow, isPositiveMatch, type TrustStatement } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

function pinsSubject(s: TrustStatement, prefix: string): boolean {
  const claims = subjectClaimsOf(prefix);
  return s.conditions.some((c) => {
    const key = splitProviderKey(c.key);
    return (
      key !== undefined &&
      samePrefix(key.prefix, prefix) &&
      claims.includes(key.claim.toLowerCase()) &&
      isPositiveMatch(c) &&
      !c.values.every((v) => v === '*')
    );
  });
}

/**
 * An Allow for a shared issuer without a positive subject condition admits every tenant's workloads
 * (error); for a private issuer, every identity that issuer mints (warning).
 */
export const missingSub: LintRule = {
  id: 'missing-sub',
  severity: 'error',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const federated of s.federated) {
        const { prefix } = prefixOfFederated(federated);
        if (pinsSubject(s, prefix)) continue;
        const shared = sharedIssuerOf(prefix);
        const keys = subjectClaimsOf(prefix).map((c) => `"${prefix}:${c}"`).join(' or ');
        hits.push({
          path: s.path,
          severity: shared ? 'error' : 'warning',
          message: shared
            ? `This Allow trusts ${shared.name} (${prefix}), an issuer shared by every ${shared.name} user, ` +
              `but has no positive condition on ${keys}: any of them can assume the role. ` +
              `Add StringEquals (or a StringLike bounded to your organisation) on ${keys}.`
            : `This Allow trusts ${prefix} without a positive condition on ${keys}: every identity the ` +
              `issuer mints is admitted. Add StringEquals on "${prefix}:sub".`,
        });
      }
    }
    return hits;
  },
};
