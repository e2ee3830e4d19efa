/** `aws-oidc-harness run`: validate and lint the scenarios, then drive Playwright Test over them. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/load.js';
import { settingsToEnv } from '../../fixtures/settings.js';
import { lintScenario } from '../../lint/index.js';
import { EXIT_FAILED, EXIT_OK } from '../exit.js';
import { allowUnmodelledOption, assumptionOption, endpointOption, enforceOption, targetOption, usageError, type TargetOptions } from '../options.js';
import { parseAssumptionOverrides } from '../../fixtures/assumption-overrides.js';
import { printFindingsSummary } from './lint.js';
import { parseShard, type Shard } from '../shard.js';
import { siblingModule } from '../../module-path.js';
import { onStopRequest } from '../stop-request.js';
import { sdkNodeWarningOnce } from '../sdk-node-warning.js';
import { localstackPreflight } from '../../backends/localstack/preflight.js';
import { isHarnessError } from '../../errors.js';
import { writeStartupFailureReports } from '../startup-failure-reports.js';

interface RunOptions extends TargetOptions {
  reportDir: string;
  probe?: boolean;
  shard?: Shard;
}

const RUN_CONFIG = siblingModule(import.meta.url, '../run.config');

export function registerRun(program: Command, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('run every case of the scenarios and write the reports')
    .argument('[paths...]', 'scenario files or directories (default: scenarios/)')
    .addOption(targetOption())
    .addOption(endpointOption())
    .addOption(enforceOption())
    .addOption(assumptionOption())
    .addOption(allowUnmodelledOption())
    .option('--report-dir <dir>', 'where reports are written', 'reports')
    .option('--probe', 'also send near-miss identities through the gate and report what they admit')
    .option('--shard <i/n>', 'run only the i-th of n slices of the cases (merge the shards with merge-reports)', parseShard)
    .action(async (paths: string[], options: RunOptions) => {
      setExit(await runCommand(paths.length ? paths : ['scenarios'], options));
    });
}

export async function runCommand(paths: string[], options: RunOptions): Promise<number> {
  const reportDir = path.resolve(options.reportDir);
  const resultsFile = path.join(reportDir, 'results.json');
  // Before anything can fail: a results.json left by an earlier run must not pass for this run's verdict.
  rmSync(resultsFile, { force: true });
  const assumptions = parseAssumptionOverrides(options.assumption);
  if (options.target === 'endpoint' && !options.endpoint && !process.env.AWS_ENDPOINT_URL) {
    throw usageError('--target endpoint needs --endpoint URL (or AWS_ENDPOINT_URL), e.g. --endpoint http://127.0.0.1:5000');
  }
  const scenarios = loadScenarios(paths);
  printFindingsSummary(scenarios.flatMap((s) => lintScenario(s)));
  mkdirSync(reportDir, { recursive: true });
  if (options.target === 'localstack') {
    try {
      await localstackPreflight((line) => process.stderr.write(`${line}\n`));
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      const enforcement = options.enforce === 'on' ? 'harness' : 'off';
      const reason = await writeStartupFailureReports(scenarios, { kind: 'localstack', enforcement }, error, reportDir);
      const count = scenarios.reduce((n, s) => n + s.cases.length, 0);
      process.stderr.write(`${reason}\n${count} cases: error (reports in ${reportDir})\n`);
      return EXIT_FAILED;
    }
  }
  const env = settingsToEnv({
    scenarioPaths: paths.map((p) => path.resolve(p)),
    target: options.target,
    endpoint: options.endpoint,
    enforce: options.enforce === 'on',
    reportDir,
    probe: options.probe === true,
    assumptions,
    allowUnmodelled: options.allowUnmodelled === true,
  });
  if (options.shard) env.HARNESS_SHARD = `${options.shard.current}/${options.shard.total}`;
  const sdkWarning = sdkNodeWarningOnce();
  if (sdkWarning.note) process.stderr.write(`${sdkWarning.note}\n`);
  const status = await runPlaywright({ ...env, ...sdkWarning.env }, options.shard);
  if (!existsSync(resultsFile)) writeAbortedResults(resultsFile, options);
  return status === 0 ? EXIT_OK : EXIT_FAILED;
}

function runPlaywright(env: Record<string, string>, shard: Shard | undefined): Promise<number> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const shardArgs = shard ? ['--shard', `${shard.current}/${shard.total}`] : [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'test', '--config', RUN_CONFIG, ...shardArgs], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    // SIGINT is Playwright's graceful stop (fixtures torn down, reports written); its SIGTERM skips both.
    const stopListening = onStopRequest(() => child.kill('SIGINT'));
    child.on('exit', (code) => {
      stopListening();
      resolve(code ?? EXIT_FAILED);
    });
  });
}

/** The contract: results.json is always written, even when the run aborts after loading the scenarios. */
function writeAbortedResults(file: string, options: RunOptions): void {
  const kind = options.target === 'auto' ? 'moto' : options.target;
  const results = {
    version: 1,
    target: { kind, enforcement: options.enforce === 'on' ? 'harness' : 'off' },
    cases: [],
    summary: { passed: 0, failed: 0, errors: 1 },
    aborted: 'the test runner ended before it reported any case',
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
