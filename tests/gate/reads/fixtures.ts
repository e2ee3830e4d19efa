/** Fakes and builders for the read checks: an in-memory account, sessions, and a read context. */
import { ManualClock } from '../../../harness/clock.js';
import type { AccountView, IssuedSession, RoleView, SecretView } from '../../../harness/gate/types.js';
import { DEFAULT_ASSUMPTIONS } from '../../../harness/gate/assumptions.js';
import { decide, type DecideDeps, type Decided } from '../../../harness/gate/pipeline/index.js';
import { KeyStore } from '../../../harness/gate/web-identity/key-store.js';
import type { GateRequest } from '../../../harness/gate/types.js';

/** the deciding stages of the gate's pipeline, in memory, with the id the decision is recorded under */
export interface ReadContext extends DecideDeps {
  requestId: string;
  /** false: the gate forwards everything (`--enforce off`) */
  enforce: boolean;
}

/** decode, authenticate and authorize one request as the gate does (no backend) */
export async function checkSignedRequest(request: GateRequest, ctx: ReadContext): Promise<Decided | { kind: 'forward'; decision?: undefined; transformResponse?: undefined }> {
  return ctx.enforce ? decide(request, ctx.requestId, ctx) : { kind: 'forward' };
}

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.gitpod.io/idp`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/reader`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/ws-session`;
export const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`;
export const OTHER_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/other-GhIjKl`;
export const ADMIN = { accessKeyId: 'AKIAADMINEXAMPLE', secretAccessKey: 'admin-secret-key' };

export const allow = (action: string | string[], resource: string | string[], extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllowRead', Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});

export const statement = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [s] });

export function role(overrides: Partial<RoleView> = {}): RoleView {
  return {
    name: 'reader',
    arn: ROLE_ARN,
    roleId: 'AROAEXAMPLEREADER',
    accountId: ACCOUNT,
    trustPolicy: {},
    identityPolicies: [],
    maxSessionDuration: 3600,
    ...overrides,
  };
}

export const secret = (overrides: Partial<SecretView> = {}): SecretView => ({ name: 'app/db', arn: SECRET_ARN, ...overrides });
export const otherSecret = (overrides: Partial<SecretView> = {}): SecretView => ({
  name: 'app/other',
  arn: OTHER_SECRET_ARN,
  ...overrides,
});

export function issuedSession(clock: ManualClock, overrides: Partial<IssuedSession> = {}): IssuedSession {
  return {
    accessKeyId: 'ASIASESSIONEXAMPLE1',
    secretAccessKey: 'session-secret-key-for-tests',
    sessionToken: 'session-token-for-tests',
    roleArn: ROLE_ARN,
    sessionArn: SESSION_ARN,
    expiration: new Date(clock.now().getTime() + 3600_000),
    claims: { aud: 'sts.amazonaws.com', sub: 'https://github.com/acme/app', amr: ['https://gitpod.io'] },
    providerArn: PROVIDER_ARN,
    ...overrides,
  };
}

export class FakeAccount implements AccountView {
  constructor(
    private readonly roles: RoleView[] = [],
    private readonly secrets: SecretView[] = [],
  ) {}
  async providers(): Promise<never[]> {
    return [];
  }
  async role(arn: string): Promise<RoleView | undefined> {
    return this.roles.find((r) => r.arn === arn);
  }
  async secret(idOrArn: string): Promise<SecretView | undefined> {
    return this.secrets.find((s) => s.name === idOrArn || s.arn === idOrArn);
  }
  async policy(): Promise<undefined> {
    return undefined;
  }
  invalidate(): void {}
}

export interface World {
  clock: ManualClock;
  session: IssuedSession;
  ctx: ReadContext;
}

export function world(options: { role?: RoleView; secrets?: SecretView[]; session?: Partial<IssuedSession>; enforce?: boolean } = {}): World {
  // the SDK signs with the real time; the gate clock starts there and moves only when a test says so
  const clock = new ManualClock(new Date());
  const session = issuedSession(clock, options.session);
  const ctx: ReadContext = {
    sessions: { get: (id: string) => (id === session.accessKeyId ? session : undefined), add: () => undefined },
    keyStore: new KeyStore({ issuers: { localBase: () => undefined, toLocal: () => undefined }, fetch: () => Promise.reject(new Error('no IdP')), timeoutMs: () => 1000 }),
    assumptions: DEFAULT_ASSUMPTIONS,
    allowUnmodelled: false,
    region: REGION,
    account: new FakeAccount([options.role ?? role()], options.secrets ?? [secret()]),
    clock,
    admin: ADMIN,
    requestId: 'req-0001',
    enforce: options.enforce ?? true,
  };
  return { clock, session, ctx };
}
