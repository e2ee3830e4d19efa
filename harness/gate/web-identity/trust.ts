/** Step 8 (§2.8) and the TagSession part of step 9: the role's trust policy must allow the federated caller. */
import type { ContextValue, PolicyEvaluation } from '../../policy/types.js';
import { MSG } from '../messages.js';
import { evaluatePolicy, tokenContextKeys } from '../policy-port.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions, OidcProviderView, RoleView } from '../types.js';
import type { SessionTags } from './session-tags.js';
import { neverPresentKeySentences } from './never-present-keys.js';

export interface TrustInput {
  role: RoleView;
  provider: OidcProviderView;
  claims: Record<string, unknown>;
  roleSessionName: string;
  tags?: SessionTags;
  /** the audience that passed the ClientIDList check */
  audience?: string;
  assumptions: Pick<GateAssumptions, 'audKeyUsesAzp' | 'multiAudKeyIsMatchedClientId'>;
}

/** Only these keys reach the trust policy; any other claim of the token is not a context key. */
export function trustContext(input: TrustInput): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    ...tokenContextKeys(input.provider.url, input.claims, {
      audKeyUsesAzp: input.assumptions.audKeyUsesAzp,
      ...(input.assumptions.multiAudKeyIsMatchedClientId && input.audience !== undefined ? { matchedAudience: input.audience } : {}),
    }),
    'sts:RoleSessionName': input.roleSessionName,
    'aws:FederatedProvider': input.provider.arn,
  };
  if (input.tags) {
    for (const [key, value] of Object.entries(input.tags.tags)) context[`aws:RequestTag/${key}`] = value;
    context['aws:TagKeys'] = Object.keys(input.tags.tags);
    context['sts:TransitiveTagKeys'] = input.tags.transitiveKeys;
  }
  return context;
}

export function evaluateTrust(input: TrustInput, action: string): PolicyEvaluation {
  return evaluatePolicy(input.role.trustPolicy, {
    principal: { kind: 'federated', provider: input.provider.arn },
    action,
    resource: input.role.arn,
    context: trustContext(input),
  });
}

/** Throws AccessDenied unless the trust policy allows the assumption (and sts:TagSession when tags come). */
export function checkTrust(input: TrustInput): PolicyEvaluation {
  const trust = evaluateTrust(input, 'sts:AssumeRoleWithWebIdentity');
  if (trust.decision !== 'Allow') {
    const why = `The trust policy of ${input.role.arn} does not allow sts:AssumeRoleWithWebIdentity (${trust.decision}).`;
    const neverPresent = neverPresentKeySentences(trust, input.provider.url);
    throw new StsRefusal('AccessDenied', MSG.notAuthorized, [why, ...neverPresent, ...trust.explanation], [], trust);
  }
  if (input.tags && Object.keys(input.tags.tags).length > 0) {
    const tagSession = evaluateTrust(input, 'sts:TagSession');
    if (tagSession.decision !== 'Allow') {
      const why = `The token carries session tags, but the trust policy of ${input.role.arn} does not allow sts:TagSession.`;
      throw new StsRefusal('AccessDenied', MSG.tagSessionDenied, [why, ...tagSession.explanation], [], tagSession);
    }
  }
  return trust;
}
