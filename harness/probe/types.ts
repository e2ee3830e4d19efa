/** Public types of the near-miss prober (issue 7). */
import type { TokenSpec } from '../scenario/model.js';

/** A token one step away from what a trust statement admits. */
export interface ProbeIdentity {
  /** short, unique within a role, e.g. `sub: look-alike owner "acme-evil"` */
  label: string;
  /** what the probe stands for and why a policy should refuse it */
  why: string;
  token: TokenSpec;
  /** the Allow statement the probe was derived from, e.g. `Statement[0]` */
  statementPath: string;
}

export interface ProbeFinding {
  scenario: string;
  role: string;
  identity: ProbeIdentity;
  /** the near miss was admitted (a finding worth reading) */
  admitted: boolean;
  /** the role is `strict`: an admitted probe fails the run */
  strict: boolean;
  /** how the decision was reached (local evaluation or the gate), for reports */
  explanation?: string[];
}
