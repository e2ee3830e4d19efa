/** Discovery -> jwks_uri -> JWKS, cached per issuer; refetched on demand (unknown kid) or on invalidate. */
import type { JWK } from 'jose';
import type { IssuerMap } from '../../idp/types.js';
import type { FetchLike } from '../types.js';
import { fetchJson, KeySourceUnavailable } from './fetch-json.js';

export interface KeyStoreOptions {
  issuers: IssuerMap;
  fetch: FetchLike;
  timeoutMs: () => number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class KeyStore {
  private readonly cache = new Map<string, Promise<JWK[]>>();
  /** how many times discovery was fetched per issuer (observable for tests and reports) */
  readonly discoveryFetches = new Map<string, number>();

  constructor(private readonly options: KeyStoreOptions) {}

  keys(issuer: string): Promise<JWK[]> {
    let entry = this.cache.get(issuer);
    if (!entry) {
      entry = this.load(issuer);
      this.cache.set(issuer, entry);
      entry.catch(() => this.cache.delete(issuer));
    }
    return entry;
  }

  /** Drops the cached keys and fetches them again. */
  refresh(issuer: string): Promise<JWK[]> {
    this.invalidate(issuer);
    return this.keys(issuer);
  }

  invalidate(issuer?: string): void {
    if (issuer === undefined) this.cache.clear();
    else this.cache.delete(issuer);
  }

  private async load(issuer: string): Promise<JWK[]> {
    const { issuers, fetch } = this.options;
    const timeoutMs = this.options.timeoutMs();
    this.discoveryFetches.set(issuer, (this.discoveryFetches.get(issuer) ?? 0) + 1);
    const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const discovery = await fetchJson(discoveryUrl, issuers, fetch, timeoutMs);
    const jwksUri = isObject(discovery) ? discovery['jwks_uri'] : undefined;
    if (typeof jwksUri !== 'string' || jwksUri === '') {
      throw new KeySourceUnavailable(`${discoveryUrl} has no jwks_uri`);
    }
    const jwks = await fetchJson(jwksUri, issuers, fetch, timeoutMs);
    const keys = isObject(jwks) ? jwks['keys'] : undefined;
    if (!Array.isArray(keys)) throw new KeySourceUnavailable(`${jwksUri} is not a JWK set (no keys array)`);
    return keys.filter(isObject) as JWK[];
  }
}
