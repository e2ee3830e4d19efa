import { escapeXml } from './escape.js';
import type { CaseResult, RunReport } from './model.js';
import { differences, outcomesText } from './outcome-text.js';

/** JUnit XML for CI test tabs: one <testsuite> per scenario, one <testcase> per case (classname = scenario). */
export function toJunitXml(report: RunReport): string {
  const byScenario = new Map<string, CaseResult[]>();
  for (const c of report.cases) byScenario.set(c.scenario, [...(byScenario.get(c.scenario) ?? []), c]);
  const { passed, failed, errors } = report.summary;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aws-oidc-harness" tests="${passed + failed + errors}" failures="${failed}" errors="${errors}" time="${seconds(totalMs(report.cases))}">`,
  ];
  for (const [scenario, cases] of byScenario) {
    const count = (s: CaseResult['status']) => cases.filter((c) => c.status === s).length;
    lines.push(
      `  <testsuite name="${escapeXml(scenario)}" tests="${cases.length}" failures="${count('failed')}" errors="${count('error')}" skipped="0" time="${seconds(totalMs(cases))}">`,
    );
    for (const c of cases) lines.push(...testcase(c));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testcase(c: CaseResult): string[] {
  const open = `    <testcase classname="${escapeXml(c.scenario)}" name="${escapeXml(c.case)}" time="${seconds(c.details?.durationMs ?? 0)}"`;
  if (c.status === 'passed') return [`${open}/>`];
  const body = [
    `expected: ${outcomesText(c.expected)}`,
    `observed: ${outcomesText(c.observed)}`,
    ...(c.observed.message !== null ? [`${c.status === 'error' ? 'reason' : 'AWS error message'}: ${c.observed.message}`] : []),
    ...(c.explanation.length > 0 ? ['', 'explanation:', ...c.explanation.map((line) => `- ${line}`)] : []),
  ].join('\n');
  const element = c.status === 'failed' ? 'failure' : 'error';
  const message = c.status === 'failed' ? differences(c).join('; ') || 'outcome differs' : (c.observed.message ?? 'the case could not be run');
  return [
    `${open}>`,
    `      <${element} message="${escapeXml(message)}" type="${c.status === 'failed' ? 'OutcomeMismatch' : 'CaseError'}">${escapeXml(body)}</${element}>`,
    '    </testcase>',
  ];
}

function totalMs(cases: readonly CaseResult[]): number {
  return cases.reduce((sum, c) => sum + (c.details?.durationMs ?? 0), 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
