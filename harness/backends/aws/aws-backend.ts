/**
 * Real AWS. Refuses to start unless the account behind the credentials is listed in
 * AWS_ALLOWED_ACCOUNT_IDS; everything the run creates carries the run tag and is deleted by reset/stop.
 * AWS enforces federation itself, so no gate is used. endpoint() is '' (the SDKs' own endpoints).
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HarnessError } from '../../errors.js';
import { createAdminClients } from '../../provision/clients.js';
import { RUN_ID, RUN_TAG_KEY } from '../run-tag.js';
import { deleteTaggedResources, type CleanupClients, type Sender } from '../tagged-cleanup.js';
import type { AwsCredentials, BackendBuilder, BackendStartOptions, StartedBackend, TargetDescription } from '../types.js';
import { readAwsSettings } from './aws-credentials.js';

export interface AwsClients extends CleanupClients {
  sts: Sender;
}

export interface AwsBackendOptions {
  env?: NodeJS.ProcessEnv;
  /** default `.env` in the working directory */
  envFile?: string;
  runId?: string;
  /** SDK clients for these credentials (fakes in tests) */
  clients?: (credentials: AwsCredentials, region: string) => AwsClients;
}

const sdkClients = (credentials: AwsCredentials, region: string): AwsClients => createAdminClients({ region, credentials });

function notThisAccount(wanted: string, actual: string): HarnessError {
  return new HarnessError(
    'AWS_ACCOUNT_NOT_ALLOWED',
    `the scenario names account ${wanted}, but these AWS credentials belong to account ${actual}; set aws.accountId to "${actual}"`,
  );
}

export class AwsBackend implements BackendBuilder {
  readonly kind = 'aws' as const;
  constructor(private readonly options: AwsBackendOptions = {}) {}

  async start(options: BackendStartOptions = {}): Promise<StartedAws> {
    const settings = readAwsSettings(this.options.env ?? process.env, this.options.envFile ?? '.env', options.region);
    const clients = (this.options.clients ?? sdkClients)(settings.credentials, settings.region);
    let account: string | undefined;
    try {
      account = ((await clients.sts.send(new GetCallerIdentityCommand({}))) as { Account?: string }).Account;
    } catch (error) {
      throw new HarnessError('BACKEND_START_FAILED', `AWS STS GetCallerIdentity failed: ${(error as Error).message}`, { cause: error });
    }
    if (!account) throw new HarnessError('BACKEND_START_FAILED', 'AWS STS GetCallerIdentity returned no account');
    if (!settings.allowedAccountIds.includes(account)) {
      throw new HarnessError(
        'AWS_ACCOUNT_NOT_ALLOWED',
        `refusing to create resources in AWS account ${account}: it is not listed in AWS_ALLOWED_ACCOUNT_IDS ` +
          `(${settings.allowedAccountIds.join(', ') || 'empty'}). List it there to allow this run.`,
      );
    }
    if (options.accountId && options.accountId !== account) throw notThisAccount(options.accountId, account);
    options.log?.(`real AWS: account ${account}, region ${settings.region}; resources tagged ${RUN_TAG_KEY}=${this.options.runId ?? RUN_ID}`);
    return new StartedAws(settings.credentials, settings.region, account, clients, this.options.runId ?? RUN_ID);
  }
}

export class StartedAws implements StartedBackend {
  constructor(
    private readonly creds: AwsCredentials,
    private readonly regionName: string,
    private readonly account: string,
    private readonly clients: AwsClients,
    private readonly runId: string,
  ) {}

  endpoint(): string {
    return '';
  }
  region(): string {
    return this.regionName;
  }
  credentials(): AwsCredentials {
    return this.creds;
  }
  accountId(): string {
    return this.account;
  }
  selectAccount(accountId: string): void {
    if (accountId !== this.account) throw notThisAccount(accountId, this.account);
  }
  requestHeaders(): Record<string, string> {
    return {};
  }
  describe(): TargetDescription {
    return { kind: 'aws', label: `AWS account ${this.account}`, enforcesFederation: true };
  }

  async reset(): Promise<void> {
    await deleteTaggedResources(this.clients, { key: RUN_TAG_KEY, value: this.runId });
  }

  async stop(): Promise<void> {
    await this.reset();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
