import { samePrefix, splitProviderKey, statementPrefixes } from '../provider-prefix.js';
import { holdsWhenKeyAbsent } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** A key like `gitpod.io/idp:sub` under a principal for `api.dev-internal.gitpod.cloud/idp` is never present. */
export const conditionKeyUnknownProvider: LintRule = {
  id: 'condition-key-unknown-provider',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements) {
      const prefixes = statementPrefixes(s.federated, context);
      if (prefixes.length === 0) continue;
      for (const c of s.conditions) {
        const key = splitProviderKey(c.key);
        if (!key || prefixes.some((p) => samePrefix(p, key.prefix))) continue;
        const effect = holdsWhenKeyAbsent(c)
          ? `so ${c.operator} is ALWAYS true and constrains nothing`
          : 'so this condition is never true and the statement never applies';
        hits.push({
          path: c.path,
          message:
            `Condition key "${c.key}" uses prefix "${key.prefix}", which matches no provider of this statement ` +
            `(${prefixes.join(', ')}): AWS never sets it, ${effect}. ` +
            `Use "${prefixes[0]}:${key.claim}" instead.`,
        });
      }
    }
    return hits;
  },
};
