/** Sends a GateRequest on to the backend over a keep-alive agent. */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { StartedBackend } from '../../backends/types.js';
import type { GateRequest } from '../types.js';

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export class Forwarder {
  private readonly base: URL;
  private readonly agent: http.Agent;
  /** the backend's host[:port], as the Host header of forwarded requests */
  readonly host: string;

  constructor(private readonly backend: StartedBackend) {
    this.base = new URL(backend.endpoint());
    this.host = this.base.host;
    this.agent = this.base.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  /** Resolves with the backend's response as a stream (caller pipes or buffers it). */
  open(request: GateRequest, body: Buffer = request.body): Promise<IncomingMessage> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'host' && name !== 'content-length') headers[name] = value;
    }
    Object.assign(headers, this.backend.requestHeaders());
    headers['host'] = this.base.host;
    headers['content-length'] = String(body.length);
    const target = new URL(request.url, this.base);
    const send = this.base.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = send(target, { method: request.method, headers, agent: this.agent }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  }

  async fetch(request: GateRequest, body?: Buffer): Promise<BackendResponse> {
    const res = await this.open(request, body);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode ?? 502, headers: cleanHeaders(res.headers), body: Buffer.concat(chunks) };
  }

  close(): void {
    this.agent.destroy();
  }
}

export function cleanHeaders(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

/** The request id the client sees in a backend response (header first, then the body). */
export function backendRequestId(headers: Record<string, string | string[]>, body?: string): string | undefined {
  const header = headers['x-amzn-requestid'] ?? headers['x-amz-request-id'];
  if (typeof header === 'string' && header) return header;
  const match = body?.match(/<RequestId>([^<]+)<\/RequestId>/);
  return match?.[1];
}
