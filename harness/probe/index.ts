/** Public API of the near-miss prober. */
export { generateNearMisses, otherGitpodIssuer } from './generate-near-misses.js';
export { evaluateProbeLocally, probeClaims } from './evaluate-probe-locally.js';
export { probeScenarioLocally, failsStrictProbe } from './probe-scenario.js';
export { isExpectedAdmission, unexpectedAdmissions } from './expected-admissions.js';
export { ciGrammar } from './ci-subject-variants.js';
export type { ProbeFinding, ProbeIdentity } from './types.js';
