import { pinsClaim } from '../pinned-claim.js';
import { prefixesOfKind } from '../providers/provider-kind.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

const IDENTITY_CLAIMS = ['repository', 'repository_id', 'repository_owner_id', 'job_workflow_ref'];

/**
 * A GitHub statement that pins a repository or owner (repository, repository_id, repository_owner_id,
 * job_workflow_ref) but not `sub` admits every job there: any branch, tag, pull request and environment.
 * Statements that pin nothing are missing-sub's.
 */
export const githubSubNotPinned: LintRule = {
  id: 'github-sub-not-pinned',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      const all = prefixesOfKind(s, context, 'github');
      for (const prefix of all) {
        if (pinsClaim(s, prefix, ['sub'], all)) continue;
        const pinned = IDENTITY_CLAIMS.filter((claim) => pinsClaim(s, prefix, [claim], all));
        if (pinned.length === 0) continue;
        hits.push({
          path: s.path,
          message:
            `This Allow pins ${pinned.map((c) => `"${prefix}:${c}"`).join(', ')} but not "${prefix}:sub": every job ` +
            `there is admitted, on any branch or tag, for pull requests and in any environment. Add StringEquals ` +
            `"${prefix}:sub": "repo:<owner>/<repo>:ref:refs/heads/main" (or ":environment:<name>").`,
        });
      }
    }
    return hits;
  },
};
