import { githubToken, sampleRepository } from '../providers/github-subject.js';
import { githubSubjectPatterns, patternAdmits } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * Environment subjects are only as strong as the environment's protection rules, and GitHub creates an
 * environment without rules when a workflow names one that does not exist: `environment:*` admits any job
 * that names a new one (warning); a named environment gets advice (info).
 */
export const githubEnvironmentAdvice: LintRule = {
  id: 'github-environment-advice',
  severity: 'info',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of githubSubjectPatterns(statements, context)) {
      const { parsed } = p;
      const repository = sampleRepository(parsed);
      const unplanned = githubToken({ repository, environment: 'unprotected-new-env' }, context);
      if (patternAdmits(p, unplanned, context)) {
        hits.push({
          path: p.condition.path,
          severity: 'warning',
          message:
            `"${p.value}" admits any environment, e.g. sub "${String(unplanned['sub'])}": a workflow that names an ` +
            `environment that does not exist gets a new one without protection rules. Name the environment.`,
        });
        continue;
      }
      const m = /^environment:([^*?]+)$/.exec(parsed.context);
      if (!m) continue;
      hits.push({
        path: p.condition.path,
        message:
          `"${p.value}" trusts the environment "${m[1]}": any branch's workflow may name it unless its protection ` +
          `rules restrict deployment branches (e.g. to main) and require reviewers. Check them in the repository settings.`,
      });
    }
    return hits;
  },
};
