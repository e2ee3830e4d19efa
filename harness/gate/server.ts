/** The gate's HTTP side: read each request (bounded), run the pipeline, answer or stream the backend's answer back. */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { DecisionLog } from './decisions.js';
import { backendRequestId, cleanHeaders, type Forwarder } from './http/forward.js';
import { errorCodeOf } from './http/gate-response.js';
import { BodyTooLarge, MAX_BODY_BYTES, readRequest } from './http/read-request.js';
import { DECODE_MESSAGES, refusalIn } from './pipeline/decode/refusals.js';
import { runPipeline, type PipelineDeps, type PipelineResult } from './pipeline/index.js';
import { refusalResponse } from './pipeline/respond.js';
import { decode } from './pipeline/decode/index.js';
import { errorXml } from './sts-error.js';
import type { GateDecision, GateRequest } from './types.js';

export interface ServerDeps extends PipelineDeps {
  forwarder: Forwarder;
  decisions: DecisionLog;
  /** false (`--enforce off`): the request is forwarded as received, and the emulator's answer recorded */
  enforce: boolean;
}

export function createGateServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    const requestId = randomUUID();
    // Date is the gate's clock, like the 15-minute window: SDKs that correct their clock skew from it sign on it
    res.sendDate = false;
    res.setHeader('date', deps.clock.now().toUTCString());
    handle(req, res, requestId, deps).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof BodyTooLarge) {
        const r = refusalIn(req.headers['x-amz-target'] !== undefined ? 'json' : 'query', 413,
          { query: 'RequestEntityTooLarge', json: 'RequestEntityTooLargeException' }, DECODE_MESSAGES.tooLarge(MAX_BODY_BYTES),
          `the body is larger than the gate reads (${e.message}).`);
        const { status, headers, body } = refusalResponse(r, requestId);
        res.writeHead(status, { ...headers, connection: 'close' });
        res.end(body);
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      res.writeHead(500, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(errorXml('InternalFailure', `The enforcing endpoint failed: ${message}`, requestId));
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, requestId: string, deps: ServerDeps): Promise<void> {
  const request = await readRequest(req);
  const result = deps.enforce ? await runPipeline(request, requestId, deps) : passThrough(request, requestId);
  if (result.kind === 'respond') {
    send(res, result, deps);
    return;
  }
  const backend = await deps.forwarder.open(result.request);
  if (result.invalidate && (backend.statusCode ?? 500) < 300) deps.account.invalidate();
  const headers = cleanHeaders(backend.headers);
  delete headers['date'];
  if (!result.transformResponse) {
    recordForwarded(deps, result.decision, headers, backend.statusCode ?? 502);
    res.writeHead(backend.statusCode ?? 502, headers);
    backend.pipe(res);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of backend) chunks.push(chunk as Buffer);
  const changed = await result.transformResponse({ status: backend.statusCode ?? 502, body: Buffer.concat(chunks).toString('utf8') });
  recordForwarded(deps, result.decision, headers, changed.status, changed.body);
  const body = Buffer.from(changed.body, 'utf8');
  delete headers['content-encoding'];
  res.writeHead(changed.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

/**
 * `--enforce off`: the request goes to the emulator as received, so that reports show what the raw emulator does.
 * Emulator-internal paths are still never forwarded: they are no AWS call (the harness reaches them directly).
 */
function passThrough(request: GateRequest, requestId: string): PipelineResult {
  const decoded = decode(request);
  if (decoded.kind === 'refuse' && decoded.status === 404) return refusalResponse(decoded, requestId);
  const assume = decoded.kind !== 'refuse' && decoded.operation === 'AssumeRoleWithWebIdentity';
  const decision: GateDecision = {
    requestId, operation: assume ? 'AssumeRoleWithWebIdentity' : 'Other', outcome: 'allowed', httpStatus: 200,
    explanation: [], assumptionsUsed: [], notEnforced: true,
  };
  return {
    kind: 'forward',
    request,
    decision,
    // buffered, so that the decision carries the emulator's outcome and is found by the id in its body
    transformResponse: async (response) => {
      const { code, message } = response.status === 200 ? {} : errorCodeOf(response.body);
      decision.httpStatus = response.status;
      if (response.status !== 200) decision.outcome = code ?? `HTTP ${response.status}`;
      if (message) decision.message = message;
      const what = assume ? ' without checking the token' : ' without the gate checking anything';
      decision.explanation.push(
        response.status === 200
          ? `enforcement off: the emulator admitted this${what}`
          : `enforcement off: the emulator refused this (${code ?? response.status})${what}`,
      );
      return response;
    },
    invalidate: true,
  };
}

/** the decision of a forwarded call, under the gate's id and the backend's; its outcome is the backend's status */
function recordForwarded(
  deps: ServerDeps,
  decision: GateDecision | undefined,
  headers: Record<string, string | string[]>,
  status: number,
  body?: string,
): void {
  if (!decision) return;
  const aliases = [backendRequestId(headers, body)].filter((id): id is string => id !== undefined);
  const recorded = status >= 300 && decision.outcome === 'allowed' ? { ...decision, httpStatus: status } : decision;
  deps.decisions.record(recorded, aliases);
}

function send(res: ServerResponse, response: Extract<PipelineResult, { kind: 'respond' }>, deps: ServerDeps): void {
  deps.decisions.record(response.decision);
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}
