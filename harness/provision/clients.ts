/** Administrator SDK clients for provisioning, pointed at a backend (or real AWS when endpoint is empty). */
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../backends/types.js';

export interface ClientTarget {
  /** base URL of the backend or gate; '' or undefined = AWS's own endpoints */
  endpoint?: string;
  region: string;
  credentials: AwsCredentials;
  /** headers the backend needs on every request (e.g. moto's account header) */
  requestHeaders?: Record<string, string>;
}

export interface AdminClients {
  iam: IAMClient;
  secrets: SecretsManagerClient;
  sts: STSClient;
}

/** A build-step middleware adding `headers` to every request (before signing). */
function headerMiddleware(headers: Record<string, string>) {
  return <A extends { request: unknown }, R>(next: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) Object.assign(request.headers, headers);
      return next(args);
    };
}

function addHeaders<T extends IAMClient | SecretsManagerClient | STSClient>(client: T, headers: Record<string, string> | undefined): T {
  if (headers && Object.keys(headers).length > 0) {
    (client as IAMClient).middlewareStack.add(headerMiddleware(headers), { step: 'build', name: 'harnessBackendHeaders' });
  }
  return client;
}

export function createAdminClients(target: ClientTarget): AdminClients {
  const config = {
    region: target.region,
    credentials: target.credentials,
    maxAttempts: 2,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  };
  return {
    iam: addHeaders(new IAMClient(config), target.requestHeaders),
    secrets: addHeaders(new SecretsManagerClient(config), target.requestHeaders),
    sts: addHeaders(new STSClient(config), target.requestHeaders),
  };
}
