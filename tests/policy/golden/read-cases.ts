/** Golden read cases: an assumed-role session reads a secret in the same account (unless stated). */
import type { DenialReason, PolicyJson } from '../../../harness/policy/index.js';

export interface ReadCase {
  name: string;
  ref: string;
  identity?: PolicyJson[];
  resource?: PolicyJson;
  boundary?: PolicyJson;
  session?: PolicyJson[];
  secret?: string;
  expect: 'Allow' | DenialReason;
}

export const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/acme`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/acme/ws-1`;
export const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
const GET = 'secretsmanager:GetSecretValue';

const doc = (...statements: Record<string, unknown>[]): PolicyJson => ({ Version: '2012-10-17', Statement: statements });
const allowGet = doc({ Effect: 'Allow', Action: GET, Resource: '*' });
const denyGet = doc({ Effect: 'Deny', Action: GET, Resource: '*' });
const allowS3 = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const rp = (principal: unknown, effect = 'Allow') => doc({ Effect: effect, Principal: principal, Action: GET, Resource: '*' });

const F = 'aws-oidc-federation.md';
const E = 'policy-engines.md';
const R = {
  or: `${F} §4 "allowed if an identity policy OR the secret's resource policy allows, and nothing denies"`,
  cap: `${F} §4 "a permissions boundary and a session policy both cap identity-policy grants"`,
  sessionRule: `${F} §4 "A resource policy naming the role ARN is still capped by the session policy; one naming the session ARN is not"`,
  deny: `${F} §4 "Explicit Deny beats any Allow; no Allow = implicit deny"`,
  msg: `${F} §4 "because no identity-based policy allows"`,
  rootDelegation: `${E} §iam-simulate "account-root delegation"`,
  boundaryRule: `${E} §iam-simulate "boundaries (session-ARN vs role-ARN rule)"`,
  cross: `${E} §iam-simulate "SCP deny, cross-account"`,
};

export const readCases: ReadCase[] = [
  { name: 'identity policy allows', ref: R.or, identity: [allowGet], expect: 'Allow' },
  { name: 'no policy at all', ref: R.msg, expect: 'no-identity-allow' },
  { name: 'identity policy for another action only', ref: R.msg, identity: [allowS3], expect: 'no-identity-allow' },
  { name: 'identity policy for another secret only', ref: R.msg, identity: [doc({ Effect: 'Allow', Action: GET, Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:web-*` })], expect: 'no-identity-allow' },
  { name: 'identity policy for this secret by prefix', ref: R.or, identity: [doc({ Effect: 'Allow', Action: 'secretsmanager:Get*', Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:db-*` })], expect: 'Allow' },
  { name: 'resource policy names the role ARN', ref: R.or, resource: rp({ AWS: ROLE }), expect: 'Allow' },
  { name: 'resource policy names the session ARN', ref: R.or, resource: rp({ AWS: SESSION }), expect: 'Allow' },
  { name: 'resource policy names any principal', ref: R.or, resource: rp('*'), expect: 'Allow' },
  { name: 'resource policy names only the account: delegation, no grant', ref: R.rootDelegation, resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), expect: 'no-identity-allow' },
  { name: 'resource policy names the account, identity allows', ref: R.rootDelegation, resource: rp({ AWS: ACCOUNT }), identity: [allowGet], expect: 'Allow' },
  { name: 'resource policy names another role', ref: R.or, resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:role/other` }), expect: 'no-identity-allow' },
  { name: 'explicit deny in the identity policy', ref: R.deny, identity: [allowGet, denyGet], expect: 'explicit-deny-identity' },
  { name: 'explicit deny in the resource policy beats an identity allow', ref: R.deny, identity: [allowGet], resource: rp({ AWS: ROLE }, 'Deny'), expect: 'explicit-deny-resource' },
  { name: 'explicit deny in the resource policy for the account', ref: R.deny, identity: [allowGet], resource: rp({ AWS: ACCOUNT }, 'Deny'), expect: 'explicit-deny-resource' },
  { name: 'resource deny for another role does not apply', ref: R.deny, identity: [allowGet], resource: rp({ AWS: `arn:aws:iam::${ACCOUNT}:role/other` }, 'Deny'), expect: 'Allow' },
  { name: 'boundary allows the action', ref: R.cap, identity: [allowGet], boundary: allowGet, expect: 'Allow' },
  { name: 'boundary does not allow the action', ref: R.cap, identity: [allowGet], boundary: allowS3, expect: 'no-boundary-allow' },
  { name: 'explicit deny in the boundary', ref: R.deny, identity: [allowGet], boundary: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: GET, Resource: '*' }), expect: 'explicit-deny-boundary' },
  { name: 'boundary does not cap a resource grant to the session ARN', ref: R.boundaryRule, resource: rp({ AWS: SESSION }), boundary: allowS3, expect: 'Allow' },
  { name: 'boundary caps a resource grant to the role ARN', ref: R.boundaryRule, resource: rp({ AWS: ROLE }), boundary: allowS3, expect: 'no-boundary-allow' },
  { name: 'boundary alone grants nothing', ref: R.cap, boundary: allowGet, expect: 'no-identity-allow' },
  { name: 'session policy caps the identity grant', ref: R.cap, identity: [allowGet], session: [allowS3], expect: 'no-session-allow' },
  { name: 'session policy allows the action', ref: R.cap, identity: [allowGet], session: [allowGet], expect: 'Allow' },
  { name: 'session policy alone grants nothing', ref: R.cap, session: [allowGet], expect: 'no-identity-allow' },
  { name: 'session policy caps a resource grant to the role ARN', ref: R.sessionRule, resource: rp({ AWS: ROLE }), session: [allowS3], expect: 'no-session-allow' },
  { name: 'session policy does not cap a resource grant to the session ARN', ref: R.sessionRule, resource: rp({ AWS: SESSION }), session: [allowS3], expect: 'Allow' },
  { name: 'explicit deny in a session policy', ref: R.deny, identity: [allowGet], session: [doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: GET, Resource: '*' })], expect: 'explicit-deny-session' },
  { name: 'cross-account: identity allow without a resource grant', ref: R.cross, identity: [allowGet], secret: 'arn:aws:secretsmanager:us-east-1:999999999999:secret:x-AbCdEf', expect: 'no-resource-allow' },
  { name: 'cross-account: identity allow and the resource policy names the account', ref: R.cross, identity: [allowGet], resource: rp({ AWS: ACCOUNT }), secret: 'arn:aws:secretsmanager:us-east-1:999999999999:secret:x-AbCdEf', expect: 'Allow' },
];
