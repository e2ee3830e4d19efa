import { escapeMarkdownCell as cell } from './escape.js';
import { admittedIdentities, findingsOf, isProbeFinding } from './findings.js';
import type { CaseResult, Finding, RunReport } from './model.js';
import { STATUS_ICON, STATUS_LABEL, admittedAgainstDenial, failuresFirst, outcomesText } from './outcome-text.js';
import { runVerdict, type RunVerdict } from './verdict.js';

/**
 * A short Markdown summary for a CI step summary or a PR comment: the run's verdict (cases, lint errors and
 * identities the probe found admitted), per-scenario counts, the failures, and the lint and probe findings.
 */
export function toSummaryMarkdown(report: RunReport): string {
  const { passed, failed, errors } = report.summary;
  const verdict = runVerdict(report);
  const target = [report.target.label ?? report.target.kind, `enforcement: ${report.target.enforcement}`, ...(report.target.reason ? [report.target.reason] : [])].join(', ');
  const lines = [
    `## aws-oidc-harness: ${headline(verdict, passed + failed + errors)}`,
    '',
    `**${passed} passed, ${failed} failed, ${errors} errors** · target ${cell(target)}` +
      (report.harnessVersion ? ` · harness ${cell(report.harnessVersion)}` : ''),
    '',
  ];
  const scenarios = [...new Set(report.cases.map((c) => c.scenario))];
  if (scenarios.length > 0) {
    lines.push('| Scenario | Passed | Failed | Errors |', '| --- | ---: | ---: | ---: |');
    for (const scenario of scenarios) {
      const cases = report.cases.filter((c) => c.scenario === scenario);
      const n = (s: CaseResult['status']) => cases.filter((c) => c.status === s).length;
      lines.push(`| ${cell(scenario)} | ${n('passed')} | ${n('failed')} | ${n('error')} |`);
    }
    lines.push('');
  } else {
    lines.push('No cases ran.', '');
  }
  lines.push(...failureLines(report), ...lintLines(report, verdict), ...probeLines(report, verdict));
  return `${lines.join('\n')}`;
}

function headline(verdict: RunVerdict, total: number): string {
  if (verdict.problems.length > 0) return `❌ ${verdict.problems.join(', ')}`;
  if (total === 0) return 'no cases ran';
  const lint = verdict.counts.lintRan ? ', no lint errors' : '';
  const probe = verdict.counts.probeRan ? ', probe admitted no unexpected identity' : '';
  return `✅ all ${total} cases passed${lint}${probe}`;
}

function failureLines(report: RunReport): string[] {
  const failures = failuresFirst(report.cases).filter((c) => c.status !== 'passed');
  if (failures.length === 0) return [];
  const lines = ['### Cases that did not pass', '', '| Status | Scenario | Case | Expected | Observed |', '| --- | --- | --- | --- | --- |'];
  for (const c of failures) {
    const observed = outcomesText(c.observed) + (c.observed.message ? ` (${c.observed.message})` : '');
    const status = `${STATUS_ICON[c.status]} ${STATUS_LABEL[c.status]}${admittedAgainstDenial(c) ? ' (admitted, expected denial)' : ''}`;
    lines.push(`| ${status} | ${cell(c.scenario)} | ${cell(c.case)} | ${cell(outcomesText(c.expected))} | ${cell(observed)} |`);
  }
  return [...lines, ''];
}

const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✗', warning: '!', info: 'i' };

function lintLines(report: RunReport, verdict: RunVerdict): string[] {
  const { lintRan, lintErrors, lintWarnings } = verdict.counts;
  if (!lintRan) return ['### Lint', '', 'Lint did not run.', ''];
  const lint = findingsOf(report).filter((f) => !isProbeFinding(f));
  if (lint.length === 0) return ['### Lint', '', 'No findings.', ''];
  const lines = [`### Lint findings (${lintErrors} errors, ${lintWarnings} warnings)`, '', '| Severity | Rule | Scenario | Role | Finding | Location |', '| --- | --- | --- | --- | --- | --- |'];
  for (const f of lint) {
    lines.push(`| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${cell(f.rule)} | ${cell(f.scenario)} | ${cell(f.role)} | ${cell(f.message)} | ${f.path ? cell(f.path) : '—'} |`);
  }
  return [...lines, ''];
}

function probeLines(report: RunReport, verdict: RunVerdict): string[] {
  if (!verdict.counts.probeRan) return ['### Probe', '', 'Probe not run (run with `--probe` to send near-miss identities through the gate).', ''];
  const probe = findingsOf(report).filter(isProbeFinding);
  if (probe.length === 0) return ['### Probe', '', 'Probe ran: no identity the scenarios did not expect was admitted.', ''];
  const lines = [`### Probe: ${verdict.counts.probeAdmitted} unexpected identities admitted`, '', '| Status | Scenario | Role | Identity admitted | Location |', '| --- | --- | --- | --- | --- |'];
  for (const f of probe) {
    const ids = admittedIdentities(f);
    const shown = ids.length ? ids : [{ label: f.message, claims: [] }];
    for (const a of shown) {
      const claims = a.claims.filter(([k]) => k === 'sub' || k === 'aud').map(([k, v]) => `${k}: ${v}`);
      lines.push(`| ✗ FAIL | ${cell(f.scenario)} | ${cell(f.role)} | ${cell([a.label, ...claims].join(' · '))} | ${f.path ? cell(f.path) : '—'} |`);
    }
  }
  return [...lines, ''];
}
