/**
 * Probes through the real gate: every near-miss identity of every role becomes a case that expects a
 * denial; an admitted one is a finding for review (a failure only for a `strict` role).
 */
import { generateNearMisses, type ProbeFinding, type ProbeIdentity } from '../probe/index.js';
import type { CaseSpec, RoleSpec, Scenario } from '../scenario/model.js';
import type { RunContext } from './context.js';
import { runCase } from './run-case.js';

export async function runProbes(ctx: RunContext, scenario: Scenario): Promise<ProbeFinding[]> {
  const findings: ProbeFinding[] = [];
  for (const role of scenario.aws.roles) {
    for (const identity of generateNearMisses(scenario, role)) {
      const result = await runCase(ctx, scenario, probeCase(role, identity));
      findings.push({
        scenario: scenario.id,
        role: role.name,
        identity,
        admitted: result.observed.assume === 'allowed',
        strict: role.strict,
        explanation: [`the gate answered ${result.observed.assume ?? 'nothing'}`, ...result.explanation],
      });
    }
  }
  return findings;
}

function probeCase(role: RoleSpec, identity: ProbeIdentity): CaseSpec {
  return {
    name: `probe ${role.name}: ${identity.label}`,
    token: identity.token,
    assume: { role: role.name },
    reads: [],
    idpFaults: [],
    expect: { assume: 'AccessDenied', reads: {} },
    path: identity.statementPath,
  };
}
