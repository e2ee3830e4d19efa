import { conditionsAdmit } from '../admits.js';
import { NO_CONTEXT } from '../gitpod-contexts.js';
import { subjectConditions } from '../subject-conditions.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * Gitpod sets sub to `no-context` for workspaces opened without a repository: any user can mint one.
 * Statements without sub conditions are left to missing-sub.
 */
export const gitpodNoContextAdmitted: LintRule = {
  id: 'gitpod-no-context-admitted',
  severity: 'error',
  check({ statements, context }) {
    if (context.profile !== 'gitpod') return [];
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      for (const { key, conditions } of subjectConditions(s, context)) {
        if (conditions.length === 0 || !conditionsAdmit(conditions, { [key]: NO_CONTEXT })) continue;
        hits.push({
          path: conditions[0]!.path,
          message:
            `The conditions on "${key}" admit sub "${NO_CONTEXT}", which any Gitpod user gets for a workspace ` +
            `opened without a repository. Require the repository URL with StringEquals on "${key}".`,
        });
      }
    }
    return hits;
  },
};
