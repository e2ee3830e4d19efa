/**
 * The overhead figure's baseline: the same SDK calls as one runner case (mint, AssumeRoleWithWebIdentity,
 * GetSecretValue with the session's keys through the runner's own reads client), sent straight to the emulator.
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import type { StartedBackend } from '../backends/types.js';
import { HarnessError } from '../errors.js';
import type { MintRequest, MockIdp } from '../idp/types.js';
import { secretsClientFor } from '../runner/clients.js';

export interface DirectCase {
  roleArn: string;
  sessionName: string;
  secret: string;
  mint: MintRequest;
}

/** The backend's own headers (moto's account header) on every request, as the gate adds them when forwarding. */
function backendHeaders(backend: StartedBackend): BuildMiddleware<object, MetadataBearer> {
  return (next) => async (args) => {
    const request = args.request as { headers?: Record<string, string> };
    if (request.headers) Object.assign(request.headers, backend.requestHeaders());
    return next(args);
  };
}

const HEADERS_STEP = { step: 'build', name: 'benchBackendHeaders' } as const;

export function directCaseRunner(backend: StartedBackend, idp: MockIdp, region: string): (spec: DirectCase) => Promise<void> {
  const sts = new STSClient({ endpoint: backend.endpoint(), region, maxAttempts: 1 });
  sts.middlewareStack.add(backendHeaders(backend), HEADERS_STEP);
  return async (spec) => {
    const minted = await idp.mint(spec.mint);
    const response = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: spec.roleArn, RoleSessionName: spec.sessionName, WebIdentityToken: minted.token }),
    );
    const c = response.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new HarnessError('BENCH_FAILED', 'the emulator returned no credentials for AssumeRoleWithWebIdentity');
    }
    const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    const secrets = secretsClientFor(backend.endpoint(), region, credentials);
    secrets.middlewareStack.add(backendHeaders(backend), HEADERS_STEP);
    await secrets.send(new GetSecretValueCommand({ SecretId: spec.secret }));
  };
}
