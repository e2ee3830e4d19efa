/**
 * Provider names as IAM writes them: the condition-key prefix is the provider URL without `https://`
 * (`api.gitpod.io/idp`), the principal is the provider ARN or, for built-in providers, the bare host.
 */
import { providerKeyPrefix } from '../policy/index.js';
import type { LintContext } from './types.js';

const OIDC_ARN = /^arn:[^:]+:iam::(\d*):oidc-provider\/(.+)$/;

/** `https://api.gitpod.io/idp` -> `api.gitpod.io/idp` */
export const prefixOfUrl = providerKeyPrefix;

/** The key prefix a Federated principal value stands for (an OIDC provider ARN or a bare host). */
export function prefixOfFederated(federated: string): { prefix: string; accountId?: string } {
  const m = OIDC_ARN.exec(federated);
  if (m) return { prefix: m[2]!, accountId: m[1] || undefined };
  return { prefix: federated };
}

/**
 * Splits `api.gitpod.io/idp:sub` into prefix and claim. Keys whose prefix holds no `.` are global or
 * service keys (`aws:`, `sts:`) and have no provider prefix.
 */
export function splitProviderKey(key: string): { prefix: string; claim: string } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = key.slice(0, colon);
  if (!prefix.includes('.')) return undefined;
  return { prefix, claim: key.slice(colon + 1) };
}

export const samePrefix = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The prefixes a statement's condition keys may use: its Federated principals, else the scenario's providers. */
export function statementPrefixes(federated: readonly string[], context: LintContext): string[] {
  if (federated.length > 0) return federated.map((f) => prefixOfFederated(f).prefix);
  return context.providers.map((p) => prefixOfUrl(p.url));
}

/** The provider URL for a prefix: the scenario's provider when one matches, else `https://<prefix>`. */
export function urlOfPrefix(prefix: string, context: LintContext): string {
  const p = context.providers.find((x) => samePrefix(prefixOfUrl(x.url), prefix));
  return p ? p.url : `https://${prefix}`;
}

export function clientIdsOfPrefix(prefix: string, context: LintContext): string[] | undefined {
  return context.providers.find((x) => samePrefix(prefixOfUrl(x.url), prefix))?.clientIds;
}
