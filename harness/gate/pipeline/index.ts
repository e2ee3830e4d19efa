/**
 * The gate's one pipeline, for every request: decode -> authenticate -> authorize -> forward (rebuilt).
 * Each stage either passes a canonical call on or answers with AWS's error; nothing reaches the backend
 * that was not decoded, authenticated and authorized, and what reaches it is rebuilt from the decoded call.
 */
import type { AwsCredentials } from '../../backends/types.js';
import type { Clock } from '../../clock.js';
import type { BackendResponse, Forwarder } from '../http/forward.js';
import type { SessionStore } from '../sessions.js';
import type { AccountView, GateAssumptions, GateDecision, GateRequest, GateVerdict, ResponseTransform } from '../types.js';
import type { KeyStore } from '../web-identity/key-store.js';
import { authenticateCall, type Authenticated } from './authenticate/index.js';
import { authorizeCall } from './authorize/index.js';
import type { CanonicalCall } from './call.js';
import { decode } from './decode/index.js';
import { rebuild } from './forward/rebuild.js';
import { refusalResponse } from './respond.js';

/** what the deciding stages (decode, authenticate, authorize) need */
export interface DecideDeps {
  account: AccountView;
  sessions: Pick<SessionStore, 'get' | 'add'>;
  keyStore: KeyStore;
  clock: Clock;
  assumptions: GateAssumptions;
  admin: AwsCredentials;
  allowUnmodelled: boolean;
  /** the backend's default region (unsigned calls) */
  region: string;
}

export interface PipelineDeps extends DecideDeps {
  forwarder: Pick<Forwarder, 'fetch' | 'host'>;
}

export type PipelineResult =
  | Extract<GateVerdict, { kind: 'respond' }>
  /** `invalidate`: the call changes IAM/Secrets Manager state, drop the AccountView once it succeeded */
  | { kind: 'forward'; request: GateRequest; decision?: GateDecision; transformResponse?: ResponseTransform; invalidate: boolean };

export type Decided =
  | Extract<GateVerdict, { kind: 'respond' }>
  | (Extract<GateVerdict, { kind: 'forward' }> & { call: CanonicalCall; caller: Authenticated });

/** Stages 1 to 3. `send` is how an operation the gate completes itself (AssumeRoleWithWebIdentity) reaches the backend. */
export async function decide(
  raw: GateRequest,
  requestId: string,
  deps: DecideDeps,
  send: (call: CanonicalCall, caller: Authenticated) => Promise<BackendResponse> = () => Promise.reject(new Error('no backend')),
): Promise<Decided> {
  const call = decode(raw);
  if (call.kind === 'refuse') return refusalResponse(call, requestId);
  const caller = await authenticateCall(call, deps);
  if (caller.kind === 'refuse') return refusalResponse(caller, requestId);
  const verdict = await authorizeCall(call, caller, {
    account: deps.account, sessions: deps.sessions, keyStore: deps.keyStore, clock: deps.clock, assumptions: deps.assumptions,
    allowUnmodelled: deps.allowUnmodelled, requestId,
    send: (c) => send(c, caller),
  });
  return verdict.kind === 'respond' ? verdict : { ...verdict, call, caller };
}

export async function runPipeline(raw: GateRequest, requestId: string, deps: PipelineDeps): Promise<PipelineResult> {
  const decided = await decide(raw, requestId, deps, async (call, caller) => deps.forwarder.fetch(await outgoing(call, caller, deps)));
  if (decided.kind === 'respond') return decided;
  const { call, caller } = decided;
  return {
    kind: 'forward',
    request: await outgoing(call, caller, deps),
    ...(decided.decision ? { decision: decided.decision } : {}),
    ...(decided.transformResponse ? { transformResponse: decided.transformResponse } : {}),
    invalidate: !isReadOnly(call.operation),
  };
}

function outgoing(call: CanonicalCall, caller: Authenticated, deps: PipelineDeps): Promise<GateRequest> {
  const region = caller.kind === 'anonymous' ? deps.region : caller.scope.region;
  const credentials =
    caller.kind === 'session'
      ? { accessKeyId: caller.session.accessKeyId, secretAccessKey: caller.session.secretAccessKey, sessionToken: caller.session.sessionToken }
      : caller.kind === 'admin'
        ? deps.admin
        : undefined;
  return rebuild(call, credentials, region, deps.forwarder.host);
}

/** calls that never change what the AccountView caches */
const isReadOnly = (operation: string): boolean => /^(Get|List|Describe|BatchGet|Validate|AssumeRole)/.test(operation);

export type { BackendResponse };
