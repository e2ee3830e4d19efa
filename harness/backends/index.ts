/** Public entry of harness/backends: one builder per target, chosen by name. */
import { AutoBackend, type FallbackMemory } from './auto.js';
import { AwsBackend, type AwsBackendOptions } from './aws/aws-backend.js';
import { EndpointBackend, type EndpointBackendOptions } from './endpoint/endpoint-backend.js';
import { LocalstackBackend, type LocalstackBackendOptions } from './localstack/localstack-backend.js';
import { MotoBackend, type MotoBackendOptions } from './moto/moto-backend.js';
import type { BackendBuilder, TargetChoice } from './types.js';

export interface CreateBackendOptions {
  /** for `endpoint`: the emulator's URL (default AWS_ENDPOINT_URL) */
  endpoint?: string;
  moto?: MotoBackendOptions;
  localstack?: LocalstackBackendOptions;
  aws?: AwsBackendOptions;
  endpointOptions?: Omit<EndpointBackendOptions, 'endpoint'>;
  /** for `auto` (tests inject it) */
  dockerAnswers?: () => Promise<boolean>;
  /** for `auto`: a fallback already decided by another process of the run */
  fallbackMemory?: FallbackMemory;
}

/** Under `auto`, LocalStack gets about a minute to pull and start before moto takes over. */
export const AUTO_LOCALSTACK_BUDGET = { startTimeoutMs: 60_000, pullBudget: { totalMs: 60_000, stallMs: 30_000, progressEveryMs: 5_000 } };

export function createBackend(choice: TargetChoice, options: CreateBackendOptions = {}): BackendBuilder {
  switch (choice) {
    case 'moto':
      return new MotoBackend(options.moto);
    case 'localstack':
      return new LocalstackBackend(options.localstack);
    case 'endpoint':
      return new EndpointBackend({ ...options.endpointOptions, endpoint: options.endpoint });
    case 'aws':
      return new AwsBackend(options.aws);
    case 'auto':
      return new AutoBackend(
        (kind) => createBackend(kind, kind === 'localstack' ? { ...options, localstack: { ...AUTO_LOCALSTACK_BUDGET, ...options.localstack } } : options),
        options.dockerAnswers,
        options.fallbackMemory,
      );
    default:
      throw new TypeError(`unknown target ${String(choice satisfies never)}`);
  }
}

export { AutoBackend, chooseAutoTarget, type FallbackMemory } from './auto.js';
export { AwsBackend } from './aws/aws-backend.js';
export { EndpointBackend } from './endpoint/endpoint-backend.js';
export { LocalstackBackend } from './localstack/localstack-backend.js';
export { MotoBackend, MOTO_ACCOUNT_HEADER } from './moto/moto-backend.js';
export { dockerAnswers } from './docker.js';
export { RUN_ID, RUN_TAG_KEY, runTags } from './run-tag.js';
export type * from './types.js';
