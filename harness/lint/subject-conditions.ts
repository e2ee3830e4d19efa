/** The conditions a statement places on one provider's `sub`, and the provider prefixes to check. */
import { samePrefix, splitProviderKey, statementPrefixes } from './provider-prefix.js';
import type { ConditionEntry, TrustStatement } from './trust-statements.js';
import type { LintContext } from './types.js';

export interface SubjectConditions {
  prefix: string;
  key: string;
  conditions: ConditionEntry[];
}

export function subjectConditions(s: TrustStatement, context: LintContext): SubjectConditions[] {
  return statementPrefixes(s.federated, context).map((prefix) => ({
    prefix,
    key: `${prefix}:sub`,
    conditions: s.conditions.filter((c) => {
      const key = splitProviderKey(c.key);
      return key !== undefined && samePrefix(key.prefix, prefix) && key.claim.toLowerCase() === 'sub';
    }),
  }));
}
