import { gitlabToken, parseGitlabSubject, sampleProject, sampleRef } from '../providers/gitlab-subject.js';
import { patternAdmits, subjectPatterns } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * A GitLab subject meant for a branch that also admits a tag of the same name (`ref_type:*`, or a pattern
 * ending in `*` before ref_type). Tags are unprotected by default: a developer who pushes a tag `main` gets a
 * pipeline whose sub differs from the branch's only in ref_type.
 */
export const gitlabRefTypeUnpinned: LintRule = {
  id: 'gitlab-ref-type-unpinned',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of subjectPatterns(statements, context, 'gitlab')) {
      const parsed = parseGitlabSubject(p.value);
      if (!parsed || parsed.refType === 'tag') continue;
      const ref = sampleRef(parsed);
      const tag = gitlabToken({ project_path: sampleProject(parsed), ref_type: 'tag', ref }, context);
      if (!patternAdmits(p, tag, context)) continue;
      hits.push({
        path: p.condition.path,
        message:
          `"${p.value}" admits tag pipelines as well as branches, e.g. sub "${String(tag['sub'])}" for a tag named ` +
          `"${ref}", which any developer may push unless tags are protected. Write "ref_type:branch" in the pattern.`,
      });
    }
    return hits;
  },
};
