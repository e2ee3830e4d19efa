import { githubToken, hasWildcard, sampleRepository } from '../providers/github-subject.js';
import { githubSubjectPatterns, patternAdmits } from '../providers/subject-patterns.js';
import type { LintRule, RuleHit } from '../types.js';

const EVENTS = ['pull_request', 'pull_request_target'] as const;

/**
 * `repo:acme/*:pull_request` or `repo:acme/app:*`: jobs triggered by pull requests assume the role. Their code
 * comes from the PR author; with pull_request_target a fork's PR runs with the base repository's token.
 */
export const githubPullRequestAdmitted: LintRule = {
  id: 'github-pull-request-admitted',
  severity: 'warning',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const p of githubSubjectPatterns(statements, context)) {
      const { parsed } = p;
      const repository = sampleRepository(parsed);
      const admitted = EVENTS.filter((event) => patternAdmits(p, githubToken({ repository, event_name: event }, context), context));
      if (admitted.length === 0) continue;
      const sub = String(githubToken({ repository, event_name: 'pull_request' }, context)['sub']);
      const named = hasWildcard(parsed.owner) || hasWildcard(parsed.repo) ? '<owner>/<repo>' : repository;
      hits.push({
        path: p.condition.path,
        message:
          `"${p.value}" admits jobs triggered by ${admitted.join(' and ')} (e.g. sub "${sub}"): they run code from ` +
          `the pull request, and pull_request_target runs a fork's PR with the repository's token. A deploy role ` +
          `should admit only "repo:${named}:ref:refs/heads/main" or a protected environment; give PR jobs their own read-only role.`,
      });
    }
    return hits;
  },
};
