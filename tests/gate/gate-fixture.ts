/** Test world: the moto backend (worker-scoped), a mock Gitpod IdP and a gate per test, all on one ManualClock. */
import { expect, test as base } from '@playwright/test';
import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  type AssumeRoleWithWebIdentityCommandInput,
  type AssumeRoleWithWebIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import { motoPerWorker } from '../backends/fixtures/moto-per-worker.js';
import type { StartedBackend } from '../../harness/backends/types.js';
import { ManualClock } from '../../harness/clock.js';
import { startGate } from '../../harness/gate/index.js';
import type { FetchLike, GateOptions, StartedGate } from '../../harness/gate/types.js';
import { createMockIdp } from '../../harness/idp/index.js';
import type { MintRequest, MockIdp } from '../../harness/idp/types.js';

export const ISSUER = 'https://api.gitpod.io/idp';
export const ACCOUNT = '123456789012';
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.gitpod.io/idp`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/reader`;
export const START = Date.UTC(2026, 0, 1);

export const trustPolicy = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER_ARN },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' },
        StringLike: { 'api.gitpod.io/idp:sub': 'https://github.com/acme/*' },
      },
      ...extra,
    },
  ],
});

export interface GateWorld {
  clock: ManualClock;
  idp: MockIdp;
  backend: StartedBackend;
  /** admin IAM client talking to the backend directly */
  iam: IAMClient;
  /** starts (or restarts) the gate with these options over the defaults */
  gate(options?: Partial<GateOptions>): Promise<StartedGate>;
  /** the gate started last */
  gateHandle(): StartedGate;
  /** an STS client pointed at the current gate */
  sts(): STSClient;
  mint(request?: Partial<MintRequest>): Promise<string>;
  assume(token: string, input?: Partial<AssumeRoleWithWebIdentityCommandInput>): Promise<AssumeRoleWithWebIdentityCommandOutput>;
  createRole(name: string, trust: Record<string, unknown>, maxSessionDuration?: number): Promise<void>;
  /**
   * `systemClockOffset` for SDK clients that sign requests to the gate: they sign on the world's clock, which the
   * gate's 15-minute window is checked against (the SDK adds this offset to the system time when signing)
   */
  signingOffset(): number;
}

export const test = base.extend<{ world: GateWorld }, { backend: StartedBackend }>({
  backend: motoPerWorker(ACCOUNT),
  world: async ({ backend }, use) => {
    await backend.reset();
    const clock = new ManualClock(START);
    const idp = await createMockIdp({ clock });
    idp.serve(ISSUER, 'gitpod');
    const iam = new IAMClient({ endpoint: backend.endpoint(), region: 'us-east-1', credentials: backend.credentials() });
    await iam.send(new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['a'.repeat(40)] }));
    await iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: JSON.stringify(trustPolicy()) }));
    let current: StartedGate | undefined;
    let stsClient: STSClient | undefined;
    const world: GateWorld = {
      clock, idp, backend, iam,
      async gate(options = {}) {
        await current?.close();
        current = await startGate({ backend, issuers: idp.issuers, clock, enforce: true, ...options });
        stsClient = new STSClient({ endpoint: current.endpoint(), region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
        return current;
      },
      gateHandle() {
        if (!current) throw new TypeError('start the gate first');
        return current;
      },
      sts() {
        if (!stsClient) throw new TypeError('start the gate first');
        return stsClient;
      },
      async mint(request = {}) {
        return (await idp.mint({ profile: 'gitpod', issuer: ISSUER, ...request })).token;
      },
      assume(token, input = {}) {
        return world.sts().send(
          new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'ws-1', WebIdentityToken: token, ...input }),
        );
      },
      signingOffset: () => clock.now().getTime() - Date.now(),
      async createRole(name, trust, maxSessionDuration) {
        await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust), MaxSessionDuration: maxSessionDuration }));
      },
    };
    await use(world);
    await current?.close();
    await idp.close();
    iam.destroy();
  },
});

export { expect };

export interface SdkFailure {
  name: string;
  message: string;
  /** the AWS error code on the wire (Query protocol) */
  Code?: string;
  $metadata: { httpStatusCode?: number; requestId?: string };
}

/** The rejection of a promise, for asserting on the SDK's error. */
export async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (e) {
    return e as SdkFailure;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The SDK names modeled errors after their shape; unmodeled ones (AccessDenied, ValidationError) by code. */
const SDK_NAMES: Record<string, string> = {
  MalformedPolicyDocument: 'MalformedPolicyDocumentException',
  PackedPolicyTooLarge: 'PackedPolicyTooLargeException',
  InvalidIdentityToken: 'InvalidIdentityTokenException',
  IDPCommunicationError: 'IDPCommunicationErrorException',
};

/** Asserts AWS's code (on the wire and as the SDK names it), HTTP status and, when given, exact message. */
export function expectAwsError(e: SdkFailure, code: string, status: number, message?: string): void {
  expect(e.Code ?? e.name).toBe(code);
  expect(e.name).toBe(SDK_NAMES[code] ?? code);
  expect(e.$metadata.httpStatusCode).toBe(status);
  if (message !== undefined) expect(e.message).toBe(message);
}

/** A fetch that never answers (for timeouts). */
export const hangingFetch: FetchLike = () => new Promise<Response>(() => undefined);
