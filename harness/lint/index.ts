/** Public API of the trust-policy linter. */
export { lintScenario, lintContextOf, hasLintErrors } from './lint-scenario.js';
export { lintTrustPolicy } from './lint-trust-policy.js';
export { LINT_RULES } from './rules/index.js';
export type { LintContext, LintFinding, LintRule, LintSeverity } from './types.js';
