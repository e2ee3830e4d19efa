/** Reports for a run that could not start its target: every case an `error` naming the reason. */
import type { TargetKind } from '../backends/types.js';
import { buildRunReport, writeReportFiles } from '../report/index.js';
import { caseNotRun } from '../runner/run-case.js';
import type { Scenario } from '../scenario/model.js';
import { startupFailureReason } from '../fixtures/startup-failure.js';

export async function writeStartupFailureReports(
  scenarios: readonly Scenario[],
  target: { kind: TargetKind; enforcement: 'harness' | 'target' | 'off' },
  error: unknown,
  reportDir: string,
): Promise<string> {
  const reason = startupFailureReason(target.kind, error);
  const cases = scenarios.flatMap((scenario) => scenario.cases.map((spec) => caseNotRun(scenario, spec, reason)));
  const now = new Date().toISOString();
  const report = buildRunReport({ target: { ...target, label: `${target.kind} (did not start)`, reason: `--target ${target.kind}` }, startedAt: now, finishedAt: now }, cases);
  await writeReportFiles(report, reportDir);
  return reason;
}
