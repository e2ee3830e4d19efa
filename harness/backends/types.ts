/**
 * One shape for every AWS backend (moto, LocalStack, an existing endpoint, real AWS): a builder whose
 * start() returns a started handle. Nothing outside harness/backends asks which backend it is.
 */
export type TargetKind = 'moto' | 'localstack' | 'endpoint' | 'aws';
export type TargetChoice = TargetKind | 'auto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TargetDescription {
  kind: TargetKind;
  /** human text for reports: `moto 5.2.1`, `localstack/localstack:4.14.0`, `http://localhost:4566`, `AWS account 1234...` */
  label: string;
  /** true when the target itself enforces AWS's rules (real AWS): the harness gate is not used */
  enforcesFederation: boolean;
  /** why this target runs: `--target localstack`, `--target auto: a Docker engine answers`, a fallback's cause */
  reason?: string;
}

export interface StartedBackend extends AsyncDisposable {
  /** base URL for every AWS service (one port for all services) */
  endpoint(): string;
  region(): string;
  /** administrator credentials of the emulated account */
  credentials(): AwsCredentials;
  /** account id used for new resources */
  accountId(): string;
  /**
   * Switch the emulated account that credentials()/requestHeaders() address (scenarios name their own
   * account id; one backend serves many scenarios). Real AWS refuses any id but its own (coded error).
   * `region`: the scenario's region, for backends whose reset() must know where resources were made.
   */
  selectAccount(accountId: string, region?: string): void;
  /**
   * Headers the backend needs on every request sent to endpoint() (e.g. moto's `x-moto-account-id` to
   * honour the scenario's account). The gate adds them when forwarding.
   */
  requestHeaders(): Record<string, string>;
  describe(): TargetDescription;
  /** remove every resource (between scenarios) */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface BackendStartOptions {
  accountId?: string;
  region?: string;
  /** progress lines for the terminal (e.g. "installing moto into .harness/venv") */
  log?: (line: string) => void;
}

export interface BackendBuilder {
  readonly kind: TargetKind;
  start(options?: BackendStartOptions): Promise<StartedBackend>;
}
