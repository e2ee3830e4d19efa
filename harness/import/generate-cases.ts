/**
 * Cases for an imported scenario, every expectation decided by the harness's own evaluator and marked for
 * review: per role, one identity per `sub` pattern its trust statements admit (a concrete value for each
 * pattern), reading the secrets its permissions allow and one they do not; then the near misses `probe`
 * tries, which should be denied (one that is admitted is written as allowed and flagged).
 */
import { concreteBases } from '../lint/gitpod-contexts.js';
import { conditionAdmitsValue } from '../lint/admits.js';
import { prefixOfFederated, prefixOfUrl, samePrefix } from '../lint/provider-prefix.js';
import { isAllow, isPositiveMatch, trustStatements } from '../lint/trust-statements.js';
import { authorize } from '../policy/index.js';
import { evaluateProbeLocally, generateNearMisses, type ProbeIdentity } from '../probe/index.js';
import { statementBaseline } from '../probe/statement-baseline.js';
import type { RoleSpec, Scenario, TokenSpec } from '../scenario/model.js';

export interface GeneratedCase {
  name: string;
  token: TokenSpec;
  role: string;
  reads: string[];
  expect: { assume: string; reads: Record<string, string> };
  /** why this expectation: becomes the YAML comment that asks for review */
  review: string;
}

const DEMO_SUFFIX = 'AbCdEf';

/** Secrets the role's session may read with GetSecretValue, per the evaluator. */
export function readableSecrets(scenario: Scenario, role: RoleSpec): Map<string, boolean> {
  const { accountId, region } = scenario.aws;
  const roleArn = `arn:aws:iam::${accountId}:role/${role.name}`;
  const sessionArn = `arn:aws:sts::${accountId}:assumed-role/${role.name}/imported-case`;
  const out = new Map<string, boolean>();
  for (const secret of scenario.aws.secrets) {
    const result = authorize({
      request: {
        principal: { kind: 'aws', arns: [sessionArn, roleArn, `arn:aws:iam::${accountId}:root`], accountId },
        action: 'secretsmanager:GetSecretValue',
        resource: `arn:aws:secretsmanager:${region}:${accountId}:secret:${secret.name}-${DEMO_SUFFIX}`,
        context: { 'aws:PrincipalArn': roleArn, 'aws:PrincipalAccount': accountId, 'aws:RequestedRegion': region },
      },
      identityPolicies: [...role.policies, ...role.managedPolicies.map((m) => m.document)],
      ...(role.permissionsBoundary ? { permissionsBoundary: role.permissionsBoundary } : {}),
      ...(secret.resourcePolicy ? { resourcePolicy: secret.resourcePolicy } : {}),
      session: { sessionArn, roleArn },
    });
    out.set(secret.name, result.decision === 'Allow');
  }
  return out;
}

function trustedIdentities(scenario: Scenario, role: RoleSpec): ProbeIdentity[] {
  const prefix = prefixOfUrl(scenario.idp.issuer);
  const out: ProbeIdentity[] = [];
  const seen = new Set<string>();
  for (const s of trustStatements(role.trustPolicy).filter(isAllow)) {
    if (!s.federated.some((f) => samePrefix(prefixOfFederated(f).prefix, prefix))) continue;
    const b = statementBaseline(s, scenario);
    // keys under another prefix never match, but the identity they were written for is still the one to try
    const subEntries = [...b.patterns].filter(([claim]) => claim === 'sub').flatMap(([, e]) => e);
    if (subEntries.length === 0) subEntries.push(...s.conditions.filter((c) => isPositiveMatch(c) && /:sub$/i.test(c.key)));
    const subs = subEntries.flatMap((entry) =>
      entry.values.map((pattern) => concreteBases(pattern).find((v) => conditionAdmitsValue({ ...entry, values: [pattern] }, v)) ?? concreteBases(pattern)[0]!),
    );
    const values: (string | undefined)[] = subs.length > 0 ? [...new Set(subs)] : [undefined];
    for (const sub of values) {
      const token: TokenSpec = {
        claims: { ...b.claims, ...(sub !== undefined ? { sub } : {}) },
        audience: [b.audience],
        ...(b.issuer !== scenario.idp.issuer ? { issuer: b.issuer } : {}),
      };
      const key = JSON.stringify(token);
      if (seen.has(key)) continue;
      seen.add(key);
      const label = sub !== undefined ? `sub ${sub}` : Object.keys(b.claims).length ? Object.entries(b.claims).map(([k, v]) => `${k} ${v}`).join(', ') : 'any identity of the provider';
      out.push({ label, why: `admitted by ${s.path}`, token, statementPath: s.path });
    }
  }
  return out;
}

const codeOf = (explanation: string[] | undefined): string => (explanation?.[0]?.startsWith('InvalidIdentityToken') ? 'InvalidIdentityToken' : 'AccessDenied');

export function generateCases(scenario: Scenario): GeneratedCase[] {
  const cases: GeneratedCase[] = [];
  const names = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; names.has(n); i++) n = `${name} #${i}`;
    names.add(n);
    return n;
  };
  for (const role of scenario.aws.roles) {
    const readable = readableSecrets(scenario, role);
    const allowed = [...readable].filter(([, ok]) => ok).map(([n]) => n);
    const denied = [...readable].filter(([, ok]) => !ok).map(([n]) => n);
    const reads = [...allowed, ...denied.slice(0, 1)];
    for (const identity of trustedIdentities(scenario, role)) {
      const finding = evaluateProbeLocally(scenario, role, identity);
      if (finding.admitted) {
        cases.push({
          name: unique(`${role.name}: ${identity.label} is trusted`),
          token: identity.token,
          role: role.name,
          reads,
          expect: { assume: 'allowed', reads: Object.fromEntries(reads.map((n) => [n, readable.get(n) ? 'allowed' : 'AccessDeniedException'])) },
          review: `generated: the identity ${identity.why} is admitted; reads: ${allowed.length ? allowed.join(', ') : 'none'} allowed by the role's policies${denied.length ? `, ${denied[0]} not` : ''}`,
        });
      } else {
        cases.push({
          name: unique(`${role.name}: ${identity.label} (written for ${identity.statementPath}) is not trusted`),
          token: identity.token,
          role: role.name,
          reads: [],
          expect: { assume: codeOf(finding.explanation), reads: {} },
          review: `generated: the identity ${identity.statementPath} was written for is denied: ${(finding.explanation ?? []).slice(-1)[0] ?? ''} (check the condition keys: do they name the provider?)`,
        });
      }
    }
    for (const nearMiss of generateNearMisses(scenario, role)) {
      const finding = evaluateProbeLocally(scenario, role, nearMiss);
      cases.push({
        name: unique(`${role.name}: near miss, ${nearMiss.label}`),
        token: nearMiss.token,
        role: role.name,
        reads: [],
        expect: { assume: finding.admitted ? 'allowed' : codeOf(finding.explanation), reads: {} },
        review: finding.admitted
          ? `generated, REVIEW: this near miss is ADMITTED by the trust policy (${nearMiss.why}); the policy probably trusts too much`
          : `generated: near miss (${nearMiss.why}), expected to be denied`,
      });
    }
  }
  return cases;
}
