import type { RunReport } from './model.js';

/** results.json as the public contract defines it (results.schema.json beside this file), keys in a stable order. */
export function toResultsJson(report: RunReport): string {
  const ordered = {
    version: report.version,
    target: report.target,
    harnessVersion: report.harnessVersion,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    cases: report.cases.map((c) => ({
      scenario: c.scenario,
      case: c.case,
      status: c.status,
      expected: c.expected,
      observed: { ...c.observed, message: c.observed.message ?? null },
      explanation: c.explanation ?? [],
      details: c.details,
    })),
    roles: report.roles,
    findings: report.findings,
    checked: report.checked,
    summary: report.summary,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
