/**
 * `--target auto`: LocalStack when a Docker engine answers and LocalStack starts; moto otherwise. When Docker
 * answers but LocalStack cannot start (no image, a failed or stalled pull, a start timeout), auto falls back
 * to moto within about a minute and says so: on the terminal and, through describe().reason, in every report.
 */
import { isHarnessError } from '../errors.js';
import { dockerAnswers } from './docker.js';
import type { BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription, TargetKind } from './types.js';

export interface AutoChoice {
  kind: 'localstack' | 'moto';
  reason: string;
}

/** Remembers a fallback across the processes of one run (Playwright restarts workers after a failed test). */
export interface FallbackMemory {
  recalled(): string | undefined;
  remember(reason: string): void;
}

export async function chooseAutoTarget(docker: () => Promise<boolean> = dockerAnswers): Promise<AutoChoice> {
  return (await docker())
    ? { kind: 'localstack', reason: 'a Docker engine answers' }
    : { kind: 'moto', reason: 'no Docker engine answers' };
}

/** Decides at start(); `kind` reports the choice once made ('moto' before). */
export class AutoBackend implements BackendBuilder {
  private chosen: TargetKind = 'moto';
  constructor(
    private readonly build: (kind: 'localstack' | 'moto') => BackendBuilder,
    private readonly docker: () => Promise<boolean> = dockerAnswers,
    private readonly memory?: FallbackMemory,
  ) {}

  get kind(): TargetKind {
    return this.chosen;
  }

  async start(options: BackendStartOptions = {}): Promise<StartedBackend> {
    const recalled = this.memory?.recalled();
    const choice: AutoChoice = recalled ? { kind: 'moto', reason: recalled } : await chooseAutoTarget(this.docker);
    if (choice.kind === 'moto') return this.startMoto(options, recalled ? `--target auto fell back to moto: ${recalled}` : `--target auto: using moto (${choice.reason})`);
    options.log?.(`--target auto: trying localstack (${choice.reason}); moto if it cannot start`);
    try {
      const started = await this.build('localstack').start(options);
      this.chosen = 'localstack';
      return withReason(started, `--target auto: ${choice.reason} and LocalStack started`);
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      const reason = `LocalStack could not start (${error.code}: ${error.message})`;
      this.memory?.remember(reason);
      return this.startMoto(options, `--target auto fell back to moto: ${reason}`);
    }
  }

  private async startMoto(options: BackendStartOptions, reason: string): Promise<StartedBackend> {
    options.log?.(reason);
    this.chosen = 'moto';
    return withReason(await this.build('moto').start(options), reason);
  }
}

/** the started backend, its description carrying why it was chosen */
function withReason(started: StartedBackend, reason: string): StartedBackend {
  const describe = (): TargetDescription => ({ ...started.describe.call(started), reason });
  return new Proxy(started, {
    get(target, property, receiver) {
      if (property === 'describe') return describe;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
