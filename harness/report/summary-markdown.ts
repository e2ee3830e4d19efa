import { escapeMarkdownCell as cell } from './escape.js';
import type { CaseResult, RunReport } from './model.js';
import { STATUS_ICON, STATUS_LABEL, failuresFirst, outcomesText } from './outcome-text.js';

/** A short Markdown summary for a CI step summary or a PR comment: totals, per-scenario counts, the failures. */
export function toSummaryMarkdown(report: RunReport): string {
  const { passed, failed, errors } = report.summary;
  const verdict = failed + errors === 0 ? '✅ all cases passed' : `❌ ${failed + errors} of ${passed + failed + errors} cases did not pass`;
  const target = [report.target.label ?? report.target.kind, `enforcement: ${report.target.enforcement}`, ...(report.target.reason ? [report.target.reason] : [])].join(', ');
  const lines = [
    `## aws-oidc-harness: ${verdict}`,
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
  const failures = failuresFirst(report.cases).filter((c) => c.status !== 'passed');
  if (failures.length > 0) {
    lines.push('### Cases that did not pass', '', '| Status | Scenario | Case | Expected | Observed |', '| --- | --- | --- | --- | --- |');
    for (const c of failures) {
      const observed = outcomesText(c.observed) + (c.observed.message ? ` (${c.observed.message})` : '');
      lines.push(`| ${STATUS_ICON[c.status]} ${STATUS_LABEL[c.status]} | ${cell(c.scenario)} | ${cell(c.case)} | ${cell(outcomesText(c.expected))} | ${cell(observed)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
