/** Golden trust-policy cases: token claims -> condition keys -> trust policy decision. */
import type { Decision, PolicyJson } from '../../../harness/policy/index.js';

export interface TrustCase {
  name: string;
  /** `<reference file> §<section> "<quoted text>"`: the reference line this case checks */
  ref: string;
  /** the token issuer; the request's Federated principal is its provider ARN unless `principal` is given */
  issuer: string;
  claims: Record<string, unknown>;
  policy: PolicyJson;
  principal?: string;
  action?: string;
  expect: Decision;
}

export const ACCOUNT = '123456789012';
export const GITPOD = 'https://api.gitpod.io/idp';
export const providerArn = (issuer: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.replace(/^https:\/\//, '')}`;
const P = 'api.gitpod.io/idp';
const FED = { Federated: providerArn(GITPOD) };
const WEB = 'sts:AssumeRoleWithWebIdentity';
const claims = (over: Record<string, unknown> = {}) => ({ aud: ['sts.amazonaws.com'], azp: 'sts.amazonaws.com', sub: 'https://github.com/acme/app', org_id: 'org-1', email: 'dev@acme.test', ...over });
const policy = (...statements: Record<string, unknown>[]): PolicyJson => ({
  Version: '2012-10-17',
  Statement: statements.map((s) => ({ Effect: 'Allow', Principal: FED, Action: WEB, ...s })),
});
const cond = (condition: Record<string, unknown>) => ({ Condition: condition });
const audSub = (sub: string | string[], op = 'StringEquals') =>
  op === 'StringEquals'
    ? cond({ StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com', [`${P}:sub`]: sub } })
    : cond({ StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, [op]: { [`${P}:sub`]: sub } });

const F = 'aws-oidc-federation.md';
const R4 = {
  or: `${F} §4 "Several values for one key: OR"`,
  and: `${F} §4 "Several keys in one operator block: AND"`,
  ops: `${F} §4 "Several operators: AND"`,
  none: `${F} §4 "with several values: the key must match none"`,
  absent: `${F} §4 "Key absent from the request: the condition is false, except negated operators (true), ...IfExists (true) and Null"`,
  caseValues: `${F} §4 "StringEquals/StringLike are case-sensitive on values"`,
  wild: `${F} §4 "StringLike wildcards * and ? anywhere"`,
  ignoreCase: `${F} §4 "StringEqualsIgnoreCase ignores case"`,
  keyCase: `${F} §4 "Condition key *names* are case-insensitive"`,
  any: `${F} §4 "ForAnyValue: false when the key is absent or empty"`,
  all: `${F} §4 "ForAllValues: true when absent or empty"`,
  deny: `${F} §4 "Explicit Deny beats any Allow; no Allow = implicit deny"`,
};
const R1 = {
  keys: `${F} §1 "Condition keys are <host>[/<path>]:<claim>"`,
  principal: `${F} §1 "The trust policy names the provider ARN in Principal.Federated"`,
  generic: `${F} §1 "Generic keys for any OIDC provider: :aud, :sub, :amr (multi-valued: use ForAnyValue:), and :azp"`,
  azp: `${F} §1 ":aud maps to the token's azp claim when azp is present, otherwise to aud; :oaud is the raw aud"`,
  gitpodOnly: `${F} §1 "A condition on any other claim of a Gitpod token never matches"`,
  specific: `${F} §1 "Provider-specific claim keys, added 2026-01/02 for a fixed list of issuers only"`,
};
const R2 = `${F} §2 "no Allow for sts:AssumeRoleWithWebIdentity matching the Federated principal and all conditions, or any matching Deny"`;
const R5 = {
  org: `${F} §5 "sub patterns whose wildcard spans an org boundary"`,
  bare: `${F} §5 "StringLike with a bare *"`,
  forAll: `${F} §5 "ForAllValues: in an Allow"`,
  immutable: `${F} §5 "old name-only patterns stop matching"`,
};

export const trustCases: TrustCase[] = [
  { name: 'Gitpod aud and sub pinned: allowed', ref: R2, issuer: GITPOD, claims: claims(), policy: policy(audSub('https://github.com/acme/app')), expect: 'Allow' },
  { name: 'wrong aud: denied', ref: R2, issuer: GITPOD, claims: claims({ azp: 'other', aud: ['other'] }), policy: policy(audSub('https://github.com/acme/app')), expect: 'ImplicitDeny' },
  { name: 'wrong sub: denied', ref: R2, issuer: GITPOD, claims: claims({ sub: 'https://github.com/evil/app' }), policy: policy(audSub('https://github.com/acme/app')), expect: 'ImplicitDeny' },
  { name: 'sub absent: StringEquals is false', ref: R4.absent, issuer: GITPOD, claims: claims({ sub: undefined }), policy: policy(audSub('https://github.com/acme/app')), expect: 'ImplicitDeny' },
  { name: 'org-scoped StringLike keeps another org out', ref: R5.org, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme-evil/app' }), policy: policy(audSub('https://github.com/acme/*', 'StringLike')), expect: 'ImplicitDeny' },
  { name: 'StringLike acme* spans the org boundary (the trap)', ref: R5.org, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme-evil/app' }), policy: policy(audSub('https://github.com/acme*', 'StringLike')), expect: 'Allow' },
  { name: 'StringLike org pattern matches a repo of the org', ref: R4.wild, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/infra' }), policy: policy(audSub('https://github.com/acme/*', 'StringLike')), expect: 'Allow' },
  { name: 'StringLike ? matches exactly one character', ref: R4.wild, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/app2' }), policy: policy(audSub('https://github.com/acme/app?', 'StringLike')), expect: 'Allow' },
  { name: 'StringLike ? does not match two characters', ref: R4.wild, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/app22' }), policy: policy(audSub('https://github.com/acme/app?', 'StringLike')), expect: 'ImplicitDeny' },
  { name: 'StringLike with a bare * lets any sub in', ref: R5.bare, issuer: GITPOD, claims: claims({ sub: 'https://gitlab.com/anyone/x' }), policy: policy(audSub('*', 'StringLike')), expect: 'Allow' },
  { name: 'ForAllValues on an absent amr is vacuously true (trap)', ref: R4.all, issuer: GITPOD, claims: claims(), policy: policy(cond({ 'ForAllValues:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'Allow' },
  { name: 'ForAllValues in an Allow with an unlisted amr value: denied', ref: R5.forAll, issuer: GITPOD, claims: claims({ amr: ['mfa', 'pwd'] }), policy: policy(cond({ 'ForAllValues:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'ImplicitDeny' },
  { name: 'ForAllValues on an empty amr is vacuously true', ref: R4.all, issuer: GITPOD, claims: claims({ amr: [] }), policy: policy(cond({ 'ForAllValues:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'Allow' },
  { name: 'ForAnyValue on an absent amr is false', ref: R4.any, issuer: GITPOD, claims: claims(), policy: policy(cond({ 'ForAnyValue:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'ImplicitDeny' },
  { name: 'ForAnyValue on an empty amr is false', ref: R4.any, issuer: GITPOD, claims: claims({ amr: [] }), policy: policy(cond({ 'ForAnyValue:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'ImplicitDeny' },
  { name: 'ForAnyValue finds mfa among amr values', ref: R1.generic, issuer: GITPOD, claims: claims({ amr: ['pwd', 'mfa'] }), policy: policy(cond({ 'ForAnyValue:StringEquals': { [`${P}:amr`]: ['mfa'] } })), expect: 'Allow' },
  { name: 'amr with a single-valued operator never matches (multi-valued key)', ref: R1.generic, issuer: GITPOD, claims: claims({ amr: ['mfa'] }), policy: policy(cond({ StringEquals: { [`${P}:amr`]: 'mfa' } })), expect: 'ImplicitDeny' },
  { name: 'another provider in Principal.Federated: denied', ref: R1.principal, issuer: GITPOD, claims: claims(), policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://token.actions.githubusercontent.com') }, Action: WEB }] }, expect: 'ImplicitDeny' },
  { name: 'provider named by host instead of ARN: denied', ref: R1.principal, issuer: GITPOD, claims: claims(), policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'api.gitpod.io/idp' }, Action: WEB }] }, expect: 'ImplicitDeny' },
  { name: 'provider ARN of another account: denied', ref: R1.principal, issuer: GITPOD, claims: claims(), policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::999999999999:oidc-provider/api.gitpod.io/idp' }, Action: WEB }] }, expect: 'ImplicitDeny' },
  {
    name: "seed's wrong-prefix keys gitpod.io/idp:sub never match provider api.dev-internal.gitpod.cloud/idp",
    ref: R1.keys,
    issuer: 'https://api.dev-internal.gitpod.cloud/idp',
    claims: claims(),
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://api.dev-internal.gitpod.cloud/idp') }, Action: WEB, Condition: { StringEquals: { 'gitpod.io/idp:aud': 'sts.amazonaws.com' }, StringLike: { 'gitpod.io/idp:sub': 'https://github.com/acme/*' } } }] },
    expect: 'ImplicitDeny',
  },
  {
    name: 'the same policy with the right prefix matches',
    ref: R1.keys,
    issuer: 'https://api.dev-internal.gitpod.cloud/idp',
    claims: claims(),
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://api.dev-internal.gitpod.cloud/idp') }, Action: WEB, Condition: { StringEquals: { 'api.dev-internal.gitpod.cloud/idp:aud': 'sts.amazonaws.com' }, StringLike: { 'api.dev-internal.gitpod.cloud/idp:sub': 'https://github.com/acme/*' } } }] },
    expect: 'Allow',
  },
  { name: 'Gitpod org_id is not a condition key', ref: R1.gitpodOnly, issuer: GITPOD, claims: claims(), policy: policy(cond({ StringEquals: { [`${P}:org_id`]: 'org-1' } })), expect: 'ImplicitDeny' },
  { name: 'Gitpod email is not a condition key', ref: R1.gitpodOnly, issuer: GITPOD, claims: claims(), policy: policy(cond({ StringEquals: { [`${P}:email`]: 'dev@acme.test' } })), expect: 'ImplicitDeny' },
  { name: 'a Deny on pull-request subs beats the Allow', ref: R4.deny, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/app/pull/1' }), policy: policy(audSub('https://github.com/acme/*', 'StringLike'), { Effect: 'Deny', Principal: '*', ...cond({ StringLike: { [`${P}:sub`]: '*/pull/*' } }) }), expect: 'ExplicitDeny' },
  { name: 'a Deny whose condition fails does not deny', ref: R4.deny, issuer: GITPOD, claims: claims(), policy: policy(audSub('https://github.com/acme/*', 'StringLike'), { Effect: 'Deny', Principal: '*', ...cond({ StringLike: { [`${P}:sub`]: '*/pull/*' } }) }), expect: 'Allow' },
  { name: 'a Deny with StringNotEquals on an absent key applies', ref: R4.absent, issuer: GITPOD, claims: claims(), policy: policy({}, { Effect: 'Deny', ...cond({ StringNotEquals: { [`${P}:azp_missing`]: 'x' } }) }), expect: 'ExplicitDeny' },
  { name: 'a Deny with ForAnyValue on an absent key does not apply', ref: R4.any, issuer: GITPOD, claims: claims(), policy: policy({}, { Effect: 'Deny', ...cond({ 'ForAnyValue:StringEquals': { [`${P}:amr`]: 'pwd' } }) }), expect: 'Allow' },
  { name: 'StringEqualsIfExists on an absent key holds', ref: R4.absent, issuer: GITPOD, claims: claims(), policy: policy(cond({ StringEqualsIfExists: { [`${P}:amr_x`]: 'x' }, StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' } })), expect: 'Allow' },
  { name: 'StringNotEquals on an absent key holds', ref: R4.absent, issuer: GITPOD, claims: claims(), policy: policy(cond({ StringNotEquals: { [`${P}:amr`]: 'x' } })), expect: 'Allow' },
  { name: 'Null true on an absent key holds', ref: R4.absent, issuer: GITPOD, claims: claims(), policy: policy(cond({ Null: { [`${P}:amr`]: 'true' } })), expect: 'Allow' },
  { name: 'Null false on an absent key fails', ref: R4.absent, issuer: GITPOD, claims: claims(), policy: policy(cond({ Null: { [`${P}:amr`]: 'false' } })), expect: 'ImplicitDeny' },
  { name: 'StringNotLike with a matching sub fails', ref: R4.none, issuer: GITPOD, claims: claims({ sub: 'https://github.com/evil/x' }), policy: policy(cond({ StringNotLike: { [`${P}:sub`]: ['*evil*', '*fork*'] } })), expect: 'ImplicitDeny' },
  { name: 'StringNotEquals with several values: must match none', ref: R4.none, issuer: GITPOD, claims: claims({ sub: 'b' }), policy: policy(cond({ StringNotEquals: { [`${P}:sub`]: ['a', 'b'] } })), expect: 'ImplicitDeny' },
  { name: 'StringNotEquals with several values, none matching: holds', ref: R4.none, issuer: GITPOD, claims: claims({ sub: 'c' }), policy: policy(cond({ StringNotEquals: { [`${P}:sub`]: ['a', 'b'] } })), expect: 'Allow' },
  { name: 'several values for sub: any one matches', ref: R4.or, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/web' }), policy: policy(audSub(['https://github.com/acme/app', 'https://github.com/acme/web'])), expect: 'Allow' },
  { name: 'several keys in one block: all must match', ref: R4.and, issuer: GITPOD, claims: claims({ azp: 'other' }), policy: policy(cond({ StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com', [`${P}:sub`]: 'https://github.com/acme/app' } })), expect: 'ImplicitDeny' },
  { name: 'several operators: all must hold', ref: R4.ops, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/app' }), policy: policy(cond({ StringLike: { [`${P}:sub`]: 'https://github.com/acme/*' }, StringNotLike: { [`${P}:sub`]: '*/app' } })), expect: 'ImplicitDeny' },
  { name: 'values are case-sensitive for StringEquals', ref: R4.caseValues, issuer: GITPOD, claims: claims({ sub: 'https://github.com/ACME/app' }), policy: policy(audSub('https://github.com/acme/app')), expect: 'ImplicitDeny' },
  { name: 'values are case-sensitive for StringLike', ref: R4.caseValues, issuer: GITPOD, claims: claims({ sub: 'https://github.com/ACME/app' }), policy: policy(audSub('https://github.com/acme/*', 'StringLike')), expect: 'ImplicitDeny' },
  { name: 'StringEqualsIgnoreCase ignores case', ref: R4.ignoreCase, issuer: GITPOD, claims: claims({ sub: 'https://github.com/ACME/app' }), policy: policy(audSub('https://github.com/acme/app', 'StringEqualsIgnoreCase')), expect: 'Allow' },
  { name: 'condition key names are case-insensitive', ref: R4.keyCase, issuer: GITPOD, claims: claims(), policy: policy(cond({ StringEquals: { 'API.Gitpod.IO/idp:SUB': 'https://github.com/acme/app' } })), expect: 'Allow' },
  { name: ':aud is azp when the token has azp', ref: R1.azp, issuer: GITPOD, claims: claims({ aud: ['sts.amazonaws.com', 'extra'], azp: 'sts.amazonaws.com' }), policy: policy(cond({ StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' } })), expect: 'Allow' },
  { name: ':oaud holds the raw audience list', ref: R1.azp, issuer: GITPOD, claims: claims({ aud: ['sts.amazonaws.com', 'extra'] }), policy: policy(cond({ 'ForAnyValue:StringEquals': { [`${P}:oaud`]: 'extra' } })), expect: 'Allow' },
  { name: 'an Allow for sts:AssumeRole only does not cover web identity', ref: R2, issuer: GITPOD, claims: claims(), policy: policy({ Action: 'sts:AssumeRole' }), expect: 'ImplicitDeny' },
  { name: 'actions are case-insensitive', ref: R2, issuer: GITPOD, claims: claims(), policy: policy({ Action: 'STS:assumerolewithwebidentity' }), expect: 'Allow' },
  { name: 'action wildcard sts:Assume*', ref: R2, issuer: GITPOD, claims: claims(), policy: policy({ Action: 'sts:Assume*' }), expect: 'Allow' },
  { name: 'a single Statement object is accepted', ref: R2, issuer: GITPOD, claims: claims(), policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: FED, Action: WEB } }, expect: 'Allow' },
  { name: 'unknown operator StringEqualz never holds', ref: 'policy-engines.md §iam-simulate "Unknown operators (StringEqualz) are not flagged"', issuer: GITPOD, claims: claims(), policy: policy(cond({ StringEqualz: { [`${P}:aud`]: 'sts.amazonaws.com' } })), expect: 'ImplicitDeny' },
  { name: 'the second Allow statement can grant', ref: R4.or, issuer: GITPOD, claims: claims({ sub: 'https://github.com/acme/web' }), policy: policy(audSub('https://github.com/acme/app'), audSub('https://github.com/acme/web')), expect: 'Allow' },
  {
    name: 'GitHub repository key (provider-specific) is usable',
    ref: R1.specific,
    issuer: 'https://token.actions.githubusercontent.com',
    claims: { aud: 'sts.amazonaws.com', sub: 'repo:acme/app:ref:refs/heads/main', repository: 'acme/app' },
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://token.actions.githubusercontent.com') }, Action: WEB, Condition: { StringEquals: { 'token.actions.githubusercontent.com:repository': 'acme/app' } } }] },
    expect: 'Allow',
  },
  {
    name: "GitHub's immutable sub format no longer matches a name-only pattern",
    ref: R5.immutable,
    issuer: 'https://token.actions.githubusercontent.com',
    claims: { aud: 'sts.amazonaws.com', sub: 'repo:acme@11/app@22:ref:refs/heads/main' },
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://token.actions.githubusercontent.com') }, Action: WEB, Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } } }] },
    expect: 'ImplicitDeny',
  },
  {
    name: 'GitHub run_id is not a condition key',
    ref: R1.specific,
    issuer: 'https://token.actions.githubusercontent.com',
    claims: { aud: 'sts.amazonaws.com', sub: 'repo:acme/app:ref:refs/heads/main', run_id: '7' },
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('https://token.actions.githubusercontent.com') }, Action: WEB, Condition: { StringEquals: { 'token.actions.githubusercontent.com:run_id': '7' } } }] },
    expect: 'ImplicitDeny',
  },
];
