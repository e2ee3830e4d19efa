/** What a profile is: data about one real IdP plus the small functions that shape its tokens. */
import type { ProfileName } from '../../scenario/model.js';
import type { KeyStyle } from '../keys.js';

export type Claims = Record<string, unknown>;
/**
 * Options from the scenario's `idp.options`. Every profile also honours `keys` (JWKS size at start),
 * `lifetime` (default token lifetime, seconds) and `header` (extra protected-header fields).
 */
export type ProfileOptions = Record<string, unknown>;

export interface MintContext {
  issuer: string;
  /** unix seconds of issuance */
  iat: number;
  /** unix seconds of expiry */
  exp: number;
  /** the `aud` claim value, as the profile shapes it */
  audience: string | string[];
  options: ProfileOptions;
  /** kid of the key that signs (some IdPs derive per-replica constants from their key) */
  signingKid: string;
}

export interface IdpProfile {
  name: ProfileName;
  defaultIssuer: string;
  defaultLifetimeSeconds: number;
  /** how many keys the JWKS lists at start (replicas / rotation overlap) */
  initialKeys: number;
  keyStyle: KeyStyle;
  /** the discovery document, with public (not loopback) URLs; its jwks_uri decides where the JWKS is served */
  discovery(issuer: string, options: ProfileOptions): Record<string, unknown>;
  /** turns the requested audience (undefined = default) into the `aud` claim; throws on what the IdP refuses */
  audience(requested: string | string[] | undefined, options: ProfileOptions): string | string[];
  /** the default claims, before overrides */
  defaults(ctx: MintContext): Claims;
  /**
   * claims computed from the merged claims (e.g. sub from context, azp from aud); each is applied unless the
   * case set that claim itself. An undefined value removes the claim.
   */
  derive(claims: Claims, ctx: MintContext): Claims;
}

export const optionString = (options: ProfileOptions, key: string): string | undefined =>
  typeof options[key] === 'string' ? (options[key] as string) : undefined;

export const optionStrings = (options: ProfileOptions, key: string): string[] | undefined =>
  Array.isArray(options[key]) ? (options[key] as unknown[]).map(String) : undefined;

export const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** one audience as a string, several as an array (GitHub, GitLab, Flex) */
export function singleOrArray(requested: string | string[] | undefined, fallback: string): string | string[] {
  if (requested === undefined) return fallback;
  if (typeof requested === 'string') return requested;
  return requested.length === 1 ? (requested[0] as string) : [...requested];
}

/** the issuer without a trailing slash, for joining paths */
export const issuerBase = (issuer: string): string => issuer.replace(/\/+$/, '');
