/** A MockIdp driven over the /_mock control API: for an IdP running elsewhere (a container, another process). */
import { HarnessError, type HarnessErrorCode } from '../errors.js';
import type { IdpFault, ProfileName } from '../scenario/model.js';
import { IssuerTable } from './issuer-map.js';
import { bearer } from './control-auth.js';
import { CONTROL_PREFIX } from './server.js';
import type { MintedToken, MintRequest, MockIdp } from './types.js';

export interface RemoteOptions {
  fetch?: typeof fetch;
  /** the IdP's control secret (MockIdpOptions.controlSecret) */
  controlSecret?: string;
  /** called once by close(), e.g. to stop the container */
  onClose?: () => Promise<void>;
}

class RemoteMockIdp implements MockIdp {
  readonly issuers: IssuerTable;
  /** sync methods (serve, setFaults) post in the background; everything async waits for them */
  private pending: Promise<unknown> = Promise.resolve();
  private closed: Promise<void> | undefined;

  constructor(
    readonly origin: string,
    private readonly fetcher: NonNullable<RemoteOptions['fetch']>,
    private readonly controlSecret: string | undefined,
    private readonly onClose?: () => Promise<void>,
  ) {
    this.issuers = new IssuerTable(() => origin);
  }

  async call<T>(action: string, body?: unknown): Promise<T> {
    const res = await this.fetcher(`${this.origin}${CONTROL_PREFIX}${action}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.controlSecret === undefined ? {} : { authorization: bearer(this.controlSecret) }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await res.json()) as { code?: HarnessErrorCode; message?: string };
    if (!res.ok) throw new HarnessError(payload.code ?? 'INTERNAL', payload.message ?? `mock IdP ${action} failed (${res.status})`);
    return payload as T;
  }

  private background(action: string, body: unknown): void {
    this.pending = this.pending.then(() => this.call(action, body));
  }

  serve(issuer: string, profile: ProfileName, options?: Record<string, unknown>): void {
    this.issuers.add(issuer);
    this.background('/serve', { issuer, profile, options });
  }

  async mint(request: MintRequest): Promise<MintedToken> {
    await this.pending;
    return this.call<MintedToken>('/mint', request);
  }

  setFaults(issuer: string, faults: readonly IdpFault[]): void {
    this.background('/faults', { issuer, faults });
  }

  async rotateKeys(issuer: string, options?: { dropOld?: boolean }): Promise<void> {
    await this.pending;
    await this.call('/rotate', { issuer, dropOld: options?.dropOld === true });
  }

  close(): Promise<void> {
    this.closed ??= this.pending.catch(() => undefined).then(() => this.onClose?.());
    return this.closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** connects to a running mock IdP at `origin` and learns the issuers it already serves */
export async function connectMockIdp(origin: string, options: RemoteOptions = {}): Promise<MockIdp> {
  const idp = new RemoteMockIdp(origin, options.fetch ?? fetch, options.controlSecret, options.onClose);
  const health = await idp.call<{ issuers: string[] }>('/health');
  for (const issuer of health.issuers) idp.issuers.add(issuer);
  return idp;
}
