/** The enforcing endpoint ("the gate"): AWS's checks in front of an emulator that performs none. */
import type { AddressInfo } from 'node:net';
import { systemClock } from '../clock.js';
import { HarnessError } from '../errors.js';
import { createAccountView } from './account-view.js';
import { resolveAssumptions } from './assumptions.js';
import { DecisionLog } from './decisions.js';
import { Forwarder } from './http/forward.js';
import { createGateServer } from './server.js';
import { SessionStore } from './sessions.js';
import type { FetchLike, GateOptions, StartedGate } from './types.js';
import { KeyStore } from './web-identity/key-store.js';

export { DEFAULT_ASSUMPTIONS } from './assumptions.js';
export { SessionStore } from './sessions.js';
export { createAccountView } from './account-view.js';
export type * from './types.js';

export async function startGate(options: GateOptions): Promise<StartedGate> {
  const assumptions = resolveAssumptions(options.assumptions);
  const fetch: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const forwarder = new Forwarder(options.backend);
  const account = createAccountView(options.backend);
  const decisions = new DecisionLog();
  const keyStore = new KeyStore({ issuers: options.issuers, fetch, timeoutMs: () => assumptions.fetchTimeoutMs });
  const clock = options.clock ?? systemClock;
  const sessions = new SessionStore(clock);
  const server = createGateServer({
    forwarder, account, sessions, keyStore, decisions, assumptions, clock,
    enforce: options.enforce,
    allowUnmodelled: options.allowUnmodelled ?? false,
    region: options.backend.region(),
    // read per request: backends such as LocalStack change the administrator key with the selected account
    get admin() {
      return options.backend.credentials();
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    forwarder.close();
    throw new HarnessError('GATE_START_FAILED', `the gate could not listen on 127.0.0.1:${options.port ?? 0}`, { cause: e });
  }
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      forwarder.close();
    }));
  return {
    endpoint: () => `http://127.0.0.1:${port}`,
    decision: (requestId) => decisions.get(requestId),
    invalidateKeys: (issuer) => keyStore.invalidate(issuer),
    session: (accessKeyId) => sessions.get(accessKeyId),
    reset: () => {
      account.invalidate();
      keyStore.invalidate();
      sessions.clear();
      decisions.clear();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
