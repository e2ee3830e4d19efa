import type { PolicyJson } from '../policy/types.js';
import { LINT_RULES } from './rules/index.js';
import { trustStatements } from './trust-statements.js';
import type { LintContext, LintFinding, LintRule } from './types.js';

/** Static findings on one role's trust policy. Pure: no I/O. */
export function lintTrustPolicy(
  trustPolicy: PolicyJson,
  context: LintContext,
  rules: readonly LintRule[] = LINT_RULES,
): LintFinding[] {
  const input = { policy: trustPolicy, statements: trustStatements(trustPolicy), context };
  return rules.flatMap((rule) =>
    rule.check(input).map((hit) => ({
      scenario: context.scenarioId,
      role: context.roleName,
      rule: rule.id,
      severity: hit.severity ?? rule.severity,
      message: hit.message,
      path: hit.path,
    })),
  );
}
