import { gitlabToken, parseGitlabSubject, sampleRef } from '../providers/gitlab-subject.js';
import { patternAdmits, subjectPatterns } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * `project_path:acme/*` also matches `acme/sub/project`: StringLike's `*` crosses `/`, so every project of
 * every subgroup (including subgroups created later, possibly with other members) is admitted.
 */
export const gitlabSubgroupWildcard: LintRule = {
  id: 'gitlab-subgroup-wildcard',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of subjectPatterns(statements, context, 'gitlab')) {
      const parsed = parseGitlabSubject(p.value);
      const w = parsed ? parsed.project.search(/[*?]/) : -1;
      if (!parsed || w < 0) continue;
      const literal = parsed.project.slice(0, w);
      const group = literal.replace(/\/[^/]*$/, '');
      const project = `${group}/subgroup/project`;
      const refType = parsed.refType === 'tag' ? 'tag' : 'branch';
      const token = gitlabToken({ project_path: project, ref_type: refType, ref: sampleRef(parsed) }, context);
      if (!patternAdmits(p, token, context)) continue;
      hits.push({
        path: p.condition.path,
        message:
          `"${p.value}" admits projects in every subgroup of ${group}, e.g. "${project}" (the wildcard crosses "/"). ` +
          `List the projects, or pin "namespace_id"/"project_id" with StringEquals.`,
      });
    }
    return hits;
  },
};
