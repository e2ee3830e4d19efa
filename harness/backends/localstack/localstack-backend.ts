/** LocalStack in a container (testcontainers). Reset via its state endpoint; the container dies on stop. */
import { LocalstackContainer, type StartedLocalStackContainer } from '@testcontainers/localstack';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../scenario/model.js';
import { HarnessError } from '../../errors.js';
import type { AwsCredentials, BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription } from '../types.js';
import { localstackCredentials, resolveLocalstackConfig, type LocalstackConfig } from './localstack-config.js';

export interface LocalstackBackendOptions {
  env?: NodeJS.ProcessEnv;
  /** starts the container (tests inject a fake) */
  startContainer?: (config: LocalstackConfig) => Promise<StartedLocalStackContainer>;
}

const startContainer = (config: LocalstackConfig) => new LocalstackContainer(config.image).withEnvironment(config.environment).start();

function startError(error: unknown, image: string): HarnessError {
  const message = error instanceof Error ? error.message : String(error);
  if (/container runtime/i.test(message)) {
    return new HarnessError('DOCKER_UNAVAILABLE', `no Docker engine answers, so ${image} cannot run: ${message}`, { cause: error });
  }
  if (/licen[cs]e|exit code:? 55|auth token/i.test(message)) {
    return new HarnessError('LOCALSTACK_AUTH_REQUIRED', `${image} refused to start without a valid LOCALSTACK_AUTH_TOKEN: ${message}`, { cause: error });
  }
  return new HarnessError('BACKEND_START_FAILED', `could not start ${image}: ${message}`, { cause: error });
}

export class LocalstackBackend implements BackendBuilder {
  readonly kind = 'localstack' as const;
  constructor(private readonly options: LocalstackBackendOptions = {}) {}

  async start(options: BackendStartOptions = {}): Promise<StartedLocalstack> {
    const config = resolveLocalstackConfig(this.options.env ?? process.env);
    options.log?.(`starting ${config.image} (testcontainers)`);
    let container: StartedLocalStackContainer;
    try {
      container = await (this.options.startContainer ?? startContainer)(config);
    } catch (error) {
      throw startError(error, config.image);
    }
    return new StartedLocalstack(container, config.image, options.accountId ?? DEFAULT_ACCOUNT_ID, options.region ?? DEFAULT_REGION);
  }
}

export class StartedLocalstack implements StartedBackend {
  constructor(
    private readonly container: Pick<StartedLocalStackContainer, 'getConnectionUri' | 'stop'>,
    private readonly image: string,
    private account: string,
    private readonly regionName: string,
  ) {}

  endpoint(): string {
    return this.container.getConnectionUri();
  }
  region(): string {
    return this.regionName;
  }
  credentials(): AwsCredentials {
    return localstackCredentials(this.account);
  }
  accountId(): string {
    return this.account;
  }
  selectAccount(accountId: string): void {
    localstackCredentials(accountId);
    this.account = accountId;
  }
  requestHeaders(): Record<string, string> {
    return {};
  }
  describe(): TargetDescription {
    return { kind: 'localstack', label: this.image, enforcesFederation: false };
  }

  async reset(): Promise<void> {
    const response = await fetch(`${this.endpoint()}/_localstack/state/reset`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
    await response.body?.cancel();
    if (!response.ok) throw new HarnessError('BACKEND_NOT_READY', `LocalStack refused POST /_localstack/state/reset: HTTP ${response.status}`);
  }

  async stop(): Promise<void> {
    await this.container.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
