/** The command line: `aws-oidc-harness <command>`. Nothing imports this folder. */
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT, reportError } from './exit.js';
import { registerRun } from './commands/run.js';
import { registerLint } from './commands/lint.js';
import { registerProbe } from './commands/probe.js';
import { registerUp } from './commands/up.js';
import { registerToken } from './commands/token.js';
import { registerIdp } from './commands/idp.js';
import { registerBench } from './commands/bench.js';
import { registerMergeReports } from './commands/merge-reports.js';
import { registerImport } from './commands/import.js';
import { harnessVersion } from './version.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('aws-oidc-harness')
    .description('End-to-end conformance harness for OIDC web-identity federation into AWS')
    .version(harnessVersion())
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerRun, registerLint, registerProbe, registerUp, registerToken, registerIdp, registerBench, registerMergeReports, registerImport]) {
    register(program, setExit);
  }
  applyExitOverride(program);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return EXIT_INPUT;
    }
    return reportError(error);
  }
}

function applyExitOverride(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) applyExitOverride(sub);
}
