/**
 * Which token claims AWS exposes as condition keys for an IAM OIDC provider, and their values.
 * Generic keys for every provider: `:aud`, `:sub`, `:amr`, `:azp`, `:oaud`. Provider-specific keys exist only
 * for a fixed list of issuers (docs/aws-oidc-federation.md §1, from the IAM User Guide page reference_policies_iam-condition-keys). No other claim becomes a key.
 */
import type { ContextValue } from './types.js';

export const GENERIC_CLAIM_KEYS = ['aud', 'sub', 'amr', 'azp', 'oaud'] as const;

/** Claim names per provider prefix; `a/b` reads the nested claim `a.b`. */
const PROVIDER_SPECIFIC: Record<string, readonly string[]> = {
  'token.actions.githubusercontent.com': ['actor', 'actor_id', 'environment', 'job_workflow_ref', 'ref', 'repository', 'repository_id', 'repository_owner_id', 'workflow', 'enterprise_id'],
  'gitlab.com': ['namespace_id', 'project_id', 'pipeline_source', 'ref_protected', 'runner_environment', 'user_access_level', 'user_email', 'user_id', 'user_login'],
  'agent.buildkite.com': ['build_branch', 'cluster_id', 'cluster_name', 'organization_id', 'organization_slug', 'pipeline_id', 'pipeline_slug'],
  'accounts.google.com': ['google/organization_number'],
};

/** `https://api.gitpod.io/idp` -> `api.gitpod.io/idp` (scheme stripped, path and a trailing slash kept). */
export function providerKeyPrefix(providerUrl: string): string {
  return providerUrl.replace(/^https:\/\//i, '');
}

export function exposedClaimKeys(providerUrl: string): { generic: string[]; specific: string[] } {
  const prefix = providerKeyPrefix(providerUrl);
  return {
    generic: GENERIC_CLAIM_KEYS.map((c) => `${prefix}:${c}`),
    specific: (PROVIDER_SPECIFIC[prefix] ?? []).map((c) => `${prefix}:${c}`),
  };
}

function claimAt(claims: Record<string, unknown>, name: string): unknown {
  let cur: unknown = claims;
  for (const part of name.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A claim as a context value: scalars as text, arrays as multi-valued keys. */
function toContextValue(v: unknown, multi: boolean): ContextValue | undefined {
  if (Array.isArray(v)) {
    const list = v.map(scalar).filter((s): s is string => s !== undefined);
    // Assumption: a one-element aud array is exposed as a single value, like a string aud.
    return !multi && list.length === 1 ? list[0] : list;
  }
  const s = scalar(v);
  if (s === undefined) return undefined;
  return multi ? [s] : s;
}

/**
 * The condition keys a web-identity request carries for these claims.
 * `audKeyUsesAzp` (default true): `:aud` takes `azp` when the token has one ([?] beyond Google).
 * `matchedAudience`: the audience that passed the ClientIDList check; when given, it is `:aud` in place of
 * a multi-valued `aud` array (a [?] the caller decides; without it `:aud` lists every audience).
 */
export function oidcContextKeys(
  providerUrl: string,
  claims: Record<string, unknown>,
  opts?: { audKeyUsesAzp?: boolean; matchedAudience?: string },
): Record<string, ContextValue> {
  const prefix = providerKeyPrefix(providerUrl);
  const out: Record<string, ContextValue> = {};
  const put = (claim: string, value: unknown, multi = false) => {
    const v = toContextValue(value, multi);
    if (v !== undefined) out[`${prefix}:${claim}`] = v;
  };
  const useAzp = (opts?.audKeyUsesAzp ?? true) && typeof claims['azp'] === 'string';
  const multiAud = !useAzp && Array.isArray(claims['aud']) && claims['aud'].length > 1;
  put('aud', useAzp ? claims['azp'] : multiAud && opts?.matchedAudience !== undefined ? opts.matchedAudience : claims['aud']);
  put('oaud', claims['aud']);
  put('sub', claims['sub']);
  put('azp', claims['azp']);
  put('amr', claims['amr'], true);
  for (const claim of PROVIDER_SPECIFIC[prefix] ?? []) put(claim, claimAt(claims, claim));
  return out;
}
