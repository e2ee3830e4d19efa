import { oidcProviderArn } from '../../scenario/index.js';
import { prefixOfFederated, prefixOfUrl, samePrefix } from '../provider-prefix.js';
import type { LintRule, RuleHit } from '../types.js';

/**
 * A Federated principal for another provider than the scenario's issuer: tokens from the issuer never match.
 * Error when the scenario creates no such provider either (or it sits in another account), warning otherwise.
 */
export const federatedOtherProvider: LintRule = {
  id: 'federated-other-provider',
  severity: 'error',
  check({ statements, context }) {
    const hits: RuleHit[] = [];
    const issuerPrefix = prefixOfUrl(context.issuer);
    const expected = oidcProviderArn(context.accountId, context.issuer);
    for (const s of statements) {
      s.federated.forEach((value, i) => {
        const { prefix, accountId } = prefixOfFederated(value);
        const otherAccount = accountId !== undefined && accountId !== context.accountId;
        if (samePrefix(prefix, issuerPrefix) && !otherAccount) return;
        const provisioned = context.providers.some((p) => samePrefix(prefixOfUrl(p.url), prefix));
        const path = `${s.path}.Principal.Federated${s.federated.length > 1 ? `[${i}]` : ''}`;
        hits.push({
          path,
          severity: provisioned && !otherAccount ? 'warning' : 'error',
          message: otherAccount
            ? `"${value}" names a provider in account ${accountId}, but the role lives in ${context.accountId}: ` +
              `STS only matches providers of the role's account. Use "${expected}".`
            : `"${value}" trusts provider "${prefix}", but the scenario's issuer is ${context.issuer}` +
              `${provisioned ? '' : ' and no provider for it is created'}: tokens from the issuer never match ` +
              `this statement. Use "${expected}".`,
        });
      });
    }
    return hits;
  },
};
