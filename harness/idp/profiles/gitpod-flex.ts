/**
 * Gitpod Flex / Ona: issuer https://app.gitpod.io, kids k0, k1..., `aud` a string,
 * `sub` org:<org>/prj:<prj>/env:<env> (option `subVersion: v3` gives organization_id:..:project_id:..:environment_id:..).
 * The JWKS path is not in the reference: `/oidc/jwks` is an assumption of this mock.
 */
import { randomUUID } from 'node:crypto';
import { rsaJwk } from '../keys.js';
import { issuerBase, optionString, singleOrArray, str, type IdpProfile } from './types.js';

export const gitpodFlex: IdpProfile = {
  name: 'gitpod-flex',
  defaultIssuer: 'https://app.gitpod.io',
  defaultLifetimeSeconds: 3600,
  initialKeys: 1,
  keyStyle: {
    kid: (_material, index) => `k${index}`,
    jwk: rsaJwk,
    header: () => ({ typ: 'JWT' }),
  },
  discovery: (issuer) => ({
    issuer,
    jwks_uri: `${issuerBase(issuer)}/oidc/jwks`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf'],
  }),
  audience: (requested) => singleOrArray(requested, 'sts.amazonaws.com'),
  defaults: (ctx) => ({
    iss: ctx.issuer,
    aud: ctx.audience,
    exp: ctx.exp,
    iat: ctx.iat,
    nbf: ctx.iat,
    jti: randomUUID(),
    organization_id: '019194d6-4a1e-7c3b-9a55-acme00000001',
    project_id: '019194d6-5b2f-7d4c-8b66-acme00000002',
    environment_id: '019194d6-6c3a-7e5d-9c77-acme00000003',
    user_id: '019194d6-7d4b-7f6e-8d88-acme00000004',
  }),
  derive(claims, ctx) {
    const [org, prj, env] = [str(claims.organization_id), str(claims.project_id), str(claims.environment_id)];
    const sub =
      optionString(ctx.options, 'subVersion') === 'v3'
        ? `organization_id:${org}:project_id:${prj}:environment_id:${env}`
        : `org:${org}/prj:${prj}/env:${env}`;
    return { sub };
  },
};
