import { conditionAdmitsValue } from '../admits.js';
import { splitProviderKey } from '../provider-prefix.js';
import { subjectClaimsOf } from '../shared-issuers.js';
import { isAllow } from '../trust-statements.js';
import { lookAlikeSample, wildcardReach } from '../wildcard-boundary.js';
import type { LintRule, RuleHit } from '../types.js';

function boundedExample(value: string): string {
  const w = value.search(/[*?]/);
  return /[/:]$/.test(value.slice(0, w)) ? `${value.slice(0, w)}<your-org>/*` : `${value.slice(0, w)}/*`;
}

/** `https://github.com/acme*` also admits `https://github.com/acme-evil/...`. */
export const stringlikeCrossesBoundary: LintRule = {
  id: 'stringlike-crosses-boundary',
  severity: 'error',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const c of s.conditions) {
        const key = splitProviderKey(c.key);
        if (!key || !/like/i.test(c.base) || c.negated) continue;
        if (!subjectClaimsOf(key.prefix).includes(key.claim.toLowerCase())) continue;
        for (const value of c.values) {
          const reach = wildcardReach(value);
          if (!reach || /^\*+$/.test(value)) continue;
          const sample = lookAlikeSample(value);
          if (!conditionAdmitsValue({ ...c, values: [value] }, sample)) continue;
          hits.push({
            path: c.path,
            severity: reach === 'owner' ? 'error' : 'warning',
            message:
              `The wildcard in "${value}" crosses ${reach === 'owner' ? 'the organisation' : 'a name or path'} ` +
              `boundary: it also admits "${sample}". End the literal part at a "/" or ":" ` +
              `(e.g. "${boundedExample(value)}") or list exact values with StringEquals.`,
          });
        }
      }
    }
    return hits;
  },
};
