/**
 * The one verdict of a run that every report leads with. A run is not "passed" while a case failed, a trust
 * policy has a lint error, or the probe found an identity admitted that no case expected.
 */
import { findingCounts, type FindingCounts } from './findings.js';
import type { RunReport } from './model.js';

export interface RunVerdict {
  status: 'passed' | 'failed' | 'error' | 'none';
  /** why it is not clean, in words: `2 of 8 cases failed`, `5 lint errors`, `3 identities admitted by probe` */
  problems: string[];
  counts: FindingCounts;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function runVerdict(report: RunReport): RunVerdict {
  const { passed, failed, errors } = report.summary;
  const total = passed + failed + errors;
  const counts = findingCounts(report);
  const problems: string[] = [];
  if (failed > 0) problems.push(`${failed} of ${total} cases failed`);
  if (errors > 0) problems.push(`${plural(errors, 'case', 'cases')} could not run`);
  if (counts.lintErrors > 0) problems.push(plural(counts.lintErrors, 'lint error', 'lint errors'));
  if (counts.probeAdmitted > 0) problems.push(`${plural(counts.probeAdmitted, 'identity', 'identities')} admitted by probe`);
  const failing = failed > 0 || counts.lintErrors > 0 || counts.probeAdmitted > 0;
  const status = failing ? 'failed' : errors > 0 ? 'error' : total === 0 ? 'none' : 'passed';
  return { status, problems, counts };
}
