/** Public issuer URLs <-> loopback paths: https://api.gitpod.io/idp <-> <origin>/i/api.gitpod.io/idp. */
import type { IssuerMap } from './types.js';

const stripSlash = (s: string): string => s.replace(/\/+$/, '');

/** the loopback path prefix serving `issuer` (no trailing slash) */
export function issuerLocalPath(issuer: string): string {
  const url = new URL(issuer);
  return `/i/${url.host}${stripSlash(url.pathname)}`;
}

export class IssuerTable implements IssuerMap {
  private readonly issuers = new Set<string>();

  constructor(private readonly origin: () => string) {}

  add(issuer: string): void {
    issuerLocalPath(issuer); // throws TypeError on a malformed URL
    this.issuers.add(issuer);
  }

  has(issuer: string): boolean {
    return this.issuers.has(issuer);
  }

  list(): string[] {
    return [...this.issuers];
  }

  localBase(issuer: string): string | undefined {
    return this.issuers.has(issuer) ? this.origin() + issuerLocalPath(issuer) : undefined;
  }

  toLocal(url: string): string | undefined {
    for (const issuer of this.byLongestFirst()) {
      const base = stripSlash(issuer);
      if (url === issuer || url === base || url.startsWith(base + '/')) {
        return this.origin() + issuerLocalPath(issuer) + url.slice(base.length).replace(/^\/$/, '');
      }
    }
    return undefined;
  }

  /** which served issuer a request path belongs to, and the path under it (e.g. `/keys`) */
  route(pathname: string): { issuer: string; rest: string } | undefined {
    for (const issuer of this.byLongestFirst()) {
      const prefix = issuerLocalPath(issuer);
      if (pathname === prefix || pathname.startsWith(prefix + '/')) return { issuer, rest: pathname.slice(prefix.length) };
    }
    return undefined;
  }

  private byLongestFirst(): string[] {
    return [...this.issuers].sort((a, b) => b.length - a.length);
  }
}
