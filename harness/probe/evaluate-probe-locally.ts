/**
 * A probe decided without the gate: the STS checks that precede the trust policy (provider for `iss`,
 * audience in the client IDs), then the evaluator. The lead's runner also sends probes through the gate.
 */
import { profileNamed } from '../idp/index.js';
import { evaluatePolicy, oidcContextKeys } from '../policy/index.js';
import { strings } from '../lint/trust-statements.js';
import { oidcProviderArn, type RoleSpec, type Scenario, type TokenSpec } from '../scenario/index.js';
import type { ProbeFinding, ProbeIdentity } from './types.js';

/**
 * The claims the mock IdP would mint for this token: the profile's defaults, the probe's claims over them
 * (null removes), then the profile's derived claims (Gitpod: azp from aud, sub from context) unless set.
 * Times do not matter to a trust policy, so they are fixed.
 */
export function probeClaims(scenario: Scenario, token: TokenSpec, issuer: string): Record<string, unknown> {
  const profile = profileNamed(scenario.idp.profile);
  const options = scenario.idp.options;
  const ctx = { issuer, iat: 0, exp: 3600, audience: profile.audience(token.audience, options), options, signingKid: 'local-probe' };
  const claims: Record<string, unknown> = { ...profile.defaults(ctx) };
  for (const [name, value] of Object.entries(token.claims)) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  for (const [name, value] of Object.entries(profile.derive(claims, ctx))) {
    if (name in token.claims) continue;
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

export function evaluateProbeLocally(scenario: Scenario, role: RoleSpec, identity: ProbeIdentity): ProbeFinding {
  const base = { scenario: scenario.id, role: role.name, identity, strict: role.strict };
  const denied = (reason: string): ProbeFinding => ({ ...base, admitted: false, explanation: [reason] });
  const issuer = identity.token.issuer ?? scenario.idp.issuer;
  const provider = scenario.aws.providers.find((p) => p.url === issuer);
  if (!provider) return denied(`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${issuer}`);
  const claims = probeClaims(scenario, identity.token, issuer);
  const audience = strings(claims['aud']);
  if (audience.length === 0) return denied('InvalidIdentityToken: Missing a required claim: aud');
  if (!audience.some((a) => provider.clientIds.includes(a))) return denied('InvalidIdentityToken: Incorrect token audience');
  const evaluation = evaluatePolicy(role.trustPolicy, {
    principal: { kind: 'federated', provider: oidcProviderArn(scenario.aws.accountId, provider.url) },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: `arn:aws:iam::${scenario.aws.accountId}:role/${role.name}`,
    context: oidcContextKeys(provider.url, claims),
  });
  return { ...base, admitted: evaluation.decision === 'Allow', explanation: evaluation.explanation };
}

