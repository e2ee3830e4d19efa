import { test, expect } from '@playwright/test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { GateRequest } from '../../../harness/gate/types.js';
import { checkSignedRequest, REGION, world } from './fixtures.js';
import { toGateRequest } from './sdk-capture.js';

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** an STS GetCallerIdentity GET, signed by SignatureV4 itself (not an SDK client) */
function getCallerIdentity(credentials: Credentials, extraQuery: Record<string, string> = {}) {
  const signer = new SignatureV4({ credentials, region: REGION, service: 'sts', sha256: Sha256 });
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15', ...extraQuery },
    headers: { host: '127.0.0.1:4566' },
  });
  return { signer, request };
}

/** a Query-protocol GET with a query string and no x-amz-content-sha256: the signer hashes the body itself */
async function signedGet(credentials: Credentials & { sessionToken: string }): Promise<GateRequest> {
  const { signer, request } = getCallerIdentity(credentials, { Note: 'a b+c/d' });
  return toGateRequest((await signer.sign(request)) as HttpRequest);
}

test('a request signed directly with SignatureV4 (query string, no payload hash header) verifies', async () => {
  const { ctx, session } = world();
  const verdict = await checkSignedRequest(await signedGet(session), ctx);
  expect(verdict.kind).toBe('forward');
});

test('a query parameter changed after signing fails with SignatureDoesNotMatch', async () => {
  const { ctx, session } = world();
  const request = await signedGet(session);
  const verdict = await checkSignedRequest({ ...request, url: request.url.replace('GetCallerIdentity', 'GetSessionToken') }, ctx);
  expect(verdict.kind === 'respond' && [verdict.status, verdict.decision.outcome]).toEqual([403, 'SignatureDoesNotMatch']);
});

test('an Authorization header that is not SigV4 fails with IncompleteSignature', async () => {
  const { ctx, session } = world();
  const request = await signedGet(session);
  const verdict = await checkSignedRequest({ ...request, headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 garbage' } }, ctx);
  expect(verdict.kind === 'respond' && [verdict.status, verdict.decision.outcome]).toEqual([400, 'IncompleteSignature']);
});

async function presignedGet(credentials: Credentials): Promise<GateRequest> {
  const { signer, request } = getCallerIdentity(credentials);
  return toGateRequest((await signer.presign(request, { expiresIn: 60 })) as HttpRequest);
}

test('a presigned URL made with session credentials verifies; changing its query breaks it', async () => {
  const { ctx, session } = world();
  const request = await presignedGet(session);
  expect((await checkSignedRequest(request, ctx)).kind).toBe('forward');
  const tampered = await checkSignedRequest({ ...request, url: `${request.url}&RoleSessionName=added` }, ctx);
  expect(tampered.kind === 'respond' && tampered.decision.outcome).toBe('SignatureDoesNotMatch');
});

test('a presigned URL without the session token is refused as an invalid token', async () => {
  const { ctx, session } = world();
  const { sessionToken: _, ...withoutToken } = session;
  const verdict = await checkSignedRequest(await presignedGet(withoutToken), ctx);
  expect(verdict.kind === 'respond' && [verdict.status, verdict.decision.outcome]).toEqual([403, 'InvalidClientTokenId']);
});
