/** The gate's HTTP side: read each request fully, route it, answer or stream the backend's answer back. */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { DecisionLog } from './decisions.js';
import { backendRequestId, cleanHeaders, type Forwarder } from './http/forward.js';
import type { GateResponse } from './http/gate-response.js';
import { readRequest } from './http/read-request.js';
import { route, type RouterDeps } from './router.js';
import { errorXml } from './sts-error.js';

export interface ServerDeps extends RouterDeps {
  forwarder: Forwarder;
  decisions: DecisionLog;
}

export function createGateServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    const requestId = randomUUID();
    handle(req, res, requestId, deps).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(errorXml('InternalFailure', `The enforcing endpoint failed: ${message}`, requestId));
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, requestId: string, deps: ServerDeps): Promise<void> {
  const request = await readRequest(req);
  const routed = await route(request, requestId, deps);
  if (routed.kind === 'respond') {
    send(res, routed.response, deps);
    return;
  }
  const backend = await deps.forwarder.open(request);
  if (routed.invalidate && (backend.statusCode ?? 500) < 300) deps.account.invalidate();
  const headers = cleanHeaders(backend.headers);
  if (routed.decision) {
    const aliases = [backendRequestId(headers)].filter((id): id is string => id !== undefined);
    deps.decisions.record(routed.decision, aliases);
  }
  if (!routed.transformResponse) {
    res.writeHead(backend.statusCode ?? 502, headers);
    backend.pipe(res);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of backend) chunks.push(chunk as Buffer);
  const changed = await routed.transformResponse({ status: backend.statusCode ?? 502, body: Buffer.concat(chunks).toString('utf8') });
  const body = Buffer.from(changed.body, 'utf8');
  delete headers['content-encoding'];
  res.writeHead(changed.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function send(res: ServerResponse, response: GateResponse, deps: ServerDeps): void {
  if (response.decision) deps.decisions.record(response.decision, response.decisionAliases ?? []);
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}
