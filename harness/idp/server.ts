/**
 * The HTTP side: discovery and JWKS per issuer (with faults), plus the /_mock control API for remote clients.
 * Every request gets an answer, whatever its target or body: nothing a client sends may stop the process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HarnessError, isHarnessError } from '../errors.js';
import { presentsSecret } from './control-auth.js';
import { discoveryReply, jwksReply, type Reply } from './faults.js';
import type { IssuerTable } from './issuer-map.js';
import type { IssuerRegistry, IssuerEntry } from './registry.js';
import type { MockIdp } from './types.js';

const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const CONTROL_PREFIX = '/_mock';
/** control bodies are small JSON objects (a mint request with claims); anything larger is refused unread */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

const notFound: Reply = { status: 404, body: '{"error":"not found"}' };
const coded = (status: number, code: string, message: string): Reply => ({ status, body: JSON.stringify({ code, message }) });

async function issuerReply(entry: IssuerEntry, rest: string): Promise<Reply> {
  const ring = await entry.ring;
  if (rest === DISCOVERY_PATH) return discoveryReply(entry.profile.discovery(entry.issuer, entry.options), entry.faults);
  if (rest === entry.jwksPath()) {
    if (entry.faults.has('rotate-after-mint') && !entry.rotatedForFault) {
      entry.rotatedForFault = true;
      await ring.rotate(true);
    }
    return jwksReply(ring.jwks(), entry.faults);
  }
  return notFound;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_CONTROL_BODY_BYTES) throw new HarnessError('IDP_CONTROL_BAD_REQUEST', `control bodies are limited to ${MAX_CONTROL_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CONTROL_BODY_BYTES) throw new HarnessError('IDP_CONTROL_BAD_REQUEST', `control bodies are limited to ${MAX_CONTROL_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HarnessError('IDP_CONTROL_BAD_REQUEST', 'the control request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HarnessError('IDP_CONTROL_BAD_REQUEST', 'the control request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * GET /_mock/health (open: the container's readiness probe), POST /_mock/{serve,mint,faults,rotate} (the
 * MockIdp methods over HTTP; bearer control secret required)
 */
async function controlReply(idp: MockIdp, table: IssuerTable, req: IncomingMessage, action: string, secret: string): Promise<Reply> {
  const ok = (value: unknown): Reply => ({ status: 200, body: JSON.stringify(value) });
  if (action === '/health') return ok({ ok: true, issuers: table.list() });
  if (!presentsSecret(req.headers.authorization, secret)) {
    return coded(401, 'IDP_CONTROL_UNAUTHORIZED', 'the mock IdP control API needs the bearer control secret');
  }
  if (req.method !== 'POST') return { status: 405, body: '{"error":"method not allowed"}' };
  const body = await readJson(req);
  const issuer = String(body.issuer ?? '');
  switch (action) {
    case '/serve':
      idp.serve(issuer, body.profile as never, body.options as Record<string, unknown> | undefined);
      return ok({ ok: true });
    case '/mint':
      return ok(await idp.mint(body as never));
    case '/faults':
      idp.setFaults(issuer, Array.isArray(body.faults) ? (body.faults as never[]) : []);
      return ok({ ok: true });
    case '/rotate':
      await idp.rotateKeys(issuer, { dropOld: body.dropOld === true });
      return ok({ ok: true });
    default:
      return notFound;
  }
}

/** the path of a request-target, or undefined when it is none (`//`, `http://[`, `*`...) */
function pathnameOf(target: string | undefined): string | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

async function replyTo(idp: MockIdp, table: IssuerTable, registry: IssuerRegistry, req: IncomingMessage, secret: string): Promise<Reply> {
  const pathname = pathnameOf(req.url);
  if (pathname === undefined) return coded(400, 'IDP_CONTROL_BAD_REQUEST', 'the request-target is not a path');
  if (pathname.startsWith(CONTROL_PREFIX + '/')) return controlReply(idp, table, req, pathname.slice(CONTROL_PREFIX.length), secret);
  const route = table.route(pathname);
  const entry = route && registry.get(route.issuer);
  return entry && route ? issuerReply(entry, route.rest) : notFound;
}

export function createRequestHandler(idp: MockIdp, table: IssuerTable, registry: IssuerRegistry, controlSecret: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let reply: Reply;
    try {
      reply = await replyTo(idp, table, registry, req, controlSecret);
    } catch (e) {
      const known = isHarnessError(e) || e instanceof TypeError;
      const code = isHarnessError(e) ? e.code : known ? 'USAGE' : 'INTERNAL';
      reply = coded(known ? 400 : 500, code, e instanceof Error ? e.message : String(e));
    }
    if (reply === 'hang') return; // answered never; close() destroys the socket
    if (res.headersSent || res.destroyed) return;
    // an unread body (refused control request) is not drained: the connection closes after this answer
    const close = !req.complete;
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(reply.body),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(reply.body);
  };
}
