/** createMockIdp: one loopback HTTP server serving any number of issuers by path. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock.js';
import type { IdpFault, ProfileName } from '../scenario/model.js';
import { newControlSecret } from './control-auth.js';
import { FAULT_KINDS } from './faults.js';
import { IssuerTable } from './issuer-map.js';
import { mintToken } from './mint.js';
import { profileNamed } from './profiles/index.js';
import { IssuerRegistry } from './registry.js';
import { createRequestHandler } from './server.js';
import type { MintedToken, MintRequest, MockIdp, MockIdpOptions } from './types.js';

class LocalMockIdp implements MockIdp {
  readonly issuers: IssuerTable;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly server: Server,
    readonly registry: IssuerRegistry,
    private readonly clock: Clock,
    private readonly host: string,
  ) {
    this.issuers = new IssuerTable(() => this.origin);
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://${this.host === '0.0.0.0' ? '127.0.0.1' : this.host}:${port}`;
  }

  serve(issuer: string, profile: ProfileName, options?: Record<string, unknown>): void {
    this.issuers.add(issuer);
    this.registry.serve(issuer, profile, options);
  }

  async mint(request: MintRequest): Promise<MintedToken> {
    const signer = this.registry.signer(request.signingIssuer ?? request.issuer, request.profile);
    const source = {
      profile: profileNamed(request.profile),
      ring: await signer.ring,
      options: signer.options,
      foreignKey: signer.foreignKey,
    };
    return mintToken(source, request, this.clock);
  }

  setFaults(issuer: string, faults: readonly IdpFault[]): void {
    const unknown = faults.filter((f) => !FAULT_KINDS.includes(f));
    if (unknown.length > 0) throw new TypeError(`unknown IdP fault(s): ${unknown.join(', ')}`);
    const entry = this.registry.require(issuer);
    entry.faults = new Set(faults);
    entry.rotatedForFault = false;
  }

  async rotateKeys(issuer: string, options?: { dropOld?: boolean }): Promise<void> {
    const ring = await this.registry.require(issuer).ring;
    await ring.rotate(options?.dropOld ?? false);
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections(); // hanging fault responses included
    });
    return this.closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

export async function createMockIdp(options: MockIdpOptions = {}): Promise<MockIdp> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  const idp = new LocalMockIdp(server, new IssuerRegistry(), options.clock ?? systemClock, host);
  const handler = createRequestHandler(idp, idp.issuers, idp.registry, options.controlSecret ?? newControlSecret());
  server.on('request', (req, res) => void handler(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  return idp;
}
