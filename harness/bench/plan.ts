/** How much each figure measures: full counts by default, tiny ones with --quick (the smoke test). */
import type { BenchPlan } from './types.js';

export const DEFAULT_RUNS = 5;

export function benchPlan(options: { runs?: number; quick?: boolean }): BenchPlan {
  const quick = options.quick === true;
  const runs = options.runs ?? (quick ? 2 : DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  return quick
    ? { runs, quick, overheadIterations: 5, evaluationMs: 50, verificationMs: 50, scenarioCases: 10, scenarioRuns: 1 }
    : { runs, quick, overheadIterations: 200, evaluationMs: 1000, verificationMs: 1000, scenarioCases: 1000, scenarioRuns: runs };
}
