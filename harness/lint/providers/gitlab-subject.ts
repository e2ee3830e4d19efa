/**
 * GitLab CI subjects (`project_path:GROUP/PROJECT:ref_type:branch|tag:ref:NAME`) read back into job facts,
 * and coherent tokens for them built the way GitLab builds them (the gitlab profile's derivation).
 */
import { deriveGitlabClaims } from '../../idp/profiles/gitlab.js';
import type { LintContext } from '../types.js';

export interface GitlabSubjectPattern {
  /** the project path as written (may hold wildcards, which also span `/`) */
  project: string;
  /** `branch`, `tag`, a wildcard, or '' when the pattern does not say */
  refType: string;
  ref: string;
}

const fill = (text: string): string => text.replace(/[*?]+/g, 'x');

export function parseGitlabSubject(pattern: string): GitlabSubjectPattern | undefined {
  if (!pattern.startsWith('project_path:')) return undefined;
  const rest = pattern.slice('project_path:'.length);
  const colon = rest.indexOf(':');
  const project = colon < 0 ? rest : rest.slice(0, colon);
  const tail = colon < 0 ? '' : rest.slice(colon + 1);
  const m = /^ref_type:([^:]*)(?::ref:(.*))?$/.exec(tail);
  if (m) return { project, refType: m[1]!, ref: m[2] ?? '*' };
  // `project_path:acme/app:*` or `project_path:acme/*`: the wildcard spans ref_type and ref
  return { project, refType: '*', ref: '*' };
}

/** A project path the pattern admits (`acme/*` -> `acme/x`). */
export const sampleProject = (p: GitlabSubjectPattern): string => fill(p.project) || 'x/x';

/** `main` for a wildcard ref, else the ref with its wildcards filled */
export const sampleRef = (p: GitlabSubjectPattern): string => (/^[*?]+$/.test(p.ref) || p.ref === '' ? 'main' : fill(p.ref));

export function gitlabToken(facts: Record<string, unknown>, context: LintContext): Record<string, unknown> {
  const options = context.profile === 'gitlab' ? { ...(context.profileOptions ?? {}) } : {};
  return { ...facts, ...deriveGitlabClaims(facts, options, context.issuer) };
}
