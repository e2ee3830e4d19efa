/** Principal / NotPrincipal: compiled once, matched against the request principal. */
import type { RequestPrincipal } from './types.js';

export interface CompiledPrincipal {
  /** `"*"` or `{"AWS": "*"}` */
  wildcard: boolean;
  awsArns: ReadonlySet<string>;
  awsAccounts: ReadonlySet<string>;
  federated: ReadonlySet<string>;
  service: ReadonlySet<string>;
  /** the element as written, for explanations */
  text: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The account id when the AWS principal value names a whole account (bare id or `:root`), else undefined. */
export function accountOf(awsValue: string): string | undefined {
  if (ACCOUNT_ID.test(awsValue)) return awsValue;
  return ACCOUNT_ROOT.exec(awsValue)?.[1];
}

export function compilePrincipal(element: unknown): CompiledPrincipal {
  const awsArns = new Set<string>();
  const awsAccounts = new Set<string>();
  let wildcard = element === '*';
  const obj = element !== null && typeof element === 'object' && !Array.isArray(element) ? (element as Record<string, unknown>) : {};
  for (const v of asStrings(obj['AWS'])) {
    const account = accountOf(v);
    if (v === '*') wildcard = true;
    else if (account) awsAccounts.add(account);
    else awsArns.add(v);
  }
  return {
    wildcard,
    awsArns,
    awsAccounts,
    federated: new Set(asStrings(obj['Federated'])),
    service: new Set(asStrings(obj['Service'])),
    text: JSON.stringify(element),
  };
}

/** What in the request matched: `*`, an ARN, `account:<id>`, the provider, the service; undefined = no match. */
export function matchPrincipal(p: CompiledPrincipal, principal: RequestPrincipal): string | undefined {
  if (p.wildcard) return '*';
  switch (principal.kind) {
    case 'federated':
      return p.federated.has(principal.provider) ? principal.provider : undefined;
    case 'service':
      return p.service.has(principal.service) ? principal.service : undefined;
    case 'aws': {
      for (const arn of principal.arns) {
        if (p.awsArns.has(arn)) return arn;
        const account = accountOf(arn);
        if (account !== undefined && p.awsAccounts.has(account)) return `account:${account}`;
      }
      return p.awsAccounts.has(principal.accountId) ? `account:${principal.accountId}` : undefined;
    }
  }
}

export function describePrincipal(principal: RequestPrincipal): string {
  switch (principal.kind) {
    case 'federated':
      return `Federated ${principal.provider}`;
    case 'service':
      return `Service ${principal.service}`;
    case 'aws':
      return `AWS ${principal.arns[0] ?? principal.accountId}`;
  }
}
