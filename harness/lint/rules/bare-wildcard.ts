import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** `StringLike key: "*"` in an Allow only asks that the key be present. */
export const bareWildcard: LintRule = {
  id: 'bare-wildcard',
  severity: 'error',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const c of s.conditions) {
        if (!/like$/i.test(c.base) || c.negated || !c.values.some((v) => /^\*+$/.test(v))) continue;
        hits.push({
          path: c.path,
          message:
            `"${c.key}" is matched against "*", which admits every value: the condition only checks that the claim ` +
            `exists. Replace "*" with the exact value(s) you trust.`,
        });
      }
    }
    return hits;
  },
};
