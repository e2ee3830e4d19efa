/** AWS SDK clients with administrator credentials, talking to the backend directly (not through the gate). */
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StartedBackend } from '../backends/types.js';

interface MiddlewareClient {
  middlewareStack: {
    add(mw: (next: (args: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => Promise<unknown>, options: { step: 'build'; name: string }): void;
  };
}

function withBackendHeaders<T extends MiddlewareClient>(client: T, backend: StartedBackend): T {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) Object.assign(request.headers, backend.requestHeaders());
      return next(args);
    },
    { step: 'build', name: 'gateBackendHeaders' },
  );
  return client;
}

export function adminClients(backend: StartedBackend): { iam: IAMClient; secrets: SecretsManagerClient } {
  const config = { endpoint: backend.endpoint(), region: backend.region(), credentials: backend.credentials(), maxAttempts: 1 };
  return {
    iam: withBackendHeaders(new IAMClient(config), backend),
    secrets: withBackendHeaders(new SecretsManagerClient(config), backend),
  };
}
