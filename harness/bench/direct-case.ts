/**
 * The overhead figure's baseline: the same SDK calls as one runner case (mint, AssumeRoleWithWebIdentity,
 * GetSecretValue with the session's keys, client per read), sent straight to the emulator, no gate.
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import type { StartedBackend } from '../backends/types.js';
import { HarnessError } from '../errors.js';
import type { MintRequest, MockIdp } from '../idp/types.js';

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
    const secrets = new SecretsManagerClient({ endpoint: backend.endpoint(), region, credentials, maxAttempts: 1 });
    secrets.middlewareStack.add(backendHeaders(backend), HEADERS_STEP);
    try {
      await secrets.send(new GetSecretValueCommand({ SecretId: spec.secret }));
    } finally {
      secrets.destroy();
    }
  };
}
