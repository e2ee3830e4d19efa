/** The shape of reports/bench.json. */
export type FigureName =
  | 'coldStartMs'
  | 'overheadRatio'
  | 'evaluationsPerSecond'
  | 'thousandCasesSeconds'
  | 'tokenVerificationsPerSecond'
  | 'peakMemoryMb';

export interface Goal {
  /** `max`: the median must be at most `value`; `min`: at least */
  kind: 'max' | 'min';
  value: number;
}

export interface Figure {
  median: number;
  runs: number[];
  unit: string;
  goal?: Goal;
  met?: boolean;
  /** what was measured, beyond the number (iteration counts, per-path medians, case counts) */
  details?: Record<string, unknown>;
}

export interface BenchReport {
  version: 1;
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; totalMemoryMb: number; node: string; platform: string; arch: string; loadAverage1m: number };
  target: string;
  goals: Partial<Record<FigureName, Goal>>;
  figures: Record<FigureName, Figure>;
  coldStartMs: number;
  overheadRatio: number;
  evaluationsPerSecond: number;
  thousandCasesSeconds: number;
  tokenVerificationsPerSecond: number;
  peakMemoryMb: number;
}

/** How many runs and iterations each figure uses. */
export interface BenchPlan {
  runs: number;
  quick: boolean;
  /** interleaved pairs (gate, direct) per overhead run */
  overheadIterations: number;
  /** CPU milliseconds per evaluator run */
  evaluationMs: number;
  /** wall milliseconds per token-verification run */
  verificationMs: number;
  /** cases in the generated scenario (1,000 unless quick) */
  scenarioCases: number;
  /** runs of the generated scenario (each is a full CLI run) */
  scenarioRuns: number;
}
