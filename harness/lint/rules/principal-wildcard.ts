import { oidcProviderArn } from '../../scenario/index.js';
import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

/** `Principal: "*"` (or NotPrincipal) in an Allow lets anyone who satisfies the conditions assume the role. */
export const principalWildcard: LintRule = {
  id: 'principal-wildcard',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      if (!s.principalWildcard && !s.hasNotPrincipal) continue;
      const what = s.hasNotPrincipal ? 'NotPrincipal' : 'a wildcard Principal';
      hits.push({
        path: `${s.path}.${s.hasNotPrincipal ? 'NotPrincipal' : 'Principal'}`,
        message:
          `This Allow uses ${what}: any principal, not only ${context.issuer}, may assume the role when the ` +
          `conditions hold. Name the provider: "Principal": {"Federated": "${oidcProviderArn(context.accountId, context.issuer)}"}.`,
      });
    }
    return hits;
  },
};
