import type { Scenario } from '../scenario/model.js';
import { lintTrustPolicy } from './lint-trust-policy.js';
import type { LintContext, LintFinding } from './types.js';

export function lintContextOf(scenario: Scenario, roleName: string): LintContext {
  return {
    providers: scenario.aws.providers,
    issuer: scenario.idp.issuer,
    profile: scenario.idp.profile,
    profileOptions: scenario.idp.options,
    accountId: scenario.aws.accountId,
    scenarioId: scenario.id,
    roleName,
  };
}

/** Findings on every role's trust policy in the scenario, role by role. */
export function lintScenario(scenario: Scenario): LintFinding[] {
  return scenario.aws.roles.flatMap((role) => lintTrustPolicy(role.trustPolicy, lintContextOf(scenario, role.name)));
}

/** `lint` exits 1 when any finding is an error. */
export const hasLintErrors = (findings: readonly LintFinding[]): boolean => findings.some((f) => f.severity === 'error');
