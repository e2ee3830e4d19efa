import { githubToken, hasWildcard, sampleRepository, contextFacts } from '../providers/github-subject.js';
import { githubSubjectPatterns, patternAdmits } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * `repo:acme/*...` admits every repository of the owner, including ones created later by anyone who may
 * create repositories there (warning); `repo:*\/app...` admits a repository of that name under any owner (error).
 * A pattern free in both owner and repository is github-any-repository's.
 */
export const githubRepositoryWildcard: LintRule = {
  id: 'github-repository-wildcard',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of githubSubjectPatterns(statements, context)) {
      const { parsed } = p;
      if (hasWildcard(parsed.owner) && hasWildcard(parsed.repo)) continue;
      const facts = contextFacts(parsed.context);
      if (hasWildcard(parsed.repo)) {
        const repository = sampleRepository(parsed, { repo: 'another-repo' });
        if (!patternAdmits(p, githubToken({ ...facts, repository }, context), context)) continue;
        hits.push({
          path: p.condition.path,
          message:
            `"${p.value}" admits every repository of ${parsed.owner}, e.g. "${repository}", including repositories ` +
            `created later. List the repositories you mean: "repo:${parsed.owner}/<repo>:ref:refs/heads/main" per repository.`,
        });
      } else if (hasWildcard(parsed.owner)) {
        const repository = sampleRepository(parsed, { owner: 'stranger' });
        if (!patternAdmits(p, githubToken({ ...facts, repository }, context), context)) continue;
        hits.push({
          path: p.condition.path,
          severity: 'error',
          message:
            `"${p.value}" admits a repository of that name under any owner, e.g. "${repository}": anyone can create ` +
            `one. Name the owner: "repo:<your-org>/${parsed.repo}:...".`,
        });
      }
    }
    return hits;
  },
};
