import { contextFacts, githubToken, hasWildcard } from '../providers/github-subject.js';
import { githubSubjectPatterns, patternAdmits } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

/** `repo:*` (or `repo:*\/*:...`): any repository on GitHub, of any owner, can assume the role. */
export const githubAnyRepository: LintRule = {
  id: 'github-any-repository',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of githubSubjectPatterns(statements, context)) {
      const { parsed } = p;
      if (!hasWildcard(parsed.owner) || !(hasWildcard(parsed.repo) || parsed.repo === '')) continue;
      const token = githubToken({ ...contextFacts(parsed.context), repository: 'stranger/anything' }, context);
      if (!patternAdmits(p, token, context)) continue;
      hits.push({
        path: p.condition.path,
        message:
          `"${p.value}" admits every repository on GitHub, e.g. sub "${String(token['sub'])}": any GitHub user's ` +
          `workflow can assume the role. Pin the repository: "repo:<your-org>/<repo>:ref:refs/heads/main".`,
      });
    }
    return hits;
  },
};
