import { conditionsAdmit } from '../admits.js';
import { pullRequestContexts } from '../gitpod-contexts.js';
import { subjectConditions } from '../subject-conditions.js';
import { isAllow, isPositiveMatch } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** `https://github.com/acme/app*` also admits workspaces opened on pull requests (`.../pull/1`). */
export const gitpodPrContextAdmitted: LintRule = {
  id: 'gitpod-pr-context-admitted',
  severity: 'warning',
  check({ statements, context }) {
    if (context.profile !== 'gitpod') return [];
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const { key, conditions } of subjectConditions(s, context)) {
        for (const c of conditions.filter(isPositiveMatch)) {
          for (const value of c.values) {
            const admitted = pullRequestContexts(value).find((sub) => conditionsAdmit(conditions, { [key]: sub }));
            if (!admitted) continue;
            hits.push({
              path: c.path,
              message:
                `"${value}" admits workspaces opened on a pull request, e.g. sub "${admitted}", whose code comes ` +
                `from the PR author. Pin the repository with StringEquals "${value.replace(/[*?].*$/, '').replace(/\/+$/, '')}" ` +
                `(list branch contexts explicitly if you need them).`,
            });
          }
        }
      }
    }
    return hits;
  },
};
