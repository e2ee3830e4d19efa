/** Public types of the enforcing endpoint ("the gate") that sits in front of a backend. */
import type { StartedBackend } from '../backends/types.js';
import type { Clock } from '../clock.js';
import type { IssuerMap } from '../idp/types.js';
import type { PolicyEvaluation, AuthorizationResult } from '../policy/types.js';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/**
 * Where AWS's behaviour is not confirmed ([?] in docs/aws-oidc-federation.md), the gate
 * follows a named assumption. Each one is listed in reports when it decided a case.
 */
export interface GateAssumptions {
  /** `:aud` checks `azp` when present (documented for Google only) */
  audKeyUsesAzp: boolean;
  /**
   * a token with several `aud` values and no `azp` deciding `:aud`: `<provider>:aud` is the one audience that
   * matched the ClientIDList, single-valued like the response's `Audience` and the key after assumption
   * (true, default: AWS documents `:aud` as a String key), or every audience as a multi-valued key, so that
   * `StringEquals` on it never holds and only `ForAnyValue:` can match (false)
   */
  multiAudKeyIsMatchedClientId: boolean;
  /** a role that does not exist gives AccessDenied (presumed) */
  missingRoleIsAccessDenied: boolean;
  /** token without kid and a JWKS with several keys: try every key (true) or refuse (false) */
  noKidTriesAllKeys: boolean;
  /** an `nbf` in the future (beyond skew) is refused as InvalidIdentityToken */
  enforceNbf: boolean;
  /** an `iat` in the future (beyond skew) is refused as InvalidIdentityToken */
  rejectFutureIat: boolean;
  /** clock skew allowance in seconds for exp/nbf/iat */
  clockSkewSeconds: number;
  /** JWKS with more keys than this is refused (a user saw >100 fail) */
  maxJwksKeys: number;
  /**
   * an IdP whose discovery document or JWKS cannot be fetched (5xx, timeout, invalid JSON, no jwks_uri) gives
   * InvalidIdentityToken "Couldn't retrieve verification key ..." (true, observed for unreachable JWKS) rather
   * than IDPCommunicationError (false; its message is unknown)
   */
  idpFetchFailureIsInvalidIdentityToken: boolean;
  /**
   * a managed session policy (`PolicyArns`) that does not exist refuses the assumption with ValidationError
   * "Policy <arn> does not exist or is not attachable." (true, the stricter reading: IAM's wording for the same
   * fault) rather than being ignored (false); AWS's answer is not confirmed
   */
  missingSessionPolicyArnIsRefused: boolean;
  /** timeout for each discovery/JWKS fetch, ms */
  fetchTimeoutMs: number;
  /** a token whose header or claims repeat a JSON key is refused (JSON.parse would keep the last value) */
  refuseDuplicateTokenKeys: boolean;
  /** a `sub` that is not a string (array, number, object) is refused */
  refuseNonStringSub: boolean;
  /** exp/nbf/iat after 9999-12-31T23:59:59Z or not a safe integer are refused */
  refuseTimeClaimsBeyondYear9999: boolean;
  /** a token whose `iat` is older than this many seconds is refused ("Token too old"); 0: no bound */
  maxTokenAgeSeconds: number;
}

export interface GateOptions {
  backend: StartedBackend;
  issuers: IssuerMap;
  clock?: Clock;
  fetch?: FetchLike;
  /** false: a transparent proxy that records what the emulator did (`--enforce off`) */
  enforce: boolean;
  /**
   * true (`--allow-unmodelled`): a session's call to an operation the gate does not model is forwarded,
   * marked "not enforced" in its decision; false (default): it is refused with AccessDenied
   */
  allowUnmodelled?: boolean;
  assumptions?: Partial<GateAssumptions>;
  /** 0 or omitted: any free loopback port */
  port?: number;
}

export type GateOperation =
  | 'AssumeRoleWithWebIdentity'
  | 'GetSecretValue'
  | 'BatchGetSecretValue'
  | 'DescribeSecret'
  | 'ListSecrets'
  | 'Other';

/** What the gate decided for one request; looked up by the AWS request id the client saw. */
export interface GateDecision {
  requestId: string;
  operation: GateOperation;
  /** 'allowed' or the AWS error code returned */
  outcome: string;
  message?: string;
  httpStatus: number;
  /** sentences for results.json `explanation` */
  explanation: string[];
  /** the trust-policy evaluation, for AssumeRoleWithWebIdentity that reached it */
  trust?: PolicyEvaluation;
  /** the authorization of a read */
  authorization?: AuthorizationResult;
  /** true when the gate let the call through without authorizing it (`--allow-unmodelled`) */
  notEnforced?: boolean;
  /** names of GateAssumptions that this decision relied on */
  assumptionsUsed: (keyof GateAssumptions)[];
}

export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  roleArn: string;
  sessionArn: string;
  sessionPolicy?: Record<string, unknown>;
  /** managed session policies (PolicyArns), resolved when the session was issued */
  managedSessionPolicies?: Record<string, unknown>[];
  expiration: Date;
  /** claims that stay available as condition keys after assumption (amr, aud, id, sub) */
  claims: Record<string, unknown>;
  providerArn: string;
}

export interface StartedGate extends AsyncDisposable {
  endpoint(): string;
  decision(requestId: string): GateDecision | undefined;
  /** forget cached discovery/JWKS (all issuers when omitted) */
  invalidateKeys(issuer?: string): void;
  session(accessKeyId: string): IssuedSession | undefined;
  /** forget cached account state, keys, sessions and decisions (after the backend was reset) */
  reset(): void;
  close(): Promise<void>;
}

/** A role as the gate needs it, read from the backend's IAM with administrator credentials. */
export interface RoleView {
  name: string;
  arn: string;
  roleId: string;
  accountId: string;
  trustPolicy: Record<string, unknown>;
  /** inline policies and attached managed policies (default versions) */
  identityPolicies: Record<string, unknown>[];
  permissionsBoundary?: Record<string, unknown>;
  maxSessionDuration: number;
}

export interface OidcProviderView {
  arn: string;
  /** as IAM stores it: host + path, no scheme */
  url: string;
  clientIds: string[];
  thumbprints: string[];
}

export interface SecretView {
  name: string;
  arn: string;
  resourcePolicy?: Record<string, unknown>;
}

/**
 * A cached view of the emulated account, read through the backend with administrator credentials.
 * Invalidated whenever an IAM or Secrets Manager write passes through the gate.
 */
export interface AccountView {
  providers(accountId: string): Promise<OidcProviderView[]>;
  /** undefined when the role does not exist */
  role(arn: string): Promise<RoleView | undefined>;
  /** by name or ARN, in `region` (default: the backend's); undefined when the secret does not exist */
  secret(idOrArn: string, region?: string): Promise<SecretView | undefined>;
  /** a managed policy's default version; undefined when the policy does not exist */
  policy(arn: string): Promise<Record<string, unknown> | undefined>;
  /** the ARN (path included) of the IAM role/user/group/instance profile `name`; undefined when it does not exist */
  iamArn?(kind: IamNamedKind, name: string): Promise<string | undefined>;
  invalidate(): void;
}

export type IamNamedKind = 'role' | 'user' | 'group' | 'instance-profile';

/** An incoming HTTP request as the gate's handlers see it (body fully read). */
export interface GateRequest {
  method: string;
  /** path and query, as received */
  url: string;
  /** lower-cased header names */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Rewrites the backend's answer before the client sees it (BatchGetSecretValue: moves secrets the caller
 * may not read from `SecretValues` to `Errors`). May add sentences to the verdict's decision explanation.
 */
export type ResponseTransform = (response: { status: number; body: string }) => Promise<{ status: number; body: string }>;

/** What a handler decided: pass the request on to the backend, or answer it here. */
export type GateVerdict =
  /** `decision`: optional record for a request the handler let through (e.g. an allowed read) */
  | { kind: 'forward'; decision?: GateDecision; transformResponse?: ResponseTransform }
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string; decision: GateDecision };
