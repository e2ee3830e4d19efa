import { pinsClaim } from '../pinned-claim.js';
import { prefixOfFederated } from '../provider-prefix.js';
import { AUDIENCE_CLAIMS } from '../shared-issuers.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** An Allow that never checks the audience accepts tokens minted for any client ID the provider lists. */
export const audNotPinned: LintRule = {
  id: 'aud-not-pinned',
  severity: 'warning',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      const prefixes = s.federated.map((f) => prefixOfFederated(f).prefix);
      for (const prefix of prefixes) {
        if (pinsClaim(s, prefix, AUDIENCE_CLAIMS, prefixes)) continue;
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
