import { prefixOfFederated, samePrefix, splitProviderKey } from '../provider-prefix.js';
import { isAllow, isPositiveMatch } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

const AUDIENCE_CLAIMS = ['aud', 'azp', 'oaud'];

/** An Allow that never checks the audience accepts tokens minted for any client ID the provider lists. */
export const audNotPinned: LintRule = {
  id: 'aud-not-pinned',
  severity: 'warning',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const federated of s.federated) {
        const { prefix } = prefixOfFederated(federated);
        const pinned = s.conditions.some((c) => {
          const key = splitProviderKey(c.key);
          return key && samePrefix(key.prefix, prefix) && AUDIENCE_CLAIMS.includes(key.claim.toLowerCase()) &&
            isPositiveMatch(c) && !c.values.includes('*');
        });
        if (pinned) continue;
        hits.push({
          path: s.path,
          message:
            `This Allow does not pin the audience of ${prefix}: tokens minted for any of the provider's client IDs ` +
            `are accepted. Add StringEquals "${prefix}:aud": "sts.amazonaws.com" (or your client ID).`,
        });
      }
    }
    return hits;
  },
};
