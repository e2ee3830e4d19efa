/** `--target auto`: LocalStack when a Docker engine answers, else moto. */
import { dockerAnswers } from './docker.js';
import type { BackendBuilder, BackendStartOptions, StartedBackend, TargetKind } from './types.js';

export interface AutoChoice {
  kind: 'localstack' | 'moto';
  reason: string;
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
  ) {}

  get kind(): TargetKind {
    return this.chosen;
  }

  async start(options: BackendStartOptions = {}): Promise<StartedBackend> {
    const choice = await chooseAutoTarget(this.docker);
    this.chosen = choice.kind;
    options.log?.(`--target auto: using ${choice.kind} (${choice.reason})`);
    return this.build(choice.kind).start(options);
  }
}
