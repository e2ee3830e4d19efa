/** moto's server as a backend: a local process on a free loopback port, one account per request header. */
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../scenario/model.js';
import { HarnessError } from '../../errors.js';
import { freePort } from '../free-port.js';
import { HeaderSelectedAccount } from '../header-selected-account.js';
import type { AwsCredentials, BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription } from '../types.js';
import { resolveMotoCommand, type LauncherOptions } from './moto-launcher.js';
import { MotoProcess } from './moto-process.js';

export { MOTO_ACCOUNT_HEADER } from '../header-selected-account.js';

export interface MotoBackendOptions extends Omit<LauncherOptions, 'log'> {
  /** how long to wait for the server to answer (default 30 s) */
  startTimeoutMs?: number;
}

export class MotoBackend implements BackendBuilder {
  readonly kind = 'moto' as const;
  constructor(private readonly options: MotoBackendOptions = {}) {}

  async start(options: BackendStartOptions = {}): Promise<StartedMoto> {
    const command = await resolveMotoCommand({ ...this.options, log: options.log });
    const env = { ...process.env };
    delete env.MOTO_ACCOUNT_ID;
    const proc = await MotoProcess.start(command, await freePort(), this.options.startTimeoutMs ?? 30_000, env);
    return new StartedMoto(proc, command.version, options.accountId ?? DEFAULT_ACCOUNT_ID, options.region ?? DEFAULT_REGION);
  }
}

export class StartedMoto extends HeaderSelectedAccount implements StartedBackend {
  constructor(
    private readonly proc: MotoProcess,
    private readonly version: string | undefined,
    account: string,
    region: string,
  ) {
    super(account, region);
  }

  /** the server's process id (tests check it is gone after stop) */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  endpoint(): string {
    return this.proc.endpoint;
  }
  credentials(): AwsCredentials {
    return { accessKeyId: 'testing', secretAccessKey: 'testing' };
  }
  describe(): TargetDescription {
    return { kind: 'moto', label: this.version ? `moto ${this.version}` : 'moto (version unknown)', enforcesFederation: false };
  }

  async reset(): Promise<void> {
    const response = await fetch(`${this.endpoint()}/moto-api/reset`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    if (!response.ok) throw new HarnessError('BACKEND_NOT_READY', `moto refused POST /moto-api/reset: HTTP ${response.status}`);
  }

  async stop(): Promise<void> {
    await this.proc.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
