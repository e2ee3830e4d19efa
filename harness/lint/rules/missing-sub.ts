import { pinsClaim } from '../pinned-claim.js';
import { prefixOfFederated } from '../provider-prefix.js';
import { sharedIssuerOf, subjectClaimsOf } from '../shared-issuers.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

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
      const prefixes = s.federated.map((f) => prefixOfFederated(f).prefix);
      for (const prefix of prefixes) {
        if (pinsClaim(s, prefix, subjectClaimsOf(prefix), prefixes)) continue;
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
