import type { Scenario } from '../scenario/model.js';
import { evaluateProbeLocally } from './evaluate-probe-locally.js';
import { generateNearMisses } from './generate-near-misses.js';
import type { ProbeFinding } from './types.js';

/** Every near miss of every role in the scenario, decided locally. */
export function probeScenarioLocally(scenario: Scenario): ProbeFinding[] {
  return scenario.aws.roles.flatMap((role) =>
    generateNearMisses(scenario, role).map((identity) => evaluateProbeLocally(scenario, role, identity)),
  );
}

/** `run --probe` fails when a strict role admitted a near miss. */
export const failsStrictProbe = (findings: readonly ProbeFinding[]): boolean =>
  findings.some((f) => f.admitted && f.strict);
