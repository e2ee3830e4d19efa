/** Builders shared by the lint and probe tests: small trust policies and scenarios around them. */
import type { PolicyJson } from '../../harness/policy/types.js';
import type { ProfileName, ProviderSpec, RoleSpec, Scenario } from '../../harness/scenario/model.js';

export const ACCOUNT = '123456789012';
export const GITPOD = 'https://api.gitpod.io/idp';
export const GITPOD_PREFIX = 'api.gitpod.io/idp';
export const GITHUB = 'https://token.actions.githubusercontent.com';

export const arnOf = (url: string): string => `arn:aws:iam::${ACCOUNT}:oidc-provider/${url.replace('https://', '')}`;

export interface StatementOptions {
  effect?: 'Allow' | 'Deny';
  principal?: unknown;
  action?: unknown;
  condition?: Record<string, Record<string, unknown>>;
}

export function statement(o: StatementOptions = {}, url = GITPOD): Record<string, unknown> {
  const s: Record<string, unknown> = {
    Effect: o.effect ?? 'Allow',
    Principal: o.principal ?? { Federated: arnOf(url) },
    Action: o.action ?? 'sts:AssumeRoleWithWebIdentity',
  };
  if (o.condition) s['Condition'] = o.condition;
  return s;
}

export const policy = (...statements: Record<string, unknown>[]): PolicyJson => ({ Version: '2012-10-17', Statement: statements });

/** A Gitpod statement that pins aud and sub exactly: no rule fires on it. */
export const pinned = (sub: string | string[] = 'https://github.com/acme/app', extra: Record<string, Record<string, unknown>> = {}) =>
  statement({
    condition: {
      StringEquals: { [`${GITPOD_PREFIX}:aud`]: 'sts.amazonaws.com', [`${GITPOD_PREFIX}:sub`]: sub },
      ...extra,
    },
  });

export interface ScenarioOptions {
  issuer?: string;
  profile?: ProfileName;
  providers?: ProviderSpec[];
  strict?: boolean;
}

export function scenarioWith(trustPolicy: PolicyJson, o: ScenarioOptions = {}): Scenario {
  const issuer = o.issuer ?? GITPOD;
  const role: RoleSpec = { name: 'role-under-test', trustPolicy, policies: [], managedPolicies: [], strict: o.strict ?? false };
  return {
    id: 'under-test',
    title: 'under test',
    file: '/tmp/under-test.scenario.yaml',
    idp: { profile: o.profile ?? 'gitpod', issuer, options: {} },
    aws: {
      accountId: ACCOUNT,
      region: 'us-east-1',
      providers: o.providers ?? [{ url: issuer, clientIds: ['sts.amazonaws.com'], thumbprints: [] }],
      roles: [role],
      secrets: [],
    },
    cases: [],
  };
}
