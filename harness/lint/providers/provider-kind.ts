/**
 * Which IdP a statement's provider prefix belongs to, so provider rules (GitHub, GitLab, generic) apply to
 * the policies they understand: the well-known issuers by prefix, a self-hosted one by the scenario's profile.
 */
import type { ProfileName } from '../../scenario/model.js';
import { prefixOfUrl, samePrefix, statementPrefixes } from '../provider-prefix.js';
import { sharedIssuerOf } from '../shared-issuers.js';
import type { TrustStatement } from '../trust-statements.js';
import type { LintContext } from '../types.js';

export type ProviderKind = 'github' | 'gitlab' | 'gitpod' | 'generic';

const KIND_OF_PROFILE: Record<ProfileName, ProviderKind> = {
  'github-actions': 'github',
  gitlab: 'gitlab',
  gitpod: 'gitpod',
  'gitpod-flex': 'gitpod',
  generic: 'generic',
};

export function providerKind(prefix: string, context: LintContext): ProviderKind {
  const p = prefix.toLowerCase();
  if (p === 'token.actions.githubusercontent.com' || p.startsWith('token.actions.githubusercontent.com/')) return 'github';
  if (p === 'gitlab.com') return 'gitlab';
  if (samePrefix(p, prefixOfUrl(context.issuer))) return KIND_OF_PROFILE[context.profile];
  return sharedIssuerOf(p)?.name.startsWith('Gitpod') ? 'gitpod' : 'generic';
}

/** The statement's provider prefixes of one kind. */
export function prefixesOfKind(s: TrustStatement, context: LintContext, kind: ProviderKind): string[] {
  return statementPrefixes(s.federated, context).filter((p) => providerKind(p, context) === kind);
}
