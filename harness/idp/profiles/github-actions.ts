/**
 * GitHub Actions (docs: actions/security-for-github-actions/.../about-security-hardening-with-openid-connect).
 * Options: `subFormat: immutable` (repo:OWNER@OWNER_ID/REPO@REPO_ID:...), `subKeys` (an org's customised
 * sub claim keys, e.g. [repo, context, job_workflow_ref]). Lifetime and nbf follow the docs' example token.
 */
import { randomUUID } from 'node:crypto';
import { rsaJwk, sha1OfPublicKey } from '../keys.js';
import { issuerBase, optionString, optionStrings, singleOrArray, str, type Claims, type IdpProfile } from './types.js';

/** the part of `sub` after the repository: environment, pull_request or ref */
function subjectContext(claims: Claims): string {
  if (claims.environment !== undefined) return `environment:${str(claims.environment)}`;
  if (claims.event_name === 'pull_request' || claims.event_name === 'pull_request_target') return 'pull_request';
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
  defaults: (ctx) => ({
    jti: randomUUID(),
    aud: ctx.audience,
    ref: 'refs/heads/main',
    sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    repository: 'acme/app',
    repository_owner: 'acme',
    repository_owner_id: '1234567',
    repository_id: '7654321',
    repository_visibility: 'private',
    run_id: '6229322034',
    run_number: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'deploy',
    workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
    workflow_sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    job_workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'true',
    enterprise: 'acme-corp',
    enterprise_id: '1001',
    iss: ctx.issuer,
    nbf: ctx.iat - 600,
    exp: ctx.exp,
    iat: ctx.iat,
  }),
  derive: (claims, ctx) => ({ sub: githubSubject(claims, ctx.options) }),
};
