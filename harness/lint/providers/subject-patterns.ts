/** Every positive `sub` pattern of a provider kind in the Allow statements, and "does it admit this token?". */
import { conditionAdmitsValue } from '../admits.js';
import { isAllow, isPositiveMatch, type ConditionEntry, type TrustStatement } from '../trust-statements.js';
import type { LintContext } from '../types.js';
import { parseGithubSubject, type GithubSubjectPattern } from './github-subject.js';
import { prefixesOfKind, type ProviderKind } from './provider-kind.js';
import { claimConditions, statementAdmitsClaims } from './statement-admits.js';

export interface SubjectPattern {
  statement: TrustStatement;
  prefix: string;
  condition: ConditionEntry;
  /** one value of the condition */
  value: string;
}

export function subjectPatterns(statements: readonly TrustStatement[], context: LintContext, kind: ProviderKind): SubjectPattern[] {
  const out: SubjectPattern[] = [];
  for (const statement of statements.filter(isAllow)) {
    for (const prefix of prefixesOfKind(statement, context, kind)) {
      for (const condition of claimConditions(statement, prefix, 'sub').filter(isPositiveMatch)) {
        for (const value of condition.values) out.push({ statement, prefix, condition, value });
      }
    }
  }
  return out;
}

/** This pattern value matches the token's sub, and the whole statement admits the token. */
export function patternAdmits(p: SubjectPattern, token: Record<string, unknown>, context: LintContext): boolean {
  const sub = token['sub'];
  if (typeof sub !== 'string' || !conditionAdmitsValue({ ...p.condition, values: [p.value] }, sub)) return false;
  return statementAdmitsClaims(p.statement, p.prefix, token, context);
}

/** GitHub `sub` patterns with their `repo:OWNER/REPO:CONTEXT` parts; values outside that grammar are left out. */
export function githubSubjectPatterns(statements: readonly TrustStatement[], context: LintContext): (SubjectPattern & { parsed: GithubSubjectPattern })[] {
  return subjectPatterns(statements, context, 'github').flatMap((p) => {
    const parsed = parseGithubSubject(p.value);
    return parsed ? [{ ...p, parsed }] : [];
  });
}
