/** The goals of issue 8. Figures without a goal are reported, not judged. */
import type { FigureName, Goal } from './types.js';

export const GOALS: Partial<Record<FigureName, Goal>> = {
  overheadRatio: { kind: 'max', value: 1.15 },
  evaluationsPerSecond: { kind: 'min', value: 200_000 },
  thousandCasesSeconds: { kind: 'max', value: 30 },
};

export function meets(goal: Goal, value: number): boolean {
  return goal.kind === 'max' ? value <= goal.value : value >= goal.value;
}
