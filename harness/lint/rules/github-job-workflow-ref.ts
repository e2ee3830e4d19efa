import { conditionAdmitsValue } from '../admits.js';
import { pinsClaim } from '../pinned-claim.js';
import { prefixesOfKind } from '../providers/provider-kind.js';
import { claimConditions } from '../providers/statement-admits.js';
import { isAllow, isPositiveMatch } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

const CALLER_CLAIMS = ['sub', 'repository', 'repository_id', 'repository_owner_id'];

/**
 * `job_workflow_ref` names the reusable workflow a job runs, not the repository that calls it:
 * - a wildcard after `@` admits the workflow at any ref, including a branch anyone with write access pushes (warning);
 * - pinned without the caller (sub, repository, owner id), any repository that may call the workflow is admitted (warning).
 */
export const githubJobWorkflowRef: LintRule = {
  id: 'github-job-workflow-ref',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      const all = prefixesOfKind(s, context, 'github');
      for (const prefix of all) {
        const conditions = claimConditions(s, prefix, 'job_workflow_ref').filter(isPositiveMatch);
        for (const c of conditions) {
          for (const value of c.values) {
            const at = value.indexOf('@');
            if (at < 0) continue;
            const unreviewed = `${value.slice(0, at).replace(/[*?]+/g, 'x')}@refs/heads/unreviewed-branch`;
            if (!conditionAdmitsValue({ ...c, values: [value] }, unreviewed)) continue;
            hits.push({
              path: c.path,
              message:
                `"${value}" admits the reusable workflow at any ref, e.g. "${unreviewed}". Pin the ref ` +
                `(@refs/heads/main, a tag, or a commit SHA).`,
            });
          }
        }
        if (conditions.length === 0 || pinsClaim(s, prefix, CALLER_CLAIMS, all)) continue;
        hits.push({
          path: conditions[0]!.path,
          message:
            `"${prefix}:job_workflow_ref" names the reusable workflow, not its caller: every repository allowed to ` +
            `call it is admitted, on any branch and for pull requests. Also pin "${prefix}:repository_owner_id" or "${prefix}:sub".`,
        });
      }
    }
    return hits;
  },
};
