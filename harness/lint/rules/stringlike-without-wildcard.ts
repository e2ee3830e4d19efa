import type { LintRule, RuleHit } from '../types.js';

/** A Like operator without `*` or `?` compares exactly; the Equals operator says so. */
export const stringlikeWithoutWildcard: LintRule = {
  id: 'stringlike-without-wildcard',
  severity: 'info',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements) {
      for (const c of s.conditions) {
        if (!/like$/i.test(c.base) || c.values.some((v) => /[*?]/.test(v))) continue;
        const equals = c.operator.replace(/Like/i, 'Equals');
        hits.push({
          path: c.path,
          message: `No value of "${c.key}" under ${c.operator} has a wildcard: use ${equals}, which states the exact match.`,
        });
      }
    }
    return hits;
  },
};
