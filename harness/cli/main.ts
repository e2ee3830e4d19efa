/** The command line: `aws-oidc-harness <command>`. Nothing imports this folder. */
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT, reportError } from './exit.js';
import { harnessVersion } from './version.js';

type Register = (program: Command, setExit: (code: number) => void) => void;

/**
 * One line per command, loaded only when that command runs (or for the full help): `--version` and `token` must
 * not pay for the AWS SDK, Playwright and testcontainers that `run` and `up` import.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./commands/run.js')).registerRun,
  lint: async () => (await import('./commands/lint.js')).registerLint,
  probe: async () => (await import('./commands/probe.js')).registerProbe,
  up: async () => (await import('./commands/up.js')).registerUp,
  wait: async () => (await import('./commands/wait.js')).registerWait,
  token: async () => (await import('./commands/token.js')).registerToken,
  idp: async () => (await import('./commands/idp.js')).registerIdp,
  bench: async () => (await import('./commands/bench.js')).registerBench,
  'merge-reports': async () => (await import('./commands/merge-reports.js')).registerMergeReports,
  import: async () => (await import('./commands/import.js')).registerImport,
};

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
  try {
    for (const load of commandsToLoad(argv.slice(2))) (await load())(program, setExit);
    applyExitOverride(program);
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

/** The named command alone; none for `--version`; all of them for help, `help <command>` and unknown names. */
function commandsToLoad(args: readonly string[]): (() => Promise<Register>)[] {
  const first = args[0];
  if (first === '--version' || first === '-V') return [];
  const named = first === undefined ? undefined : Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  return named ? [named] : Object.values(COMMANDS);
}

function applyExitOverride(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) applyExitOverride(sub);
}
