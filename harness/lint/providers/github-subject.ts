/**
 * GitHub Actions subjects (`repo:OWNER/REPO:CONTEXT`, CONTEXT one of `ref:REF`, `environment:NAME`,
 * `pull_request`) read back into the facts a job has, and coherent tokens for such facts built the way
 * GitHub builds them (the github-actions profile's derivation), so a rule asks the evaluator about real tokens.
 */
import { deriveGithubClaims } from '../../idp/profiles/github-actions.js';
import type { LintContext } from '../types.js';

export interface GithubSubjectPattern {
  /** owner and repository as written (may hold wildcards); an immutable `name@id` keeps its id */
  owner: string;
  repo: string;
  /** what follows `repo:OWNER/REPO:`, '' when nothing does */
  context: string;
}

export const hasWildcard = (text: string): boolean => /[*?]/.test(text);
const fill = (text: string): string => text.replace(/[*?]+/g, 'x');
const stripId = (name: string): string => name.replace(/@[^/]*$/, '');

export function parseGithubSubject(pattern: string): GithubSubjectPattern | undefined {
  if (!pattern.startsWith('repo:')) return undefined;
  const rest = pattern.slice('repo:'.length);
  const colon = rest.indexOf(':');
  const repoPart = colon < 0 ? rest : rest.slice(0, colon);
  let context = colon < 0 ? '' : rest.slice(colon + 1);
  const slash = repoPart.indexOf('/');
  const owner = slash < 0 ? repoPart : repoPart.slice(0, slash);
  let repo = slash < 0 ? '' : repoPart.slice(slash + 1);
  // `repo:acme/*` or `repo:*`: the trailing wildcard spans the rest of the subject too
  if (colon < 0 && /[*?]$/.test(repoPart)) {
    context = '*';
    if (slash < 0) repo = '*';
  }
  return { owner, repo, context };
}

/** The job facts a subject context stands for; wildcards are filled with a concrete value. */
export function contextFacts(context: string): Record<string, unknown> {
  if (context.startsWith('pull_request')) return { event_name: 'pull_request' };
  if (context.startsWith('ref:')) return { ref: fill(context.slice('ref:'.length)) };
  if (context.startsWith('environment:')) return { environment: fill(context.slice('environment:'.length)) };
  return {};
}

/** A repository the pattern's owner/repo part admits, e.g. `acme/*` -> `acme/x`. */
export function sampleRepository(p: GithubSubjectPattern, overrides: { owner?: string; repo?: string } = {}): string {
  const owner = overrides.owner ?? (fill(stripId(p.owner)) || 'x');
  const repo = overrides.repo ?? (fill(stripId(p.repo)) || 'x');
  return `${owner}/${repo}`;
}

/** The claims GitHub would mint for these facts (sub, repository_owner, refs, workflow refs...). */
export function githubToken(facts: Record<string, unknown>, context: LintContext): Record<string, unknown> {
  const options = context.profile === 'github-actions' ? { ...(context.profileOptions ?? {}) } : {};
  return { ...facts, ...deriveGithubClaims(facts, options) };
}
