/**
 * Issuers that many tenants share: a trust policy for them must pin the subject, or every tenant's identity
 * is admitted (Datadog Security Labs 2023; AWS "secure by default" refusals, 2025-06). Each lists the claim
 * keys AWS accepts as pinning the subject for that issuer.
 */
export interface SharedIssuer {
  /** key prefix or prefix root (GitHub enterprise issuers add `/<slug>`) */
  prefix: string;
  name: string;
  subjectClaims: readonly string[];
}

export const SHARED_ISSUERS: readonly SharedIssuer[] = [
  { prefix: 'api.gitpod.io/idp', name: 'Gitpod (SaaS)', subjectClaims: ['sub'] },
  { prefix: 'services.gitpod.io/idp', name: 'Gitpod (SaaS)', subjectClaims: ['sub'] },
  { prefix: 'app.gitpod.io', name: 'Gitpod Flex / Ona', subjectClaims: ['sub'] },
  {
    prefix: 'token.actions.githubusercontent.com',
    name: 'GitHub Actions',
    subjectClaims: ['sub', 'repository', 'repository_id', 'job_workflow_ref'],
  },
  { prefix: 'gitlab.com', name: 'GitLab.com', subjectClaims: ['sub', 'project_id'] },
  { prefix: 'agent.buildkite.com', name: 'Buildkite', subjectClaims: ['sub', 'pipeline_id', 'organization_id'] },
  { prefix: 'app.terraform.io', name: 'HCP Terraform', subjectClaims: ['sub'] },
  { prefix: 'accounts.google.com', name: 'Google', subjectClaims: ['sub', 'google/organization_number'] },
];

/** Claims whose keys carry the token's audience (`:aud` is `azp` when present, `:oaud` the raw `aud`). */
export const AUDIENCE_CLAIMS: readonly string[] = ['aud', 'azp', 'oaud'];

export function sharedIssuerOf(prefix: string): SharedIssuer | undefined {
  const p = prefix.toLowerCase();
  return SHARED_ISSUERS.find((s) => p === s.prefix || p.startsWith(s.prefix + '/'));
}

/** Claims that identify the workload (sub and its provider-specific equivalents). */
export function subjectClaimsOf(prefix: string): readonly string[] {
  return sharedIssuerOf(prefix)?.subjectClaims ?? ['sub'];
}
