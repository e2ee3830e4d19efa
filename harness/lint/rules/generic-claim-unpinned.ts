import { conditionsAdmit } from '../admits.js';
import { prefixesOfKind } from '../providers/provider-kind.js';
import { claimConditions } from '../providers/statement-admits.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

const STRANGER: Record<string, string> = { sub: 'unexpected-subject', aud: 'unexpected-audience' };

/**
 * A generic issuer's `sub` or `aud` condition that does not pin exact values (a pattern, a negation only, or
 * IfExists): a subject or audience nobody listed is admitted. Statements without such a condition are
 * missing-sub's and aud-not-pinned's; a bare "*" is bare-wildcard's.
 */
export const genericClaimUnpinned: LintRule = {
  id: 'generic-claim-unpinned',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const prefix of prefixesOfKind(s, context, 'generic')) {
        for (const claim of ['sub', 'aud']) {
          const conditions = claimConditions(s, prefix, claim);
          if (conditions.length === 0 || conditions.every((c) => c.values.every((v) => /^\*+$/.test(v)))) continue;
          const key = `${prefix}:${claim}`;
          const listed = new Set(conditions.flatMap((c) => c.values));
          const candidates = [STRANGER[claim]!, ...conditions.flatMap((c) => c.values.map((v) => v.replace(/[*?]+/g, 'unlisted')))];
          const stranger = candidates.find((v) => !listed.has(v) && conditionsAdmit(conditions, { [key]: v }));
          const admitsStranger = stranger !== undefined;
          const admitsAbsent = conditionsAdmit(conditions, {});
          if (!admitsStranger && !admitsAbsent) continue;
          hits.push({
            path: conditions[0]!.path,
            message:
              `The conditions on "${key}" admit ${admitsStranger ? `${claim} "${stranger}"` : `a token without ${claim}`}, ` +
              `a value nobody listed. Pin it with StringEquals "${key}": [<the exact values you trust>].`,
          });
        }
      }
    }
    return hits;
  },
};
