/** Options and parsing shared by the commands. */
import { Option } from 'commander';
import type { TargetChoice } from '../backends/types.js';
import { HarnessError } from '../errors.js';

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
