import { conditionAdmitsValue } from '../admits.js';
import { clientIdsOfPrefix, splitProviderKey } from '../provider-prefix.js';
import { isPositiveMatch } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * STS refuses tokens whose audience is not in the provider's client IDs before the policy is read, so an
 * aud condition that admits none of them never holds.
 */
export const audNotInClientIds: LintRule = {
  id: 'aud-not-in-client-ids',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements) {
      for (const c of s.conditions) {
        const key = splitProviderKey(c.key);
        if (!key || !['aud', 'azp'].includes(key.claim.toLowerCase()) || !isPositiveMatch(c)) continue;
        const clientIds = clientIdsOfPrefix(key.prefix, context);
        if (!clientIds) continue;
        const dead = c.values.filter((v) => !clientIds.some((id) => conditionAdmitsValue({ ...c, values: [v] }, id)));
        if (dead.length === 0) continue;
        const never = dead.length === c.values.length;
        hits.push({
          path: c.path,
          severity: never ? 'error' : 'warning',
          message:
            `${dead.map((v) => `"${v}"`).join(', ')} ${dead.length === 1 ? 'is' : 'are'} not among the client IDs of ` +
            `provider ${key.prefix} (${clientIds.join(', ') || 'none'}); STS rejects such tokens before the trust ` +
            `policy, so ${never ? 'this condition is never true' : 'those values are dead'}. ` +
            `Add the audience to the provider's client IDs or use one of them here.`,
        });
      }
    }
    return hits;
  },
};
