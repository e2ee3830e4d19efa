/**
 * GitHub Actions (docs.github.com: actions/reference/security/oidc, "OIDC token claims" and "Example subject
 * claims"). The claims follow from a few facts, as GitHub derives them (docs/profiles.md):
 * `repository`, `event_name`, `ref`, `environment`, `workflow` file -> `repository_owner`, the ids,
 * `ref_type`, `head_ref`/`base_ref`, `workflow_ref`, `job_workflow_ref` and `sub`.
 * Options: `subFormat: immutable` (repo:OWNER@OWNER_ID/REPO@REPO_ID:...), `subKeys` (an org's customised
 * sub claim keys, e.g. [repo, context, job_workflow_ref]). Lifetime and nbf follow the docs' example token.
 */
import { randomUUID } from 'node:crypto';
import { rsaJwk, sha1OfPublicKey } from '../keys.js';
import { Derivation, stableId } from './derived.js';
import { issuerBase, optionString, optionStrings, singleOrArray, str, type Claims, type IdpProfile } from './types.js';

export const GITHUB_DEFAULT_REPOSITORY = 'acme/app';
export const GITHUB_DEFAULT_BRANCH = 'main';
/** the pull request number a pull_request token stands for unless `ref` says otherwise */
export const GITHUB_DEFAULT_PR = 1;
const WORKFLOW_FILE = '.github/workflows/deploy.yml';
const KNOWN_OWNER_IDS: Record<string, string> = { acme: '1234567' };
const KNOWN_REPOSITORY_IDS: Record<string, string> = { 'acme/app': '7654321' };

const isPullRequestEvent = (event: string): boolean => event === 'pull_request' || event === 'pull_request_target';

/** the part of `sub` after the repository: environment, pull_request or ref */
function subjectContext(claims: Claims): string {
  if (claims.environment !== undefined) return `environment:${str(claims.environment)}`;
  if (isPullRequestEvent(str(claims.event_name))) return 'pull_request';
  return `ref:${str(claims.ref)}`;
}

function repoPart(claims: Claims, immutable: boolean): string {
  if (!immutable) return str(claims.repository);
  const name = str(claims.repository).split('/').slice(1).join('/');
  return `${str(claims.repository_owner)}@${str(claims.repository_owner_id)}/${name}@${str(claims.repository_id)}`;
}

export function githubSubject(claims: Claims, options: Record<string, unknown>): string {
  const immutable = optionString(options, 'subFormat') === 'immutable';
  const keys = optionStrings(options, 'subKeys') ?? ['repo', 'context'];
  return keys
    .map((key) =>
      key === 'repo' ? `repo:${repoPart(claims, immutable)}` : key === 'context' ? subjectContext(claims) : `${key}:${str(claims[key])}`,
    )
    .join(':');
}

/**
 * `ref` by event: a pull_request job runs on the merge ref `refs/pull/N/merge`; pull_request_target and
 * pushes run on a branch of the base repository.
 */
export function githubDefaultRef(event: string): string {
  return event === 'pull_request' ? `refs/pull/${GITHUB_DEFAULT_PR}/merge` : `refs/heads/${GITHUB_DEFAULT_BRANCH}`;
}

/** `branch` / `tag` from the ref; a pull request merge ref is neither, so ''. */
export function githubRefType(ref: string): string {
  if (ref.startsWith('refs/heads/')) return 'branch';
  if (ref.startsWith('refs/tags/')) return 'tag';
  return '';
}

/** Every claim GitHub computes from others, each unless the case set it. */
export function deriveGithubClaims(claims: Claims, options: Record<string, unknown>): Claims {
  const d = new Derivation(claims);
  const repository = d.text('repository', () => GITHUB_DEFAULT_REPOSITORY);
  const owner = d.text('repository_owner', () => repository.split('/')[0]);
  d.get('repository_owner_id', () => stableId(owner, KNOWN_OWNER_IDS));
  d.get('repository_id', () => stableId(repository, KNOWN_REPOSITORY_IDS));
  const event = d.text('event_name', () => 'push');
  const ref = d.text('ref', () => githubDefaultRef(event));
  d.get('ref_type', () => githubRefType(ref));
  d.get('head_ref', () => (isPullRequestEvent(event) ? 'feature' : ''));
  d.get('base_ref', () => (isPullRequestEvent(event) ? GITHUB_DEFAULT_BRANCH : ''));
  // branch protection is a repository setting; the default branch is the one the mock treats as protected
  d.get('ref_protected', () => String(ref === `refs/heads/${GITHUB_DEFAULT_BRANCH}`));
  const workflowRef = d.text('workflow_ref', () => `${repository}/${WORKFLOW_FILE}@${ref}`);
  d.get('job_workflow_ref', () => workflowRef);
  const view: Claims = { ...claims, ...d.derived() };
  d.get('sub', () => githubSubject(view, options));
  return d.derived();
}

const CLAIMS_SUPPORTED = [
  'sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'repository_id', 'repository_owner',
  'repository_owner_id', 'enterprise', 'enterprise_id', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id',
  'workflow', 'workflow_ref', 'workflow_sha', 'head_ref', 'base_ref', 'event_name', 'ref_type', 'ref_protected',
  'environment', 'environment_node_id', 'job_workflow_ref', 'job_workflow_sha', 'repository_visibility',
  'runner_environment', 'issuer_scope',
];

export const githubActions: IdpProfile = {
  name: 'github-actions',
  defaultIssuer: 'https://token.actions.githubusercontent.com',
  defaultLifetimeSeconds: 300,
  initialKeys: 2,
  keyStyle: {
    kid: (material) => sha1OfPublicKey(material).toString('hex').toUpperCase(),
    jwk: (material, kid, use) => ({ ...rsaJwk(material, kid, use), x5t: sha1OfPublicKey(material).toString('base64url') }),
    header: (key) => ({ typ: 'JWT', x5t: key.jwk.x5t }),
  },
  discovery: (issuer) => ({
    issuer,
    jwks_uri: `${issuerBase(issuer)}/.well-known/jwks`,
    subject_types_supported: ['public', 'pairwise'],
    response_types_supported: ['id_token'],
    claims_supported: CLAIMS_SUPPORTED,
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid'],
  }),
  audience: (requested) => singleOrArray(requested, 'sts.amazonaws.com'),
  // Only the facts live here; everything computed from them is in deriveGithubClaims.
  defaults: (ctx) => ({
    jti: randomUUID(),
    aud: ctx.audience,
    sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    repository_visibility: 'private',
    run_id: '6229322034',
    run_number: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'deploy',
    workflow_sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    job_workflow_sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    enterprise: 'acme-corp',
    enterprise_id: '1001',
    iss: ctx.issuer,
    nbf: ctx.iat - 600,
    exp: ctx.exp,
    iat: ctx.iat,
  }),
  derive: (claims, ctx) => deriveGithubClaims(claims, ctx.options),
};
