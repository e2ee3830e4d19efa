/**
 * Any OIDC issuer: every field settable. Options: `jwksPath` (default /.well-known/jwks.json), `discovery`
 * (fields merged over the minimal document), `audienceArray` (true: aud always an array), plus the options
 * every profile honours (types.ts).
 */
import { rsaJwk } from '../keys.js';
import { issuerBase, optionString, singleOrArray, type IdpProfile, type ProfileOptions } from './types.js';

const jwksPathOf = (options: ProfileOptions): string => optionString(options, 'jwksPath') ?? '/.well-known/jwks.json';
const objectOption = (options: ProfileOptions, key: string): Record<string, unknown> =>
  typeof options[key] === 'object' && options[key] !== null ? (options[key] as Record<string, unknown>) : {};

export const generic: IdpProfile = {
  name: 'generic',
  defaultIssuer: 'https://idp.example.com',
  defaultLifetimeSeconds: 3600,
  initialKeys: 1,
  keyStyle: {
    kid: (_material, index) => `key-${index}`,
    jwk: rsaJwk,
    header: () => ({ typ: 'JWT' }),
  },
  discovery: (issuer, options) => ({
    issuer,
    jwks_uri: `${issuerBase(issuer)}${jwksPathOf(options)}`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    ...objectOption(options, 'discovery'),
  }),
  audience: (requested, options) => {
    const aud = singleOrArray(requested, 'sts.amazonaws.com');
    return options.audienceArray === true && typeof aud === 'string' ? [aud] : aud;
  },
  defaults: (ctx) => ({ iss: ctx.issuer, sub: 'generic-subject', aud: ctx.audience, iat: ctx.iat, exp: ctx.exp }),
  derive: () => ({}),
};
