/** The HTTP side: discovery and JWKS per issuer (with faults), plus the /_mock control API for remote clients. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHarnessError } from '../errors.js';
import { discoveryReply, jwksReply, type Reply } from './faults.js';
import type { IssuerTable } from './issuer-map.js';
import type { IssuerRegistry, IssuerEntry } from './registry.js';
import type { MockIdp } from './types.js';

const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const CONTROL_PREFIX = '/_mock';

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
  return { status: 404, body: '{"error":"not found"}' };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** POST /_mock/{serve,mint,faults,rotate}, GET /_mock/health: the MockIdp methods over HTTP */
async function controlReply(idp: MockIdp, table: IssuerTable, req: IncomingMessage, action: string): Promise<Reply> {
  const ok = (value: unknown): Reply => ({ status: 200, body: JSON.stringify(value) });
  if (action === '/health') return ok({ ok: true, issuers: table.list() });
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
      idp.setFaults(issuer, (body.faults as never[]) ?? []);
      return ok({ ok: true });
    case '/rotate':
      await idp.rotateKeys(issuer, { dropOld: body.dropOld === true });
      return ok({ ok: true });
    default:
      return { status: 404, body: '{"error":"not found"}' };
  }
}

export function createRequestHandler(idp: MockIdp, table: IssuerTable, registry: IssuerRegistry) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    let reply: Reply;
    try {
      if (pathname.startsWith(CONTROL_PREFIX + '/')) {
        reply = await controlReply(idp, table, req, pathname.slice(CONTROL_PREFIX.length));
      } else {
        const route = table.route(pathname);
        const entry = route && registry.get(route.issuer);
        reply = entry && route ? await issuerReply(entry, route.rest) : { status: 404, body: '{"error":"not found"}' };
      }
    } catch (e) {
      const code = isHarnessError(e) ? e.code : 'INTERNAL';
      reply = { status: isHarnessError(e) ? 400 : 500, body: JSON.stringify({ code, message: (e as Error).message }) };
    }
    if (reply === 'hang') return; // answered never; close() destroys the socket
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  };
}
