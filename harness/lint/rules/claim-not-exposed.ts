import { exposedClaimKeys } from '../../policy/index.js';
import { prefixOfUrl, samePrefix, splitProviderKey, statementPrefixes, urlOfPrefix } from '../provider-prefix.js';
import { holdsWhenKeyAbsent } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** `api.gitpod.io/idp:org_id`: the token carries the claim, but AWS exposes no key for it. */
export const claimNotExposed: LintRule = {
  id: 'claim-not-exposed',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements) {
      const prefixes = statementPrefixes(s.federated, context);
      for (const c of s.conditions) {
        const key = splitProviderKey(c.key);
        const prefix = key && prefixes.find((p) => samePrefix(p, key.prefix));
        if (!key || !prefix) continue;
        const url = urlOfPrefix(prefix, context);
        const { generic, specific } = exposedClaimKeys(url);
        const exposed = [...generic, ...specific].map((k) => k.slice(prefixOfUrl(url).length + 1));
        if (exposed.some((claim) => claim.toLowerCase() === key.claim.toLowerCase())) continue;
        const effect = holdsWhenKeyAbsent(c)
          ? `${c.operator} on an absent key is ALWAYS true: this condition constrains nothing`
          : 'this condition is never true and the statement never applies';
        hits.push({
          path: c.path,
          message:
            `AWS exposes no condition key for claim "${key.claim}" of provider "${prefix}" ` +
            `(exposed: ${exposed.join(', ')}), so ${effect}. ` +
            `Express the requirement through ${exposed.includes('sub') ? `"${prefix}:sub"` : 'an exposed key'} instead.`,
        });
      }
    }
    return hits;
  },
};
