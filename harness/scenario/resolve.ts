/**
 * Turns a validated scenario file into the `Scenario` model: defaults filled in, policy file references
 * read (relative to the scenario file) and `${AccountId}` / `${ProviderArn}` substituted in every policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyJson } from '../policy/types.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type CaseSpec, type RoleSpec, type Scenario } from './model.js';
import type { ScenarioProblem } from './problems.js';
import type { PolicyValue, ScenarioFile } from './schema.js';

export const DEFAULT_CLIENT_IDS = ['sts.amazonaws.com'];

/** `arn:aws:iam::<account>:oidc-provider/<url without scheme>`, as IAM names OIDC providers. */
export function oidcProviderArn(accountId: string, url: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${url.replace(/^https?:\/\//, '')}`;
}

class PolicyResolver {
  /** policy files that cannot be read or parsed (POLICY_FILE) */
  readonly fileProblems: ScenarioProblem[] = [];
  /** anything else wrong with a policy (SCENARIO_INVALID) */
  readonly problems: ScenarioProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly variables: { AccountId: string; ProviderArn?: string },
  ) {}

  resolve(value: PolicyValue, at: string): PolicyJson {
    const document = typeof value === 'string' ? this.read(value, at) : value;
    return document ? (this.substitute(document, at) as PolicyJson) : {};
  }

  resolveOptional(value: PolicyValue | undefined, at: string): PolicyJson | undefined {
    return value === undefined ? undefined : this.resolve(value, at);
  }

  private read(reference: string, at: string): PolicyJson | undefined {
    const target = path.resolve(path.dirname(this.file), reference);
    let text: string;
    try {
      text = readFileSync(target, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      this.fileProblems.push({ path: at, message: `cannot read policy file ${reference} (${reason})` });
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as PolicyJson;
      this.fileProblems.push({ path: at, message: `policy file ${reference} does not hold a JSON object` });
    } catch (error) {
      this.fileProblems.push({ path: at, message: `policy file ${reference} is not valid JSON: ${(error as Error).message}` });
    }
    return undefined;
  }

  private substitute(value: unknown, at: string): unknown {
    if (typeof value === 'string') return this.substituteString(value, at);
    if (Array.isArray(value)) return value.map((v) => this.substitute(v, at));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [this.substituteString(k, at), this.substitute(v, at)]),
      );
    }
    return value;
  }

  private substituteString(text: string, at: string): string {
    const reported = this.problems.some((p) => p.path === at);
    if (text.includes('${ProviderArn}') && this.variables.ProviderArn === undefined && !reported) {
      this.problems.push({ path: at, message: '${ProviderArn} is used but aws.providers is empty' });
    }
    return text
      .replaceAll('${AccountId}', this.variables.AccountId)
      .replaceAll('${ProviderArn}', this.variables.ProviderArn ?? '${ProviderArn}');
  }
}

export interface Resolved {
  scenario: Scenario;
  /** unreadable policy files */
  fileProblems: ScenarioProblem[];
  /** other problems found while resolving */
  problems: ScenarioProblem[];
}

export function resolveScenario(data: ScenarioFile, file: string): Resolved {
  const aws = data.aws ?? {};
  const accountId = aws.accountId ?? DEFAULT_ACCOUNT_ID;
  const providers = (aws.providers ?? [{}]).map((p) => ({
    url: p.url ?? data.idp.issuer,
    clientIds: p.clientIds ?? [...DEFAULT_CLIENT_IDS],
    thumbprints: p.thumbprints ?? [],
  }));
  const firstProvider = providers[0];
  const policies = new PolicyResolver(file, {
    AccountId: accountId,
    ProviderArn: firstProvider ? oidcProviderArn(accountId, firstProvider.url) : undefined,
  });

  const roles: RoleSpec[] = (aws.roles ?? []).map((r, i) => {
    const at = `aws.roles[${i}]`;
    return {
      name: r.name,
      trustPolicy: policies.resolve(r.trustPolicy, `${at}.trustPolicy`),
      policies: (r.policies ?? []).map((p, j) => policies.resolve(p, `${at}.policies[${j}]`)),
      managedPolicies: (r.managedPolicies ?? []).map((m, j) => ({
        name: m.name,
        document: policies.resolve(m.document, `${at}.managedPolicies[${j}].document`),
      })),
      permissionsBoundary: policies.resolveOptional(r.permissionsBoundary, `${at}.permissionsBoundary`),
      maxSessionDuration: r.maxSessionDuration,
      strict: r.strict ?? false,
    };
  });

  const secrets = (aws.secrets ?? []).map((s, i) => ({
    name: s.name,
    value: s.value,
    resourcePolicy: policies.resolveOptional(s.resourcePolicy, `aws.secrets[${i}].resourcePolicy`),
  }));

  const cases: CaseSpec[] = (data.cases ?? []).map((c, i) => ({
    name: c.name,
    token: {
      claims: c.token?.claims ?? {},
      audience: c.token?.audience,
      issuer: c.token?.issuer,
      expiresIn: c.token?.expiresIn,
      tamper: c.token?.tamper,
    },
    assume: {
      role: c.assume.role,
      sessionName: c.assume.sessionName,
      durationSeconds: c.assume.durationSeconds,
      policy: policies.resolveOptional(c.assume.policy, `cases[${i}].assume.policy`),
    },
    reads: c.reads ?? [],
    idpFaults: c.idp?.faults ?? [],
    advanceClockBeforeReads: c.clock?.advanceBeforeReads,
    tamperReadSignature: c.tamperReadSignature,
    expect: { assume: c.expect.assume, message: c.expect.message, reads: c.expect.reads ?? {} },
    path: `cases[${i}]`,
  }));

  const scenario: Scenario = {
    id: data.id,
    title: data.title ?? data.id,
    file,
    idp: { profile: data.idp.profile, issuer: data.idp.issuer, options: data.idp.options ?? {} },
    aws: { accountId, region: aws.region ?? DEFAULT_REGION, providers, roles, secrets },
    cases,
  };
  return { scenario, fileProblems: policies.fileProblems, problems: policies.problems };
}
