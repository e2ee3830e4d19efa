/**
 * Near-miss identities for every Allow statement of a role's trust policy: each changes one thing of the
 * identity the statement was written for (see statement-baseline.ts).
 */
import { conditionAdmitsValue } from '../lint/admits.js';
import { isAllow, trustStatements } from '../lint/trust-statements.js';
import type { RoleSpec, Scenario, TokenSpec } from '../scenario/model.js';
import { isAudienceClaim, statementBaseline, type StatementBaseline } from './statement-baseline.js';
import { ciGrammar, type CiGrammar } from './ci-subject-variants.js';
import { subjectVariants } from './subject-variants.js';
import type { ProbeIdentity } from './types.js';

const FOREIGN_AUDIENCE = 'evil-client';

/** `https://api.gitpod.io/idp` <-> `https://services.gitpod.io/idp` */
export function otherGitpodIssuer(issuer: string): string | undefined {
  if (/^https:\/\/api\./.test(issuer)) return issuer.replace('https://api.', 'https://services.');
  if (/^https:\/\/services\./.test(issuer)) return issuer.replace('https://services.', 'https://api.');
  return undefined;
}

/**
 * The baseline's claims with a CI subject replaced by the job facts it stands for, so the profile derives
 * sub and its related claims coherently; `others` are the claims besides the subject.
 */
function baselineClaims(b: StatementBaseline, grammar: CiGrammar | undefined): { base: Record<string, unknown>; others: Record<string, unknown> } {
  const { sub, ...others } = b.claims;
  const entries = b.patterns.get('sub') ?? [];
  if (!grammar || sub === undefined) return { base: b.claims, others };
  const admits = (value: string) => entries.every((e) => conditionAdmitsValue(e, value));
  for (const pattern of entries.flatMap((e) => e.values)) {
    const facts = grammar.factsOf(pattern);
    if (facts && admits(grammar.subjectOf({ ...others, ...facts }))) return { base: { ...others, ...facts }, others };
  }
  return { base: b.claims, others };
}

function statementProbes(b: StatementBaseline, scenario: Scenario, gitpod: boolean): Omit<ProbeIdentity, 'statementPath'>[] {
  const grammar = ciGrammar(scenario.idp.profile, scenario.idp.options, b.issuer);
  const { base, others } = baselineClaims(b, grammar);
  const token = (claims: Record<string, unknown>, audience: string | undefined = b.audience, issuer = b.issuer): TokenSpec => ({
    claims: { ...base, ...claims },
    ...(audience !== undefined ? { audience: [audience] } : {}),
    ...(issuer !== scenario.idp.issuer ? { issuer } : {}),
  });
  const out: Omit<ProbeIdentity, 'statementPath'>[] = [];
  for (const [claim, entries] of b.patterns) {
    if (isAudienceClaim(claim)) continue;
    const trusted = new Set(entries.flatMap((e) => e.values).filter((v) => !/[*?]/.test(v)));
    for (const pattern of new Set(entries.flatMap((e) => e.values))) {
      const ciVariants = claim === 'sub' && grammar ? grammar.variants(pattern) : [];
      for (const v of ciVariants) {
        const claims = { ...others, ...v.facts };
        if (trusted.has(grammar!.subjectOf(claims)) && !v.sameSubject) continue;
        out.push({ label: `${claim}: ${v.label}`, why: `${v.why} (from "${pattern}")`, token: { ...token({}), claims } });
      }
      if (ciVariants.length > 0) continue;
      const at = claim === 'job_workflow_ref' ? pattern.indexOf('@') : -1;
      if (at > 0) {
        const value = `${pattern.slice(0, at).replace(/[*?]+/g, 'x')}@refs/heads/unreviewed`;
        if (!trusted.has(value)) out.push({ label: `${claim}: reusable workflow at an unreviewed branch`, why: `anyone with write access to the workflow's repository can push a branch (from "${pattern}")`, token: token({ [claim]: value }) });
      }
      for (const v of subjectVariants(pattern, { gitpod: gitpod && claim === 'sub' })) {
        if (trusted.has(v.value)) continue;
        out.push({ label: `${claim}: ${v.label}`, why: `${v.why} (from "${pattern}")`, token: token({ [claim]: v.value }) });
      }
    }
  }
  if (!b.patterns.has('sub')) {
    const stranger = gitpod ? 'https://github.com/stranger/app' : 'stranger';
    const strangerClaims =
      scenario.idp.profile === 'github-actions' ? { repository: 'stranger/app' } : scenario.idp.profile === 'gitlab' ? { project_path: 'stranger/app' } : { sub: stranger };
    out.push({ label: 'sub: a stranger', why: 'the statement does not constrain sub', token: token(strangerClaims) });
    if (gitpod) out.push({ label: 'sub: no-context', why: 'any Gitpod user can open a workspace without a repository', token: token({ sub: 'no-context' }) });
  }
  for (const claim of new Set(['sub', ...Object.keys(b.claims)])) {
    out.push({ label: `${claim} removed`, why: `a token without "${claim}"`, token: token({ [claim]: null }) });
  }
  out.push({ label: 'aud removed', why: 'a token without an audience', token: token({ aud: null }, undefined) });
  out.push({ label: `audience "${FOREIGN_AUDIENCE}"`, why: 'a token minted for another client', token: token({}, FOREIGN_AUDIENCE) });
  out.push({ label: 'audience case variant', why: 'audiences compare case-sensitively', token: token({}, b.audience.toUpperCase()) });
  for (const id of b.provider?.clientIds ?? []) {
    if (id !== b.audience) out.push({ label: `audience "${id}"`, why: 'another client ID of the provider, which the policy may not pin', token: token({}, id) });
  }
  const otherIssuer = gitpod ? otherGitpodIssuer(b.issuer) : undefined;
  if (otherIssuer) {
    out.push({ label: 'other Gitpod issuer form', why: `${otherIssuer} is the same IdP under its other name`, token: token({}, b.audience, otherIssuer) });
  }
  return out;
}

export function generateNearMisses(scenario: Scenario, role: RoleSpec): ProbeIdentity[] {
  const gitpod = scenario.idp.profile === 'gitpod';
  const seen = new Set<string>();
  const labels = new Map<string, number>();
  const out: ProbeIdentity[] = [];
  for (const s of trustStatements(role.trustPolicy).filter(isAllow)) {
    for (const probe of statementProbes(statementBaseline(s, scenario), scenario, gitpod)) {
      const key = JSON.stringify(probe.token);
      if (seen.has(key)) continue;
      seen.add(key);
      const n = (labels.get(probe.label) ?? 0) + 1;
      labels.set(probe.label, n);
      out.push({ ...probe, label: n === 1 ? probe.label : `${probe.label} #${n}`, statementPath: s.path });
    }
  }
  return out;
}
