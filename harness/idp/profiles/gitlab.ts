/**
 * GitLab CI id_tokens (docs: ci/secrets/id_token_authentication). Options: `subClaimComponents`
 * (default [project_path, ref_type, ref], as the project's ci_id_token_sub_claim_components).
 * kid is the RFC 7638 JWK thumbprint, as GitLab publishes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rsaJwk } from '../keys.js';
import { issuerBase, optionStrings, singleOrArray, str, type IdpProfile } from './types.js';

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
  defaults: (ctx) => ({
    namespace_id: '72',
    namespace_path: 'acme',
    project_id: '20',
    project_path: 'acme/app',
    user_id: '5',
    user_login: 'jdoe',
    user_email: 'jdoe@acme.example',
    user_access_level: 'developer',
    pipeline_id: '574',
    pipeline_source: 'push',
    job_id: '302',
    ref: 'main',
    ref_type: 'branch',
    ref_path: 'refs/heads/main',
    ref_protected: 'true',
    environment: 'production',
    environment_protected: 'true',
    deployment_tier: 'production',
    runner_id: 1,
    runner_environment: 'gitlab-hosted',
    sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    project_visibility: 'private',
    ci_config_ref_uri: 'gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main',
    ci_config_sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    jti: randomUUID(),
    iss: ctx.issuer,
    iat: ctx.iat,
    nbf: ctx.iat - 5,
    exp: ctx.exp,
    aud: ctx.audience,
  }),
  derive: (claims, ctx) => ({
    sub: (optionStrings(ctx.options, 'subClaimComponents') ?? ['project_path', 'ref_type', 'ref'])
      .map((key) => `${key}:${str(claims[key])}`)
      .join(':'),
  }),
};
