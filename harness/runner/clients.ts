/** AWS SDK clients pointed at the run's endpoint. STS clients are shared; reads use the session's keys. */
import http from 'node:http';
import https from 'node:https';
import { STSClient } from '@aws-sdk/client-sts';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import type { AwsCredentials } from '../backends/types.js';
import type { Clock } from '../clock.js';

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

/**
 * Every reads client shares these keep-alive agents: a client per read (each case has its own session keys)
 * must not open a new connection per read. Idle sockets are unref'd, so they never hold the process open.
 * Clients using them are not destroyed (destroy() would close the shared sockets).
 */
const readAgents = { httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true }) };

export function secretsClientFor(
  endpoint: string,
  region: string,
  credentials: AwsCredentials,
  options: { tamperSignature?: boolean; clock?: Clock } = {},
): SecretsManagerClient {
  // the harness clock is what signs: a case that moves it forward (to expire a session) signs at the moved time,
  // as a workspace whose real clock had moved would, so the gate's 15-minute window holds on the same clock
  const systemClockOffset = options.clock ? options.clock.now().getTime() - Date.now() : 0;
  const client = new SecretsManagerClient({
    endpoint: endpoint || undefined, region, credentials, maxAttempts: 1, requestHandler: readAgents, systemClockOffset,
  });
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
