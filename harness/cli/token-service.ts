/**
 * The small loopback HTTP service `up` runs so that `aws-oidc-harness token` and `idp login aws` (other
 * processes) can mint tokens from the running mock IdP. Guarded by a bearer secret from the env file.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../errors.js';
import { newControlSecret, presentsSecret } from '../idp/control-auth.js';
import type { MockIdp } from '../idp/types.js';
import type { Scenario } from '../scenario/model.js';

export interface TokenRequest {
  audience?: string[];
  sub?: string;
  claims?: Record<string, unknown>;
}

export interface TokenService {
  url: string;
  secret: string;
  close(): Promise<void>;
}

/** token requests are a few claims; anything larger is refused unread */
const MAX_BODY_BYTES = 64 * 1024;

export const newTokenSecret = newControlSecret;

export async function startTokenService(idp: MockIdp, scenario: Scenario, secret = newTokenSecret()): Promise<TokenService> {
  const server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body }) => {
        if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json', ...(req.complete ? {} : { connection: 'close' }) }).end(JSON.stringify(body));
      },
      () => {
        if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
      },
    );
  });
  async function handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.method !== 'POST' || req.url !== '/token') return { status: 404, body: { error: 'not found' } };
    if (!presentsSecret(req.headers.authorization, secret)) return { status: 401, body: { error: 'unauthorized' } };
    const request = parseRequest(await readBody(req));
    if (request === undefined) return { status: 400, body: { error: 'the body must be a JSON object of at most 64 KiB' } };
    const claims = { ...(request.claims ?? {}), ...(request.sub ? { sub: request.sub } : {}) };
    try {
      const minted = await idp.mint({
        profile: scenario.idp.profile,
        issuer: scenario.idp.issuer,
        claims,
        audience: request.audience?.length ? request.audience : undefined,
        options: scenario.idp.options,
      });
      return { status: 200, body: { token: minted.token, claims: minted.claims } };
    } catch (error) {
      return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/token`, secret, close: () => closeServer(server) };
}

function parseRequest(text: string | undefined): TokenRequest | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as TokenRequest) : undefined;
  } catch {
    return undefined;
  }
}

/** the body, or undefined past MAX_BODY_BYTES (the rest is left unread) */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8') || '{}';
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Client side, used by `token` and `idp login aws`. */
export async function requestToken(url: string, secret: string, request: TokenRequest): Promise<{ token: string; claims: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new HarnessError('IDP_MINT_FAILED', `the mock IdP at ${url} does not answer: is \`aws-oidc-harness up\` still running?`);
  }
  const body = (await response.json().catch(() => ({}))) as { token?: string; claims?: Record<string, unknown>; error?: string };
  if (!response.ok || !body.token) {
    throw new HarnessError('IDP_MINT_FAILED', `the mock IdP refused to mint: ${body.error ?? `HTTP ${response.status}`}`);
  }
  return { token: body.token, claims: body.claims ?? {} };
}
