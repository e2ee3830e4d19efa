import { isAllow, isPositiveMatch } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** `ForAllValues:` holds when the key is absent or empty, so an Allow built on it admits tokens without the claim. */
export const forallvaluesInAllow: LintRule = {
  id: 'forallvalues-in-allow',
  severity: 'error',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const c of s.conditions) {
        if (c.qualifier !== 'ForAllValues') continue;
        const sameKey = (k: string): boolean => k.toLowerCase() === c.key.toLowerCase();
        const guarded = s.conditions.some(
          (o) =>
            sameKey(o.key) &&
            ((o.base.toLowerCase() === 'null' && o.values.every((v) => v.toLowerCase() === 'false')) ||
              (o !== c && isPositiveMatch(o))),
        );
        if (guarded) continue;
        hits.push({
          path: c.path,
          message:
            `${c.operator} on "${c.key}" is true when the token has no such claim, so this Allow admits tokens ` +
            `without it. Use ForAnyValue:${c.base}, or add "Null": {"${c.key}": "false"} beside it.`,
        });
      }
    }
    return hits;
  },
};
