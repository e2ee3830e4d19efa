/**
 * Drives the real AWS SDK v3 clients against checkSignedRequest, in memory: a custom requestHandler turns
 * the signed HttpRequest into a GateRequest, runs the check, and answers with the gate's response (or a
 * canned backend answer when the gate forwards). The SDK then parses the gate's errors as it would AWS's.
 */
import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { GateRequest } from '../../../harness/gate/types.js';
import { checkSignedRequest, REGION, type ReadContext } from './fixtures.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Exchange {
  request?: GateRequest;
  verdict?: Awaited<ReturnType<typeof checkSignedRequest>>;
}

export function toGateRequest(request: HttpRequest): GateRequest {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {})) {
    for (const value of Array.isArray(v) ? v : [v]) if (value !== null && value !== undefined) query.append(k, value);
  }
  const qs = query.toString().replace(/\+/g, '%20');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body as string | Uint8Array);
  return { method: request.method, url: `${request.path}${qs ? `?${qs}` : ''}`, headers, body };
}

/** an HttpRequest handler; `tamper` edits the signed request before the gate sees it */
function handler(ctx: ReadContext, exchange: Exchange, backendBody: string, tamper?: (r: GateRequest) => GateRequest) {
  return {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      let gateRequest = toGateRequest(request);
      if (tamper) gateRequest = tamper(gateRequest);
      const verdict = await checkSignedRequest(gateRequest, ctx);
      exchange.request = gateRequest;
      exchange.verdict = verdict;
      let answer = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } as Record<string, string>, body: backendBody };
      if (verdict.kind === 'respond') answer = { status: verdict.status, headers: verdict.headers, body: verdict.body };
      else if (verdict.transformResponse) answer = { ...answer, ...(await verdict.transformResponse(answer)) };
      return {
        response: new HttpResponse({ statusCode: answer.status, headers: answer.headers, body: Readable.from([Buffer.from(answer.body)]) }),
      };
    },
  };
}

export interface ClientOptions {
  credentials: Credentials;
  backendBody?: string;
  tamper?: (r: GateRequest) => GateRequest;
}

export function secretsManager(ctx: ReadContext, options: ClientOptions): { client: SecretsManagerClient; exchange: Exchange } {
  const exchange: Exchange = {};
  const client = new SecretsManagerClient({
    region: REGION,
    endpoint: 'http://127.0.0.1:4566',
    credentials: options.credentials,
    maxAttempts: 1,
    // signs on the gate's clock, as the gate's 15-minute window expects
    systemClockOffset: ctx.clock.now().getTime() - Date.now(),
    requestHandler: handler(ctx, exchange, options.backendBody ?? '{}', options.tamper),
  });
  return { client, exchange };
}

const STS_IDENTITY =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
  '<Arn>arn:aws:sts::123456789012:assumed-role/reader/ws-session</Arn><UserId>AROA:ws</UserId><Account>123456789012</Account>' +
  '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

export function sts(ctx: ReadContext, credentials: Credentials): { client: STSClient; exchange: Exchange } {
  const exchange: Exchange = {};
  const client = new STSClient({
    region: REGION,
    endpoint: 'http://127.0.0.1:4566',
    credentials,
    maxAttempts: 1,
    systemClockOffset: ctx.clock.now().getTime() - Date.now(),
    requestHandler: handler(ctx, exchange, STS_IDENTITY),
  });
  return { client, exchange };
}

/** the error an SDK call rejected with (fails the test when it resolved) */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (e) {
    return e as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}
