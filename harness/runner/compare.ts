/** Observed vs expected: the contract's `status` rule. */
import type { CaseSpec, Scenario } from '../scenario/model.js';
import type { CaseDetails, CaseResult } from '../report/model.js';
import type { StepOutcome } from './outcome.js';

export function compareOutcomes(
  scenario: Scenario,
  spec: CaseSpec,
  assume: StepOutcome,
  reads: Record<string, StepOutcome>,
  explanation: string[],
  details: CaseDetails,
): CaseResult {
  const observedReads: Record<string, string | null> = {};
  for (const secret of spec.reads) observedReads[secret] = reads[secret]?.outcome ?? null;
  const expectedReads = spec.expect.reads;
  const mismatches: string[] = [];
  if (assume.outcome !== spec.expect.assume) {
    mismatches.push(`assume: expected ${spec.expect.assume}, observed ${assume.outcome}`);
  }
  if (spec.expect.message !== undefined && assume.message !== spec.expect.message) {
    mismatches.push(`message: expected ${JSON.stringify(spec.expect.message)}, observed ${JSON.stringify(assume.message)}`);
  }
  for (const [secret, expected] of Object.entries(expectedReads)) {
    const observed = observedReads[secret] ?? null;
    if (observed !== expected) mismatches.push(`read ${secret}: expected ${expected}, observed ${observed ?? 'not run'}`);
  }
  return {
    scenario: scenario.id,
    case: spec.name,
    status: mismatches.length === 0 ? 'passed' : 'failed',
    expected: {
      assume: spec.expect.assume,
      reads: expectedReads,
      ...(spec.expect.message !== undefined ? { message: spec.expect.message } : {}),
    },
    observed: { assume: assume.outcome, message: assume.message, reads: observedReads },
    explanation: mismatches.length ? [...mismatches.map((m) => `MISMATCH ${m}`), ...explanation] : explanation,
    details,
  };
}
