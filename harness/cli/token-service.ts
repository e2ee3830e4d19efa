/**
 * The small loopback HTTP service `up` runs so that `aws-oidc-harness token` and `idp login aws` (other
 * processes) can mint tokens from the running mock IdP. Guarded by a bearer secret from the env file.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../errors.js';
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

export async function startTokenService(idp: MockIdp, scenario: Scenario): Promise<TokenService> {
  const secret = randomBytes(24).toString('hex');
  const server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      () => res.writeHead(500).end(),
    );
  });
  async function handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.method !== 'POST' || req.url !== '/token') return { status: 404, body: { error: 'not found' } };
    if (!authorized(req.headers.authorization, secret)) return { status: 401, body: { error: 'unauthorized' } };
    const request = JSON.parse(await readBody(req)) as TokenRequest;
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

function authorized(header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8') || '{}')).on('error', reject);
  });
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
