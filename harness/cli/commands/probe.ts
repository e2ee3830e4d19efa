/** `aws-oidc-harness probe`: near-miss identities for every Allow statement, sent through the real gate. */
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/load.js';
import { startEnvironment } from '../../fixtures/environment.js';
import { unexpectedAdmissions, type ProbeFinding } from '../../probe/index.js';
import { runProbes } from '../../runner/run-probes.js';
import { EXIT_FAILED, EXIT_OK } from '../exit.js';
import { endpointOption, targetOption, type TargetOptions } from '../options.js';
import { sdkNodeWarningOnce } from '../sdk-node-warning.js';

export function registerProbe(program: Command, setExit: (code: number) => void): void {
  program
    .command('probe')
    .description('send near-miss identities through the gate and list what each trust policy admits beyond its intent')
    .argument('[paths...]', 'scenario files or directories (default: scenarios/)')
    .addOption(targetOption())
    .addOption(endpointOption())
    .option('--json', 'print the findings as JSON')
    .option(
      '--no-fail-on-admitted',
      'exit 0 even when a near miss no case expects is admitted (by default such an admission exits 1)',
    )
    .action(async (paths: string[], options: Omit<TargetOptions, 'enforce'> & { json?: boolean; failOnAdmitted: boolean }) => {
      const scenarios = loadScenarios(paths.length ? paths : ['scenarios']);
      const sdkWarning = sdkNodeWarningOnce();
      Object.assign(process.env, sdkWarning.env);
      if (sdkWarning.note) process.stderr.write(`${sdkWarning.note}\n`);
      const environment = await startEnvironment({ ...options, enforce: true, assumptions: {} }, { log: (l) => process.stderr.write(`${l}\n`) });
      const findings: ProbeFinding[] = [];
      try {
        for (const scenario of scenarios) findings.push(...(await runProbes(await environment.prepare(scenario), scenario)));
      } finally {
        await environment.close();
      }
      const unexpected = new Set(unexpectedAdmissions(scenarios, findings));
      if (options.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
      else printProbeFindings(findings, unexpected);
      setExit(options.failOnAdmitted && unexpected.size > 0 ? EXIT_FAILED : EXIT_OK);
    });
}

function printProbeFindings(findings: readonly ProbeFinding[], unexpected: ReadonlySet<ProbeFinding>): void {
  const admitted = findings.filter((f) => f.admitted);
  for (const f of admitted) {
    const claims = JSON.stringify(f.identity.token.claims);
    const expected = unexpected.has(f) ? '' : ' (a case expects it)';
    process.stdout.write(`ADMITTED ${f.scenario} / ${f.role}${f.strict ? ' (strict)' : ''}${expected}: ${f.identity.label}\n`);
    process.stdout.write(`         ${f.identity.why}\n         claims ${claims}${f.identity.token.audience ? ` audience ${JSON.stringify(f.identity.token.audience)}` : ''}\n`);
  }
  process.stdout.write(
    `${findings.length} near-miss identities sent through the gate, ${admitted.length} admitted, ${unexpected.size} not expected by any case\n`,
  );
}
