/**
 * Near misses in a CI provider's own grammar: each is a set of job facts (repository, event, ref,
 * environment, project path...) from which the IdP profile derives `sub` and every related claim, so the
 * token a probe sends is one the real provider could mint.
 */
import { deriveGithubClaims } from '../idp/profiles/github-actions.js';
import { deriveGitlabClaims } from '../idp/profiles/gitlab.js';
import { contextFacts, parseGithubSubject, sampleRepository } from '../lint/providers/github-subject.js';
import { parseGitlabSubject, sampleProject, sampleRef } from '../lint/providers/gitlab-subject.js';
import type { ProfileName } from '../scenario/model.js';

export interface FactVariant {
  label: string;
  why: string;
  /** the facts to set; `sub` is derived from them */
  facts: Record<string, unknown>;
  /** offered even when its sub is one the policy trusts exactly (the near miss is in another claim) */
  sameSubject?: boolean;
}

export interface CiGrammar {
  /** job facts a sub pattern stands for (wildcards filled), or undefined when it is not in the grammar */
  factsOf(pattern: string): Record<string, unknown> | undefined;
  /** near misses of a sub pattern */
  variants(pattern: string): FactVariant[];
  /** the sub the profile derives for these facts */
  subjectOf(facts: Record<string, unknown>): string;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function githubGrammar(options: Record<string, unknown>): CiGrammar {
  const subjectOf = (facts: Record<string, unknown>) => String({ ...facts, ...deriveGithubClaims(facts, options) }['sub']);
  const factsOf = (pattern: string) => {
    const parsed = parseGithubSubject(pattern);
    return parsed ? { repository: sampleRepository(parsed), ...contextFacts(parsed.context) } : undefined;
  };
  const variants = (pattern: string): FactVariant[] => {
    const parsed = parseGithubSubject(pattern);
    if (!parsed) return [];
    const repository = sampleRepository(parsed);
    const [owner = 'x', name = 'x'] = repository.split('/');
    const ctx = contextFacts(parsed.context);
    const out: FactVariant[] = [
      { label: `other repository "${owner}/other-repo"`, why: `another repository of ${owner}, e.g. one created later`, facts: { ...ctx, repository: `${owner}/other-repo` } },
      { label: `same repository name under owner "stranger"`, why: 'anyone can create a repository of that name', facts: { ...ctx, repository: `stranger/${name}` } },
      { label: `look-alike owner "${owner}-evil"`, why: `another organisation whose name starts with "${owner}"`, facts: { ...ctx, repository: `${owner}-evil/${name}` } },
      { label: `look-alike repository "${name}-fork"`, why: `another repository whose name starts with "${name}"`, facts: { ...ctx, repository: `${owner}/${name}-fork` } },
      { label: 'pull_request event', why: 'workflows triggered by pull requests run code from the PR', facts: { repository, event_name: 'pull_request' } },
      {
        label: 'pull_request_target from a fork',
        why: "pull_request_target runs a fork's PR with the base repository's token",
        facts: { repository, event_name: 'pull_request_target', head_ref: 'stranger:patch-1' },
      },
      { label: 'tag "v0.0.0-evil"', why: 'anyone who may push may push a tag', facts: { repository, ref: 'refs/tags/v0.0.0-evil' } },
      { label: 'other branch "evil"', why: 'any pusher can create a branch', facts: { repository, ref: 'refs/heads/evil' } },
      { label: 'other environment "evil"', why: 'naming an environment that does not exist creates it without protection rules', facts: { repository, environment: 'evil' } },
    ];
    if (capitalize(owner) !== owner) {
      out.push({ label: `case variant "${capitalize(owner)}"`, why: 'StringEquals/StringLike are case-sensitive', facts: { ...ctx, repository: `${capitalize(owner)}/${name}` } });
    }
    if (typeof ctx['environment'] === 'string') {
      out.push({
        label: `environment "${ctx['environment']}" from branch "evil"`,
        why: "the sub does not say which branch deployed: only the environment's deployment-branch rules stop it",
        facts: { repository, environment: ctx['environment'], ref: 'refs/heads/evil' },
        sameSubject: true,
      });
    }
    return out;
  };
  return { factsOf, variants, subjectOf };
}

function gitlabGrammar(options: Record<string, unknown>, issuer: string): CiGrammar {
  const subjectOf = (facts: Record<string, unknown>) => String({ ...facts, ...deriveGitlabClaims(facts, options, issuer) }['sub']);
  const factsOf = (pattern: string) => {
    const parsed = parseGitlabSubject(pattern);
    return parsed ? { project_path: sampleProject(parsed), ref_type: parsed.refType === 'tag' ? 'tag' : 'branch', ref: sampleRef(parsed) } : undefined;
  };
  const variants = (pattern: string): FactVariant[] => {
    const parsed = parseGitlabSubject(pattern);
    if (!parsed) return [];
    const project = sampleProject(parsed);
    const segments = project.split('/');
    const name = segments.at(-1)!;
    const group = segments.slice(0, -1).join('/') || 'x';
    const ref = sampleRef(parsed);
    const refType = parsed.refType === 'tag' ? 'tag' : 'branch';
    const same = { ref_type: refType, ref };
    return [
      { label: `tag named "${ref}"`, why: 'a tag with the branch\'s name; tags are unprotected by default', facts: { project_path: project, ref_type: 'tag', ref } },
      { label: 'other branch "evil"', why: 'an unprotected branch any developer can push', facts: { project_path: project, ref_type: 'branch', ref: 'evil' } },
      {
        label: `"${ref}" without protection`,
        why: 'the same ref with its protection removed (or never set up): the sub does not say whether the ref is protected',
        facts: { project_path: project, ...same, ref_protected: 'false' },
        sameSubject: true,
      },
      { label: `subgroup project "${group}/subgroup/${name}"`, why: 'a project in a subgroup, possibly with other members', facts: { ...same, project_path: `${group}/subgroup/${name}` } },
      { label: `other project "${group}/other-project"`, why: `another project of ${group}`, facts: { ...same, project_path: `${group}/other-project` } },
      { label: `same project name under group "stranger"`, why: 'anyone can create a group and project of that name on a shared GitLab', facts: { ...same, project_path: `stranger/${name}` } },
      { label: `look-alike group "${group}-evil"`, why: `another group whose name starts with "${group}"`, facts: { ...same, project_path: `${group}-evil/${name}` } },
    ];
  };
  return { factsOf, variants, subjectOf };
}

/** The grammar of the scenario's profile, when it has one (GitHub Actions, GitLab). */
export function ciGrammar(profile: ProfileName, options: Record<string, unknown>, issuer: string): CiGrammar | undefined {
  if (profile === 'github-actions') return githubGrammar(options);
  if (profile === 'gitlab') return gitlabGrammar(options, issuer);
  return undefined;
}
