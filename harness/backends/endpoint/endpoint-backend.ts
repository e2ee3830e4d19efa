/**
 * An emulator that is already running at an URL (`--endpoint` or AWS_ENDPOINT_URL). Its state is not ours
 * to wipe: reset() and stop() delete only what this run created (resources carrying its run tag).
 * The account is selected both ways emulators understand: a 12-digit access key id (LocalStack) and
 * moto's `x-moto-account-id` header.
 */
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../scenario/model.js';
import { HarnessError } from '../../errors.js';
import { createAdminClients } from '../../provision/clients.js';
import { HeaderSelectedAccount } from '../header-selected-account.js';
import { RUN_ID, RUN_TAG_KEY } from '../run-tag.js';
import { deleteTaggedResources } from '../tagged-cleanup.js';
import type { AwsCredentials, BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription } from '../types.js';
import { httpAnswers, waitUntilReady } from '../wait-until-ready.js';

export interface EndpointBackendOptions {
  /** default: AWS_ENDPOINT_URL */
  endpoint?: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  runId?: string;
}

export function endpointUrl(options: EndpointBackendOptions): string {
  const raw = options.endpoint ?? (options.env ?? process.env).AWS_ENDPOINT_URL;
  if (!raw) {
    throw new HarnessError('ENDPOINT_MISSING', '--target endpoint needs --endpoint URL or AWS_ENDPOINT_URL (e.g. http://localhost:4566)');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HarnessError('ENDPOINT_MISSING', `the endpoint ${JSON.stringify(raw)} is not a URL`);
  }
  return url.href.replace(/\/$/, '');
}

export class EndpointBackend implements BackendBuilder {
  readonly kind = 'endpoint' as const;
  constructor(private readonly options: EndpointBackendOptions = {}) {}

  async start(options: BackendStartOptions = {}): Promise<StartedEndpoint> {
    const url = endpointUrl(this.options);
    await waitUntilReady({
      what: `the emulator at ${url} to answer`,
      timeoutMs: this.options.readyTimeoutMs ?? 30_000,
      probe: httpAnswers(url, { timeoutMs: 2000 }),
    });
    return new StartedEndpoint(url, options.accountId ?? DEFAULT_ACCOUNT_ID, options.region ?? DEFAULT_REGION, this.options.runId ?? RUN_ID);
  }
}

export class StartedEndpoint extends HeaderSelectedAccount implements StartedBackend {
  constructor(
    private readonly url: string,
    account: string,
    region: string,
    private readonly runId: string,
  ) {
    super(account, region);
  }

  endpoint(): string {
    return this.url;
  }
  credentials(): AwsCredentials {
    return { accessKeyId: this.account, secretAccessKey: 'test' };
  }
  describe(): TargetDescription {
    return { kind: 'endpoint', label: this.url, enforcesFederation: false };
  }

  async reset(): Promise<void> {
    const clients = createAdminClients({
      endpoint: this.url,
      region: this.region(),
      credentials: this.credentials(),
      requestHeaders: this.requestHeaders(),
    });
    await deleteTaggedResources(clients, { key: RUN_TAG_KEY, value: this.runId });
  }

  async stop(): Promise<void> {
    await this.reset().catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
