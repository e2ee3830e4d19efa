/**
 * LocalStack in a container (testcontainers), on a network of its own where it answers as `localstack`.
 * LocalStack Community 4.14 has no state-reset endpoint, so reset() deletes every IAM role, policy, OIDC
 * provider and secret in each account and region this run addressed (the container is the run's own).
 * The account of each call is the 12-digit access key id (LocalStack's rule), so credentials() follow the
 * selected account.
 */
import { LocalstackContainer, type StartedLocalStackContainer } from '@testcontainers/localstack';
import { Network, type StartedNetwork } from 'testcontainers';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../scenario/model.js';
import { HarnessError, isHarnessError } from '../../errors.js';
import { createAdminClients } from '../../provision/clients.js';
import { dockerClient } from '../docker.js';
import { deleteMatchingResources } from '../tagged-cleanup.js';
import type { AwsCredentials, BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription } from '../types.js';
import { DEFAULT_PULL_BUDGET, ensureImage, remedy, type PullBudget } from './ensure-image.js';
import { localstackCredentials, resolveLocalstackConfig, type LocalstackConfig } from './localstack-config.js';

export const LOCALSTACK_NETWORK_ALIAS = 'localstack';

export interface LocalstackBackendOptions {
  env?: NodeJS.ProcessEnv;
  /** how long LocalStack may take to print Ready. (default 120 s) */
  startTimeoutMs?: number;
  pullBudget?: PullBudget;
  /** starts the container (tests inject a fake) */
  startContainer?: (config: LocalstackConfig, startTimeoutMs: number, log: (line: string) => void) => Promise<RunningLocalstack>;
}

/** what StartedLocalstack needs of the running container */
export interface RunningLocalstack {
  getConnectionUri(): string;
  stop(): Promise<unknown>;
  /** the network it is on, as containers on it reach it */
  network?: { name: string; alias: string; started: StartedNetwork };
}

async function startContainer(config: LocalstackConfig, startTimeoutMs: number, log: (line: string) => void, pullBudget: PullBudget, env: NodeJS.ProcessEnv): Promise<RunningLocalstack> {
  const client = await dockerClient(env);
  await ensureImage(client, config.image, log, pullBudget);
  log(`starting ${config.image} (waiting up to ${Math.round(startTimeoutMs / 1000)} s for Ready.)`);
  const network = await new Network().start();
  let container: StartedLocalStackContainer;
  try {
    container = await new LocalstackContainer(config.image)
      .withNetwork(network)
      .withNetworkAliases(LOCALSTACK_NETWORK_ALIAS)
      .withEnvironment(config.environment)
      .withStartupTimeout(startTimeoutMs)
      .start();
  } catch (error) {
    await network.stop().catch(() => undefined);
    throw error;
  }
  return {
    getConnectionUri: () => container.getConnectionUri(),
    network: { name: network.getName(), alias: LOCALSTACK_NETWORK_ALIAS, started: network },
    stop: async () => {
      await container.stop().catch(() => undefined);
      await (network as StartedNetwork).stop().catch(() => undefined);
    },
  };
}

function startError(error: unknown, image: string): HarnessError {
  if (isHarnessError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/container runtime/i.test(message)) {
    return new HarnessError('DOCKER_UNAVAILABLE', `no Docker engine answers, so ${image} cannot run: ${message}`, { cause: error });
  }
  if (/licen[cs]e|exit code:? 55|auth token/i.test(message)) {
    return new HarnessError('LOCALSTACK_AUTH_REQUIRED', `${image} refused to start without a valid LOCALSTACK_AUTH_TOKEN: ${message}`, { cause: error });
  }
  if (/no such image|not found|pull access denied/i.test(message)) {
    return new HarnessError('LOCALSTACK_IMAGE_UNAVAILABLE', `LocalStack image ${image} is not available: ${message}. ${remedy(image)}`, { cause: error });
  }
  return new HarnessError('BACKEND_START_FAILED', `could not start LocalStack image ${image}: ${message}. ${remedy(image)}`, { cause: error });
}

export class LocalstackBackend implements BackendBuilder {
  readonly kind = 'localstack' as const;
  constructor(private readonly options: LocalstackBackendOptions = {}) {}

  async start(options: BackendStartOptions = {}): Promise<StartedLocalstack> {
    const env = this.options.env ?? process.env;
    const config = resolveLocalstackConfig(env);
    const log = options.log ?? (() => undefined);
    const timeout = this.options.startTimeoutMs ?? 120_000;
    const began = Date.now();
    let container: RunningLocalstack;
    try {
      container = this.options.startContainer
        ? await this.options.startContainer(config, timeout, log)
        : await startContainer(config, timeout, log, this.options.pullBudget ?? DEFAULT_PULL_BUDGET, env);
    } catch (error) {
      throw startError(error, config.image);
    }
    log(`${config.image} ready in ${((Date.now() - began) / 1000).toFixed(1)} s at ${container.getConnectionUri()}`);
    return new StartedLocalstack(container, config.image, options.accountId ?? DEFAULT_ACCOUNT_ID, options.region ?? DEFAULT_REGION);
  }
}

export class StartedLocalstack implements StartedBackend {
  /** account -> regions this run addressed: what reset() empties */
  private readonly touched = new Map<string, Set<string>>();

  constructor(
    private readonly container: RunningLocalstack,
    private readonly image: string,
    private account: string,
    private readonly regionName: string,
  ) {
    this.touch(account, regionName);
  }

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
  selectAccount(accountId: string, region?: string): void {
    localstackCredentials(accountId);
    this.account = accountId;
    this.touch(accountId, region ?? this.regionName);
  }
  requestHeaders(): Record<string, string> {
    return {};
  }
  /** LocalStack's Docker network: other containers (the IdP, clients) join it */
  dockerNetwork(): StartedNetwork | undefined {
    return this.container.network?.started;
  }
  /** how containers on the LocalStack network reach it, e.g. http://localstack:4566 */
  networkEndpoint(): string | undefined {
    return this.container.network ? `http://${this.container.network.alias}:4566` : undefined;
  }
  describe(): TargetDescription {
    return { kind: 'localstack', label: this.image, enforcesFederation: false };
  }

  async reset(): Promise<void> {
    for (const [accountId, regions] of this.touched) {
      for (const region of regions) {
        const clients = createAdminClients({ endpoint: this.endpoint(), region, credentials: localstackCredentials(accountId) });
        // IAM is global: the first region's pass empties it, later passes find no roles or policies
        await deleteMatchingResources({ iam: clients.iam, secrets: clients.secrets }, () => true);
      }
    }
  }

  async stop(): Promise<void> {
    await this.container.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private touch(accountId: string, region: string): void {
    const regions = this.touched.get(accountId) ?? new Set<string>();
    regions.add(region);
    this.touched.set(accountId, regions);
  }
}
