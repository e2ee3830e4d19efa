/** `aws-oidc-harness bench` (`npm run bench`): the harness's own speed, written to <report-dir>/bench.json. */
import path from 'node:path';
import type { Command } from 'commander';
import { benchPlan } from '../../bench/plan.js';
import { formatTable, writeReport } from '../../bench/report.js';
import { runBench } from '../../bench/run-bench.js';
import { EXIT_OK } from '../exit.js';
import { usageError } from '../options.js';
import { sdkNodeWarningOnce } from '../sdk-node-warning.js';

interface BenchCliOptions {
  reportDir: string;
  runs?: string;
  quick?: boolean;
}

export function registerBench(program: Command, setExit: (code: number) => void): void {
  program
    .command('bench')
    .description('measure cold start, gate overhead, evaluator and verification speed, and a 1,000-case run (embedded backend)')
    .option('--report-dir <dir>', 'where bench.json is written', 'reports')
    .option('--runs <n>', 'runs per figure (medians are reported)')
    .option('--quick', 'tiny counts, to check that the bench runs (figures not comparable)')
    .action(async (options: BenchCliOptions) => {
      const runs = options.runs === undefined ? undefined : Number(options.runs);
      if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw usageError(`--runs must be a positive integer, got ${options.runs}`);
      const plan = benchPlan({ runs, quick: options.quick });
      const sdkWarning = sdkNodeWarningOnce();
      Object.assign(process.env, sdkWarning.env);
      if (sdkWarning.note) process.stderr.write(`${sdkWarning.note}\n`);
      const report = await runBench({ plan, log: (line) => process.stderr.write(`bench: ${line}\n`) });
      const file = writeReport(report, path.resolve(options.reportDir));
      process.stdout.write(`${formatTable(report)}\n\nwritten: ${displayPath(file)}\n`);
      setExit(EXIT_OK);
    });
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
