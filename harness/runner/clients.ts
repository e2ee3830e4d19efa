/** AWS SDK clients pointed at the run's endpoint. STS clients are shared; reads use the session's keys. */
import { STSClient } from '@aws-sdk/client-sts';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import type { AwsCredentials } from '../backends/types.js';

const stsClients = new Map<string, STSClient>();

/** AssumeRoleWithWebIdentity is unsigned: the client carries no credentials, as in a fresh workspace. */
export function stsClientFor(endpoint: string, region: string): STSClient {
  const key = `${endpoint}|${region}`;
  let client = stsClients.get(key);
  if (!client) {
    client = new STSClient({ endpoint: endpoint || undefined, region, maxAttempts: 1 });
    stsClients.set(key, client);
  }
  return client;
}

export function secretsClientFor(
  endpoint: string,
  region: string,
  credentials: AwsCredentials,
  options: { tamperSignature?: boolean } = {},
): SecretsManagerClient {
  const client = new SecretsManagerClient({ endpoint: endpoint || undefined, region, credentials, maxAttempts: 1 });
  if (options.tamperSignature) {
    client.middlewareStack.addRelativeTo(
      ((next) => async (args) => {
        const headers = (args.request as { headers?: Record<string, string> }).headers;
        if (headers?.authorization) headers.authorization = flipLastHexDigit(headers.authorization);
        return next(args);
      }) satisfies FinalizeRequestMiddleware<object, MetadataBearer>,
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'harnessTamperSignature' },
    );
  }
  return client;
}

function flipLastHexDigit(authorization: string): string {
  const last = authorization.at(-1);
  return authorization.slice(0, -1) + (last === '0' ? '1' : '0');
}
