/**
 * Near-miss identities for every Allow statement of a role's trust policy: each changes one thing of the
 * identity the statement was written for (see statement-baseline.ts).
 */
import { isAllow, trustStatements } from '../lint/trust-statements.js';
import type { RoleSpec, Scenario, TokenSpec } from '../scenario/model.js';
import { isAudienceClaim, statementBaseline, type StatementBaseline } from './statement-baseline.js';
import { subjectVariants } from './subject-variants.js';
import type { ProbeIdentity } from './types.js';

const FOREIGN_AUDIENCE = 'evil-client';

/** `https://api.gitpod.io/idp` <-> `https://services.gitpod.io/idp` */
export function otherGitpodIssuer(issuer: string): string | undefined {
  if (/^https:\/\/api\./.test(issuer)) return issuer.replace('https://api.', 'https://services.');
  if (/^https:\/\/services\./.test(issuer)) return issuer.replace('https://services.', 'https://api.');
  return undefined;
}

function statementProbes(b: StatementBaseline, scenario: Scenario, gitpod: boolean): Omit<ProbeIdentity, 'statementPath'>[] {
  const token = (claims: Record<string, unknown>, audience: string | undefined = b.audience, issuer = b.issuer): TokenSpec => ({
    claims: { ...b.claims, ...claims },
    ...(audience !== undefined ? { audience: [audience] } : {}),
    ...(issuer !== scenario.idp.issuer ? { issuer } : {}),
  });
  const out: Omit<ProbeIdentity, 'statementPath'>[] = [];
  for (const [claim, entries] of b.patterns) {
    if (isAudienceClaim(claim)) continue;
    const trusted = new Set(entries.flatMap((e) => e.values).filter((v) => !/[*?]/.test(v)));
    for (const pattern of new Set(entries.flatMap((e) => e.values))) {
      for (const v of subjectVariants(pattern, { gitpod: gitpod && claim === 'sub' })) {
        if (trusted.has(v.value)) continue;
        out.push({ label: `${claim}: ${v.label}`, why: `${v.why} (from "${pattern}")`, token: token({ [claim]: v.value }) });
      }
    }
  }
  if (!b.patterns.has('sub')) {
    const stranger = gitpod ? 'https://github.com/stranger/app' : 'stranger';
    out.push({ label: 'sub: a stranger', why: 'the statement does not constrain sub', token: token({ sub: stranger }) });
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
