/**
 * AWS SDK clients with administrator credentials, talking to the backend directly (not through the gate).
 * Credentials are read per request: LocalStack selects the account from the access key id.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StartedBackend } from '../backends/types.js';

const BUILD_STEP = { step: 'build', name: 'gateBackendHeaders' } as const;

export function adminClients(backend: StartedBackend, region = backend.region()): { iam: IAMClient; secrets: SecretsManagerClient } {
  const config = {
    endpoint: backend.endpoint(),
    region,
    maxAttempts: 1,
    // an identity that expires now is fetched again before every request (the SDK caches one without expiration)
    credentials: async () => ({ ...backend.credentials(), expiration: new Date() }),
  };
  const addHeaders = (request: unknown): void => {
    const headers = (request as { headers?: Record<string, string> }).headers;
    if (headers) Object.assign(headers, backend.requestHeaders());
  };
  const iam = new IAMClient(config);
  iam.middlewareStack.add((next) => async (args) => (addHeaders(args.request), next(args)), BUILD_STEP);
  const secrets = new SecretsManagerClient(config);
  secrets.middlewareStack.add((next) => async (args) => (addHeaders(args.request), next(args)), BUILD_STEP);
  return { iam, secrets };
}
