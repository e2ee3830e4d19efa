/** Raw HTTP to the gate, signed with SignatureV4 on the world's clock (or not at all), for what no SDK sends. */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Clock } from '../../../harness/clock.js';

export interface RawRequest {
  method?: string;
  /** path and query */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Signing {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  service: string;
  region?: string;
  clock: Clock;
}

export interface RawResponse {
  status: number;
  body: string;
  headers: Headers;
}

export async function send(endpoint: string, request: RawRequest, signing?: Signing): Promise<RawResponse> {
  const url = new URL(request.path ?? '/', endpoint);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  let http = new HttpRequest({
    method: request.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host, ...request.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  if (signing) {
    const signer = new SignatureV4({
      credentials: signing.credentials, region: signing.region ?? 'us-east-1', service: signing.service, sha256: Hash.bind(null, 'sha256'),
    });
    http = (await signer.sign(http, { signingDate: signing.clock.now() })) as HttpRequest;
  }
  const headers = { ...http.headers };
  delete headers['host'];
  const res = await fetch(url, { method: http.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

export const json = (target: string, body: string, headers: Record<string, string> = {}): RawRequest => ({
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...headers },
  body,
});

export const form = (body: string, headers: Record<string, string> = {}): RawRequest => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  body,
});

/** the AWS error code of a JSON (`__type`) or Query (`<Code>`) error body */
export function codeOf(body: string): string | undefined {
  const xml = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  if (xml !== undefined) return xml;
  try {
    const type = (JSON.parse(body) as { __type?: string }).__type;
    return type?.split('#').pop();
  } catch {
    return undefined;
  }
}
