/**
 * The identity a trust statement was written for: for every claim it constrains positively, a value it
 * admits; its audience; its issuer. Each near miss changes one thing of this baseline, so the gate (which
 * fills unset claims from the IdP profile) and the local evaluation see the same claims.
 */
import { conditionAdmitsValue } from '../lint/admits.js';
import { concreteBases } from '../lint/gitpod-contexts.js';
import { prefixOfFederated, samePrefix, splitProviderKey, prefixOfUrl } from '../lint/provider-prefix.js';
import { AUDIENCE_CLAIMS } from '../lint/shared-issuers.js';
import { isPositiveMatch, type ConditionEntry, type TrustStatement } from '../lint/trust-statements.js';
import type { ProviderSpec, Scenario } from '../scenario/model.js';

export interface StatementBaseline {
  issuer: string;
  provider?: ProviderSpec;
  audience: string;
  /** claim -> value, for every constrained claim other than the audience */
  claims: Record<string, string>;
  /** positive conditions per constrained claim (as written), the patterns near misses derive from */
  patterns: Map<string, ConditionEntry[]>;
}

function admittedValue(entry: ConditionEntry): string | undefined {
  for (const pattern of entry.values) {
    const found = concreteBases(pattern).find((v) => conditionAdmitsValue({ ...entry, values: [pattern] }, v));
    if (found !== undefined) return found;
  }
  return undefined;
}

function providerOf(s: TrustStatement, scenario: Scenario): ProviderSpec | undefined {
  const prefixes = s.federated.map((f) => prefixOfFederated(f).prefix);
  const matching = scenario.aws.providers.filter((p) => prefixes.some((x) => samePrefix(x, prefixOfUrl(p.url))));
  return matching.find((p) => p.url === scenario.idp.issuer) ?? matching[0];
}

export function statementBaseline(s: TrustStatement, scenario: Scenario): StatementBaseline {
  const provider = providerOf(s, scenario);
  const issuer = provider?.url ?? scenario.idp.issuer;
  const prefix = prefixOfUrl(issuer);
  const patterns = new Map<string, ConditionEntry[]>();
  for (const c of s.conditions.filter(isPositiveMatch)) {
    const key = splitProviderKey(c.key);
    if (!key || !samePrefix(key.prefix, prefix)) continue;
    const claim = key.claim;
    patterns.set(claim, [...(patterns.get(claim) ?? []), c]);
  }
  const claims: Record<string, string> = {};
  let audience = provider?.clientIds[0] ?? 'sts.amazonaws.com';
  for (const [claim, entries] of patterns) {
    const value = entries.map(admittedValue).find((v) => v !== undefined);
    if (value === undefined) continue;
    if (isAudienceClaim(claim)) audience = value;
    else claims[claim] = value;
  }
  return { issuer, provider, audience, claims, patterns };
}

export const isAudienceClaim = (claim: string): boolean => AUDIENCE_CLAIMS.includes(claim.toLowerCase());
