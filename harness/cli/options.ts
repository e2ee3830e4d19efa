/** Options and parsing shared by the commands. */
import { Option, type Command } from 'commander';
import type { TargetChoice } from '../backends/types.js';
import { HarnessError } from '../errors.js';
import { DEFAULT_ENV_FILE } from './env-file.js';

export function targetOption(): Option {
  return new Option('--target <target>', 'where AWS is emulated: auto (LocalStack when Docker answers, else moto)')
    .choices(['auto', 'moto', 'localstack', 'endpoint', 'aws'])
    .default('auto');
}

export function enforceOption(): Option {
  return new Option('--enforce <mode>', 'on: the harness enforces AWS federation rules; off: the raw emulator')
    .choices(['on', 'off'])
    .default('on');
}

export function allowUnmodelledOption(): Option {
  return new Option(
    '--allow-unmodelled',
    'let sessions call operations the gate does not model (forwarded unauthorized, marked "not enforced" in every report)',
  );
}

export function endpointOption(): Option {
  return new Option('--endpoint <url>', 'an already running emulator (target endpoint); default AWS_ENDPOINT_URL');
}

export function assumptionOption(): Option {
  return new Option('--assumption <name=value>', 'override a named gate assumption (repeatable), e.g. noKidTriesAllKeys=false')
    .argParser(collect)
    .default([]);
}

export interface TargetOptions {
  target: TargetChoice;
  endpoint?: string;
  enforce: 'on' | 'off';
  assumption: string[];
  allowUnmodelled?: boolean;
}

export function usageError(message: string): HarnessError {
  return new HarnessError('USAGE', message);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * `--env-file PATH` is the contract's name. Node itself also reads `--env-file` from its command line, and under
 * `npx` that includes ours: Node 20 and 22 exit 9 (`node: PATH: not found`) before npx starts when PATH does not
 * exist yet (nodejs/node#54232). `--env-path` is the same option under a name Node leaves alone.
 */
export interface EnvFileOptions {
  envFile?: string;
  envPath?: string;
}

export function addEnvFileOptions(command: Command, description: string): Command {
  return command
    .option('--env-file <path>', `${description} (default ${DEFAULT_ENV_FILE})`)
    .option('--env-path <path>', 'the same as --env-file, under a name that Node does not read when run through npx');
}

export function envFileOf(options: EnvFileOptions): string {
  if (options.envFile && options.envPath && options.envFile !== options.envPath) {
    throw usageError(`--env-file ${options.envFile} and --env-path ${options.envPath} name different files: give one`);
  }
  return options.envPath ?? options.envFile ?? DEFAULT_ENV_FILE;
}
