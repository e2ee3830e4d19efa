import type { LintRule, RuleHit } from '../types.js';

/** Keys that carry several values; every other trust-policy key is single-valued. */
const MULTI_VALUED_CLAIMS = new Set(['amr', 'aws:tagkeys', 'sts:transitivetagkeys']);

function isMultiValued(key: string): boolean {
  const k = key.toLowerCase();
  return MULTI_VALUED_CLAIMS.has(k) || k.endsWith(':amr');
}

/** Set operators on single-valued keys (sub, aud...) read as if the key could hold several values. */
export const foranyvalueSingleValued: LintRule = {
  id: 'foranyvalue-single-valued',
  severity: 'warning',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements) {
      for (const c of s.conditions) {
        if (c.qualifier !== 'ForAnyValue' || isMultiValued(c.key)) continue;
        hits.push({
          path: c.path,
          message:
            `"${c.key}" is single-valued; ${c.operator} is meant for multi-valued keys such as amr. ` +
            `Use ${c.operator.slice('ForAnyValue:'.length)}.`,
        });
      }
    }
    return hits;
  },
};
