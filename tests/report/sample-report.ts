/** A realistic Gitpod run for the report tests: passes, an explicit and an implicit deny, a failure, an error. */
import { evaluatePolicy, type PolicyEvaluation, type PolicyJson } from '../../harness/policy/index.js';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import type { CaseResult, Finding, RoleReport, RunReport } from '../../harness/report/model.js';

const ACCOUNT = '123456789012';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/api.gitpod.io/idp`;
const SUB_KEY = 'api.gitpod.io/idp:sub';
const AUD_KEY = 'api.gitpod.io/idp:aud';
const ACCESS_DENIED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

const webIdentity = (sid: string, effect: 'Allow' | 'Deny', condition: Record<string, unknown>) => ({
  Sid: sid,
  Effect: effect,
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: condition,
});

export const readerRole: RoleReport = {
  scenario: 'gitpod-seed',
  role: 'gitpod-secrets-reader',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/gitpod-secrets-reader`,
  trustPolicy: {
    Version: '2012-10-17',
    Statement: [
      webIdentity('AcmeWorkspaces', 'Allow', { StringEquals: { [AUD_KEY]: 'sts.amazonaws.com' }, StringLike: { [SUB_KEY]: 'https://github.com/acme/*' } }),
      webIdentity('NoPullRequests', 'Deny', { StringLike: { [SUB_KEY]: ['https://gitlab.com/acme/*/-/merge_requests/*', 'https://github.com/acme/*/pull/*'] } }),
    ],
  },
  policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:database_connection_string-*` }] }],
};

export const adminRole: RoleReport = {
  scenario: 'gitpod-seed',
  role: 'gitpod-infra-admin',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/gitpod-infra-admin`,
  trustPolicy: {
    Version: '2012-10-17',
    Statement: [webIdentity('InfraOnly', 'Allow', { StringEquals: { [AUD_KEY]: 'sts.amazonaws.com' }, StringLike: { [SUB_KEY]: 'https://github.com/acme*' } })],
  },
  policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }] }],
};

/** The evaluator's own trace, as the gate records it in details.trust. */
function readerTrust(sub: string, aud = 'sts.amazonaws.com'): PolicyEvaluation {
  return evaluatePolicy(readerRole.trustPolicy as PolicyJson, {
    principal: { kind: 'federated', provider: PROVIDER },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: readerRole.roleArn,
    context: { [SUB_KEY]: sub, [AUD_KEY]: aud },
  });
}

function token(sub: string, aud = 'sts.amazonaws.com', tamper?: string) {
  return {
    header: { alg: 'RS256', kid: 'id-7c1e4f0a9b2d' },
    claims: { iss: 'https://api.gitpod.io/idp', aud: [aud], azp: aud, sub, exp: 1767229200, iat: 1767225600, workspace_id: 'acme-app-x1y2z3' },
    ...(tamper ? { tamper } : {}),
  };
}

type Step = string | null;
function kase(name: string, role: RoleReport, sub: string, exp: [Step, Record<string, Step>?], obs: [Step, Record<string, Step>?, string?], extra: Partial<CaseResult> = {}): CaseResult {
  const [expAssume, expReads] = exp;
  const [obsAssume, obsReads, message] = obs;
  const same = expAssume === obsAssume && JSON.stringify(expReads ?? {}) === JSON.stringify(obsReads ?? {});
  return {
    scenario: role.scenario,
    case: name,
    status: same ? 'passed' : 'failed',
    expected: { assume: expAssume, ...(expReads ? { reads: expReads } : {}) },
    observed: { assume: obsAssume, ...(obsReads ? { reads: obsReads } : {}), message: message ?? null },
    explanation: [],
    details: { role: role.role, roleArn: role.roleArn, token: token(sub), trust: role === readerRole ? readerTrust(sub) : undefined, durationMs: 42 },
    ...extra,
  };
}

export function sampleCases(): CaseResult[] {
  const acme = 'https://github.com/acme/app';
  const pr = 'https://github.com/acme/app/pull/7';
  const evil = 'https://github.com/evil/app';
  const evilTwin = 'https://github.com/acme-evil/app';
  return [
    kase("the trusted repository's workspace reads the secret", readerRole, acme, ['allowed', { database_connection_string: 'allowed' }], ['allowed', { database_connection_string: 'allowed' }], {
      explanation: ['Statement[0] (AcmeWorkspaces) allows: aud and sub match.', 'The identity policy allows secretsmanager:GetSecretValue on the secret.'],
    }),
    kase('a pull-request workspace is denied', readerRole, pr, ['AccessDenied'], [`AccessDenied`, undefined, ACCESS_DENIED], {
      explanation: ['Statement[1] (NoPullRequests) denies: sub matches https://github.com/acme/*/pull/*.', 'An explicit Deny overrides the Allow of Statement[0].'],
    }),
    kase("another organisation's workspace is denied", readerRole, evil, ['AccessDenied'], ['AccessDenied', undefined, ACCESS_DENIED], {
      explanation: ['No statement allows: Statement[0] needs sub like https://github.com/acme/*, the token has https://github.com/evil/app.'],
    }),
    {
      ...kase('a token for another audience is rejected', readerRole, acme, ['InvalidIdentityToken'], ['InvalidIdentityToken', undefined, 'Incorrect token audience']),
      details: { role: readerRole.role, token: token(acme, 'https://example.com'), durationMs: 12 },
      explanation: ['The token aud ["https://example.com"] contains none of the provider client IDs ["sts.amazonaws.com"].'],
    },
    {
      ...kase('a token with a forged signature is rejected', readerRole, acme, ['InvalidIdentityToken'], ['InvalidIdentityToken', undefined, 'The web identity token signature could not be verified']),
      details: { role: readerRole.role, token: token(acme, 'sts.amazonaws.com', 'signature'), durationMs: 9 },
    },
    kase('a sibling organisation cannot assume the infra admin role', adminRole, evilTwin, ['AccessDenied'], ['allowed', undefined], {
      explanation: ['Statement[0] (InfraOnly) allows: sub "https://github.com/acme-evil/app" matches "https://github.com/acme*".', 'The wildcard spans the organisation boundary.'],
    }),
    kase("the trusted repository's workspace cannot assume the infra admin role", adminRole, acme, ['AccessDenied'], ['allowed']),
    {
      scenario: 'gitpod-seed',
      case: 'an expired token is rejected',
      status: 'error',
      expected: { assume: 'ExpiredTokenException' },
      observed: { assume: null, message: 'IDP_MINT_FAILED: the mock IdP refused to mint a token with expiresIn -600' },
      explanation: ['The case could not be run.'],
      details: { role: readerRole.role },
    },
  ];
}

export const sampleFindings: Finding[] = [
  {
    scenario: 'gitpod-seed',
    role: 'gitpod-infra-admin',
    rule: 'sub-wildcard-spans-owner',
    severity: 'error',
    message: 'The sub pattern "https://github.com/acme*" also matches other owners such as https://github.com/acme-evil/...',
    path: `Statement[0].Condition.StringLike["${SUB_KEY}"]`,
    source: 'lint',
  },
  {
    scenario: 'gitpod-seed',
    role: 'gitpod-infra-admin',
    rule: 'probe-admitted-foreign-identity',
    severity: 'error',
    message: 'The role admitted an identity outside the intended owner.',
    path: 'Statement[0]',
    source: 'probe',
    admitted: [{ sub: 'https://github.com/acme-evil/app', aud: ['sts.amazonaws.com'] }],
  },
];

export function sampleReport(): RunReport {
  return buildRunReport(
    { target: { kind: 'moto', enforcement: 'harness', label: 'moto 5.1.4 behind the harness gate' }, harnessVersion: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:07.000Z' },
    sampleCases(),
    [{ roles: [readerRole, adminRole], findings: sampleFindings }],
  );
}
