/**
 * GitLab CI id_tokens (docs.gitlab.com: ci/secrets/id_token_authentication). The claims follow from a few
 * facts, as GitLab derives them (docs/profiles.md): `project_path`, `ref`, `ref_type` -> `namespace_path`,
 * the ids, `ref_path`, `ref_protected`, `ci_config_ref_uri` and `sub`. Options: `subClaimComponents`
 * (default [project_path, ref_type, ref], as the project's ci_id_token_sub_claim_components).
 * kid is the RFC 7638 JWK thumbprint, as GitLab publishes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rsaJwk } from '../keys.js';
import { Derivation, stableId } from './derived.js';
import { issuerBase, optionStrings, singleOrArray, str, type Claims, type IdpProfile } from './types.js';

export const GITLAB_DEFAULT_PROJECT = 'acme/app';
export const GITLAB_DEFAULT_BRANCH = 'main';
const KNOWN_NAMESPACE_IDS: Record<string, string> = { acme: '72' };
const KNOWN_PROJECT_IDS: Record<string, string> = { 'acme/app': '20' };

/** `refs/heads/<ref>` or `refs/tags/<ref>` */
export const gitlabRefPath = (ref: string, refType: string): string => `refs/${refType === 'tag' ? 'tags' : 'heads'}/${ref}`;

/** Every claim GitLab computes from others, each unless the case set it. */
export function deriveGitlabClaims(claims: Claims, options: Record<string, unknown>, issuer: string): Claims {
  const d = new Derivation(claims);
  const project = d.text('project_path', () => GITLAB_DEFAULT_PROJECT);
  // a project in a subgroup (group/sub/project) has the whole group path as its namespace
  const namespace = d.text('namespace_path', () => project.split('/').slice(0, -1).join('/'));
  d.get('namespace_id', () => stableId(namespace, KNOWN_NAMESPACE_IDS));
  d.get('project_id', () => stableId(project, KNOWN_PROJECT_IDS));
  const ref = d.text('ref', () => GITLAB_DEFAULT_BRANCH);
  const refType = d.text('ref_type', () => 'branch');
  const refPath = d.text('ref_path', () => gitlabRefPath(ref, refType));
  // GitLab protects the default branch of a new project; other branches and tags are unprotected until configured
  d.get('ref_protected', () => String(refType === 'branch' && ref === GITLAB_DEFAULT_BRANCH));
  const host = issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  d.get('ci_config_ref_uri', () => `${host}/${project}//.gitlab-ci.yml@${refPath}`);
  const view: Claims = { ...claims, ...d.derived() };
  d.get('sub', () =>
    (optionStrings(options, 'subClaimComponents') ?? ['project_path', 'ref_type', 'ref']).map((key) => `${key}:${str(view[key])}`).join(':'),
  );
  return d.derived();
}

const jwkThumbprint = (n: string, e: string): string =>
  createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');

export const gitlab: IdpProfile = {
  name: 'gitlab',
  defaultIssuer: 'https://gitlab.com',
  defaultLifetimeSeconds: 300,
  initialKeys: 2,
  keyStyle: {
    kid: (material) => jwkThumbprint(material.publicJwk.n ?? '', material.publicJwk.e ?? ''),
    jwk: (material, kid, use) => ({ kty: 'RSA', kid, e: material.publicJwk.e, n: material.publicJwk.n, use, alg: 'RS256' }),
    header: () => ({ typ: 'JWT' }),
  },
  discovery: (issuer) => {
    const base = issuerBase(issuer);
    return {
      issuer,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      introspection_endpoint: `${base}/oauth/introspect`,
      userinfo_endpoint: `${base}/oauth/userinfo`,
      jwks_uri: `${base}/oauth/discovery/keys`,
      scopes_supported: ['api', 'read_api', 'read_user', 'openid', 'profile', 'email'],
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      grant_types_supported: ['authorization_code', 'password', 'client_credentials', 'device_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claim_types_supported: ['normal'],
      claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'sub_legacy', 'name', 'nickname', 'preferred_username',
        'email', 'email_verified', 'website', 'profile', 'picture', 'groups', 'groups_direct'],
    };
  },
  audience: (requested) => singleOrArray(requested, 'sts.amazonaws.com'),
  // Only the facts live here; everything computed from them is in deriveGitlabClaims.
  defaults: (ctx) => ({
    user_id: '5',
    user_login: 'jdoe',
    user_email: 'jdoe@acme.example',
    user_access_level: 'developer',
    pipeline_id: '574',
    pipeline_source: 'push',
    job_id: '302',
    environment: 'production',
    environment_protected: 'true',
    deployment_tier: 'production',
    runner_id: 1,
    runner_environment: 'gitlab-hosted',
    sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    project_visibility: 'private',
    ci_config_sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    jti: randomUUID(),
    iss: ctx.issuer,
    iat: ctx.iat,
    nbf: ctx.iat - 5,
    exp: ctx.exp,
    aud: ctx.audience,
  }),
  derive: (claims, ctx) => deriveGitlabClaims(claims, ctx.options, ctx.issuer),
};
