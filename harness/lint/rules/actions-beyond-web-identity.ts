import { isAllow } from '../trust-statements.js';
import type { LintRule, RuleHit } from '../types.js';

const WEB_IDENTITY_ACTIONS = new Set(['sts:assumerolewithwebidentity', 'sts:tagsession']);

/** A federated Allow should grant sts:AssumeRoleWithWebIdentity (and sts:TagSession), nothing else. */
export const actionsBeyondWebIdentity: LintRule = {
  id: 'actions-beyond-web-identity',
  severity: 'warning',
  check({ statements }) {
    const hits: RuleHit[] = [];
    for (const s of statements.filter(isAllow)) {
      if (s.federated.length === 0 && !s.principalWildcard) continue;
      if (s.notActions.length > 0) {
        hits.push({
          path: `${s.path}.NotAction`,
          severity: 'error',
          message: 'NotAction in a federated Allow grants every other STS action. List "sts:AssumeRoleWithWebIdentity" in Action instead.',
        });
      }
      for (const action of s.actions) {
        if (WEB_IDENTITY_ACTIONS.has(action.toLowerCase())) continue;
        const wildcard = action.includes('*') || action.includes('?');
        hits.push({
          path: `${s.path}.Action`,
          severity: wildcard ? 'error' : 'warning',
          message:
            `"${action}" ${wildcard ? 'grants more than web-identity federation' : 'is not a web-identity action'}. ` +
            'Keep only "sts:AssumeRoleWithWebIdentity" (and "sts:TagSession" when the token carries session tags).',
        });
      }
    }
    return hits;
  },
};
