/** `aws-oidc-harness lint`: static findings on every trust policy of the scenarios. */
import path from 'node:path';
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/model.js';
import { lintScenario, type LintFinding } from '../../lint/index.js';
import { EXIT_FAILED, EXIT_OK } from '../exit.js';

export function registerLint(program: Command, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('lint the trust policies of the scenarios (exit 1 on any error finding)')
    .argument('[paths...]', 'scenario files or directories (default: scenarios/)')
    .option('--json', 'print the findings as a JSON array')
    .action((paths: string[], options: { json?: boolean }) => {
      const scenarios = loadScenarios(paths.length ? paths : ['scenarios']);
      const findings = scenarios.flatMap((s) => lintScenario(s));
      if (options.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
      else printFindings(findings, locator(scenarios));
      setExit(findings.some((f) => f.severity === 'error') ? EXIT_FAILED : EXIT_OK);
    });
}

/** Where a finding sits: `<scenario file>: aws.roles[i].trustPolicy.<path>`. */
export function locator(scenarios: readonly Scenario[]): (finding: LintFinding) => string {
  return (finding) => {
    const scenario = scenarios.find((s) => s.id === finding.scenario);
    const index = scenario?.aws.roles.findIndex((r) => r.name === finding.role) ?? -1;
    if (!scenario || index < 0) return finding.path;
    return `${path.relative(process.cwd(), scenario.file)}: aws.roles[${index}].trustPolicy.${finding.path}`;
  };
}

export function printFindings(
  findings: readonly LintFinding[],
  locate: (finding: LintFinding) => string = (f) => f.path,
  write = (t: string) => process.stdout.write(t),
): void {
  if (findings.length === 0) {
    write('no findings\n');
    return;
  }
  for (const f of findings) {
    write(`${f.severity.padEnd(7)} ${locate(f)}\n        ${f.rule} (role ${f.role}): ${f.message}\n`);
  }
  write(`${countLine(findings)}\n`);
}

/** Before a run: one line per finding of severity error or warning, to stderr. */
export function printFindingsSummary(findings: readonly LintFinding[]): void {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return;
  process.stderr.write('lint findings (see the report for details):\n');
  for (const f of shown) process.stderr.write(`  ${f.severity} ${f.scenario}/${f.role} ${f.rule}: ${f.message}\n`);
}

function countLine(findings: readonly LintFinding[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
}
