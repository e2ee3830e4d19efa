/**
 * Which admitted near misses the scenario expected: those whose identity a case already states is allowed
 * for the same role. Two tokens are the same identity when AWS builds the same condition keys from them
 * (same provider, same `:sub`, `:aud`, provider-specific keys), which is all a trust policy can see.
 */
import { oidcContextKeys } from '../policy/index.js';
import type { Scenario, TokenSpec } from '../scenario/model.js';
import { probeClaims } from './evaluate-probe-locally.js';
import type { ProbeFinding } from './types.js';

function identityKey(scenario: Scenario, token: TokenSpec): string {
  const issuer = token.issuer ?? scenario.idp.issuer;
  const keys = oidcContextKeys(issuer, probeClaims(scenario, token, issuer));
  return JSON.stringify([issuer, Object.entries(keys).sort(([a], [b]) => a.localeCompare(b))]);
}

/** The cases of the scenario that expect `role` to admit them, as identity keys. */
function allowedIdentities(scenario: Scenario, role: string): Set<string> {
  const cases = scenario.cases.filter((c) => c.assume.role === role && c.expect.assume === 'allowed' && !c.token.tamper);
  return new Set(cases.map((c) => identityKey(scenario, c.token)));
}

export function isExpectedAdmission(scenario: Scenario, finding: ProbeFinding): boolean {
  return finding.admitted && allowedIdentities(scenario, finding.role).has(identityKey(scenario, finding.identity.token));
}

/** Admitted near misses no case of their scenario expected: what `probe` fails on. */
export function unexpectedAdmissions(scenarios: readonly Scenario[], findings: readonly ProbeFinding[]): ProbeFinding[] {
  return findings.filter((f) => {
    if (!f.admitted) return false;
    const scenario = scenarios.find((s) => s.id === f.scenario);
    return scenario === undefined || !isExpectedAdmission(scenario, f);
  });
}
