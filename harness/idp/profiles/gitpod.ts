/**
 * Gitpod Classic: components/public-api-server/pkg/identityprovider in the gitpod-io/gitpod sources. `sub` and
 * `repository` follow `context` (docs/profiles.md).
 * Options: `subFormat: key-value` with `subKeys` (default [org_id, context]); `keys` (JWKS size at start).
 */
import { createHash } from 'node:crypto';
import { HarnessError } from '../../errors.js';
import { gitpodKid, rsaJwk } from '../keys.js';
import { issuerBase, optionString, optionStrings, str, type Claims, type IdpProfile, type MintContext } from './types.js';

const DEFAULT_CONTEXT = 'https://github.com/acme/app';

/** the normalized context URL Gitpod puts in `sub`, or `no-context` */
export function gitpodSubject(context: unknown): string {
  const url = str(context).trim().replace(/\/+$/, '');
  return url === '' ? 'no-context' : url;
}

/**
 * The clone URL Gitpod puts in `repository` for a context URL: the repository part plus `.git`
 * (`https://github.com/acme/app/pull/1` -> `https://github.com/acme/app.git`); none without a context.
 */
export function gitpodRepository(context: unknown): string | undefined {
  const url = gitpodSubject(context);
  if (url === 'no-context') return undefined;
  const m = /^(https?:\/\/[^/]+\/)(.*)$/.exec(url);
  if (!m) return undefined;
  const path = m[2]!.split('/-/')[0]!;
  const segments = path.split('/');
  const marker = segments.findIndex((seg, i) => i >= 2 && ['pull', 'tree', 'blob', 'commit', 'pull-requests', 'merge_requests'].includes(seg));
  const repo = (marker > 0 ? segments.slice(0, marker) : segments).join('/');
  return `${m[1]}${repo}.git`;
}

function keyValueSubject(claims: Claims, keys: string[]): string {
  return keys.map((key) => `${key}:${str(claims[key])}`).join(':');
}

export const gitpodDiscovery = (issuer: string): Record<string, unknown> => {
  const base = issuerBase(issuer);
  const notSupported = `${base}/not-supported`;
  return {
    issuer,
    authorization_endpoint: notSupported,
    token_endpoint: notSupported,
    introspection_endpoint: notSupported,
    userinfo_endpoint: notSupported,
    revocation_endpoint: notSupported,
    end_session_endpoint: notSupported,
    jwks_uri: `${base}/keys`,
    scopes_supported: ['openid', 'profile', 'email', 'phone', 'address', 'offline_access'],
    response_types_supported: ['code', 'id_token', 'id_token token'],
    grant_types_supported: ['authorization_code', 'implicit'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: [
      'sub', 'aud', 'exp', 'iat', 'iss', 'auth_time', 'nonce', 'acr', 'amr', 'c_hash', 'at_hash', 'act',
      'scopes', 'client_id', 'azp', 'preferred_username', 'name', 'family_name', 'given_name', 'locale', 'email',
    ],
    request_uri_parameter_supported: false,
  };
};

export const gitpod: IdpProfile = {
  name: 'gitpod',
  defaultIssuer: 'https://api.gitpod.io/idp',
  defaultLifetimeSeconds: 3600,
  initialKeys: 2,
  keyStyle: {
    kid: (material) => gitpodKid(material),
    jwk: rsaJwk,
    header: () => ({}),
  },
  discovery: gitpodDiscovery,
  audience(requested) {
    const list = requested === undefined ? ['sts.amazonaws.com'] : typeof requested === 'string' ? [requested] : [...requested];
    if (list.length === 0 || list.every((a) => a === '')) {
      throw new HarnessError('IDP_EMPTY_AUDIENCE', 'Must have at least one audience entry');
    }
    return list;
  },
  defaults(ctx: MintContext): Claims {
    return {
      iss: ctx.issuer,
      aud: ctx.audience,
      exp: ctx.exp,
      iat: ctx.iat,
      auth_time: ctx.iat,
      c_hash: createHash('sha256').update(ctx.signingKid).digest('base64url').slice(0, 22),
      name: 'Jane Doe',
      user_id: '6b1f6a8e-3c2d-4e5f-9a0b-1c2d3e4f5a6b',
      org_id: '0e8c4b6a-1f2d-4c3b-8a7e-9d0c1b2a3f4e',
      context: DEFAULT_CONTEXT,
      workspace_id: 'acme-app-abc123xyz',
      email: 'jane@acme.example',
    };
  },
  derive(claims, ctx): Claims {
    const aud = claims.aud;
    const first = Array.isArray(aud) ? aud[0] : aud;
    const sub =
      optionString(ctx.options, 'subFormat') === 'key-value'
        ? keyValueSubject(claims, optionStrings(ctx.options, 'subKeys') ?? ['org_id', 'context'])
        : gitpodSubject(claims.context);
    return { azp: first === undefined ? undefined : String(first), sub, repository: gitpodRepository(claims.context) };
  },
};
