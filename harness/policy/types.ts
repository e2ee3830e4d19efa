/**
 * The public types of the IAM policy evaluator (harness/policy). No I/O anywhere in this folder.
 * Consumers (the gate, lint, probe, reports) import from harness/policy/index.ts only.
 */

/** A policy document as JSON. Validation (validatePolicy) turns unknown JSON into findings or a ParsedPolicy. */
export type PolicyJson = Record<string, unknown>;

export type PolicyKind = 'trust' | 'identity' | 'resource' | 'boundary' | 'session';

export interface PolicyFinding {
  /** JSON path inside the policy document, e.g. `Statement[1].Condition.StringLike` */
  path: string;
  severity: 'error' | 'warning';
  /** stable id, e.g. `unknown-operator`, `missing-action`, `invalid-effect` */
  code: string;
  message: string;
  /** the MalformedPolicyDocument message AWS would send for this finding, when known */
  awsMessage?: string;
}

/** A context value as the request carries it. Multi-valued keys (amr, aws:TagKeys) are arrays. */
export type ContextValue = string | readonly string[];

/** The principal making the request. For web identity: { federated: providerArnOrHost }. */
export type RequestPrincipal =
  | { kind: 'federated'; provider: string }
  /** An IAM principal; `arns` lists every ARN it may be matched by (session ARN, role ARN, account root). */
  | { kind: 'aws'; arns: readonly string[]; accountId: string }
  | { kind: 'service'; service: string };

export interface PolicyRequest {
  principal: RequestPrincipal;
  /** e.g. `sts:AssumeRoleWithWebIdentity`, `secretsmanager:GetSecretValue` */
  action: string;
  /** e.g. the role ARN, the secret ARN, or `*` */
  resource: string;
  /** condition keys -> values; key names are matched case-insensitively */
  context: Readonly<Record<string, ContextValue>>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Why one condition (operator + key) in a statement held or failed. */
export interface ConditionTrace {
  operator: string; // as written, e.g. `ForAnyValue:StringLike`
  key: string; // as written
  expected: readonly string[]; // the policy's values
  actual: readonly string[] | null; // the request's values, null when the key is absent
  matched: boolean;
  /** plain words: e.g. `api.gitpod.io/idp:sub is "https://github.com/evil/app", which matches none of ["https://github.com/acme/*"]` */
  reason: string;
  /** path inside the policy document, e.g. `Statement[0].Condition.StringLike["api.gitpod.io/idp:sub"]` */
  path: string;
  /**
   * The request values that decided, each with the policy value it matched (absent: it matched none of them).
   * Absent when no value decided (the key is absent, an empty set, Null, an unknown operator).
   */
  decidedBy?: ValueMatch[];
}

/** One request value of a condition and the policy value (pattern) it matched, if any. */
export interface ValueMatch {
  value: string;
  /** the policy value it matched, as written; absent when it matched none */
  pattern?: string;
  /** index of `pattern` in ConditionTrace.expected */
  index?: number;
  /** true when the value is not of the operator's type (not a number, date, IP, ARN, ...) */
  incomparable?: true;
}

export interface StatementTrace {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** did Principal/NotPrincipal, Action/NotAction, Resource/NotResource all match? */
  principalMatched: boolean;
  /** which request principal value matched: `*`, an ARN from `arns`, `account:<id>`, a provider or service */
  principalMatchedBy?: string;
  actionMatched: boolean;
  resourceMatched: boolean;
  conditions: ConditionTrace[];
  /** true when the statement applies to the request (all of the above hold) */
  applies: boolean;
  path: string; // `Statement[0]`
}

export interface PolicyEvaluation {
  decision: Decision;
  statements: StatementTrace[];
  /** the statement that decided (the first applying Deny, else the first applying Allow) */
  deciding?: StatementTrace;
  /** human sentences, in order, ready for results.json `explanation` */
  explanation: string[];
}

/** Everything that applies to a read by an assumed-role session (or any IAM principal), same account. */
export interface AuthorizationInput {
  request: PolicyRequest;
  identityPolicies: readonly PolicyJson[];
  /** omitted: no boundary */
  permissionsBoundary?: PolicyJson;
  /** omitted: no session policy */
  sessionPolicies?: readonly PolicyJson[];
  resourcePolicy?: PolicyJson;
  /** the session ARN and role ARN of the caller when it is an assumed-role session */
  session?: { sessionArn: string; roleArn: string };
}

/** Which layer decided. Maps onto AWS's AccessDenied message endings. */
export type DenialReason =
  | 'explicit-deny-identity' // "with an explicit deny in an identity-based policy"
  | 'explicit-deny-resource' // "with an explicit deny in a resource-based policy"
  | 'explicit-deny-boundary' // "with an explicit deny in a permissions boundary"
  | 'explicit-deny-session' // "with an explicit deny in a session policy"
  | 'no-identity-allow' // "because no identity-based policy allows the <action> action"
  | 'no-resource-allow' // "because no resource-based policy allows the <action> action"
  | 'no-boundary-allow' // "because no permissions boundary allows the <action> action"
  | 'no-session-allow'; // "because no session policy allows the <action> action"

export interface AuthorizationResult {
  decision: 'Allow' | 'Deny';
  denial?: DenialReason;
  /** per layer, the evaluation that was made */
  layers: Partial<Record<'identity' | 'resource' | 'boundary' | 'session', PolicyEvaluation>>;
  explanation: string[];
}
