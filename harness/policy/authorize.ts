/**
 * authorize: AWS's decision for a request by an IAM principal (typically an assumed-role session),
 * combining identity policies, the resource policy, a permissions boundary and session policies.
 * Same account: identity OR resource grant; boundary and session policies cap identity grants and resource
 * grants that name the role ARN, but not resource grants that name the session ARN (or `*`).
 * Cross account: identity AND resource grant are both needed.
 */
import { evaluatePolicy } from './evaluate.js';
import { splitArn } from './conditions/arn.js';
import type { AuthorizationInput, AuthorizationResult, DenialReason, PolicyEvaluation, PolicyJson, PolicyRequest } from './types.js';

type Layer = 'identity' | 'resource' | 'boundary' | 'session';

/** Several policies of one layer combined: any Deny wins, else any Allow. */
function evaluateLayer(policies: readonly PolicyJson[], request: PolicyRequest, name: string): PolicyEvaluation {
  const evs = policies.map((p) => evaluatePolicy(p, request));
  const deny = evs.find((e) => e.decision === 'ExplicitDeny');
  const allow = evs.find((e) => e.decision === 'Allow');
  const decided = deny ?? allow;
  const combined: PolicyEvaluation = {
    decision: deny ? 'ExplicitDeny' : allow ? 'Allow' : 'ImplicitDeny',
    statements: evs.flatMap((e) => e.statements),
    explanation: evs.length === 0 ? [`no ${name}`] : evs.flatMap((e, i) => e.explanation.map((s) => `${name} ${i + 1}: ${s}`)),
  };
  if (decided?.deciding) combined.deciding = decided.deciding;
  return combined;
}

const EXPLICIT: Record<Layer, DenialReason> = {
  identity: 'explicit-deny-identity',
  resource: 'explicit-deny-resource',
  boundary: 'explicit-deny-boundary',
  session: 'explicit-deny-session',
};

/** How the resource policy grants: directly to the caller (session ARN, `*`), to its role, or only to its account. */
function resourceGrant(ev: PolicyEvaluation | undefined, input: AuthorizationInput): 'direct' | 'role' | 'account' | 'none' {
  if (!ev) return 'none';
  const by = ev.statements.filter((s) => s.applies && s.effect === 'Allow').map((s) => s.principalMatchedBy ?? '*');
  const session = input.session;
  const isDirect = (m: string) => m === '*' || m === 'NotPrincipal' || (session ? m === session.sessionArn : !m.startsWith('account:'));
  if (by.some(isDirect)) return 'direct';
  if (by.some((m) => !m.startsWith('account:'))) return 'role';
  return by.length > 0 ? 'account' : 'none';
}

function accountOfResource(resource: string): string | undefined {
  const account = splitArn(resource)?.[4];
  return account ? account : undefined;
}

export function authorize(input: AuthorizationInput): AuthorizationResult {
  const { request } = input;
  const layers: AuthorizationResult['layers'] = {};
  layers.identity = evaluateLayer(input.identityPolicies, request, 'identity policy');
  if (input.resourcePolicy) layers.resource = evaluatePolicy(input.resourcePolicy, request);
  if (input.permissionsBoundary) layers.boundary = evaluatePolicy(input.permissionsBoundary, request);
  if (input.sessionPolicies && input.sessionPolicies.length > 0) {
    layers.session = evaluateLayer(input.sessionPolicies, request, 'session policy');
  }
  const explanation: string[] = [];
  const finish = (decision: 'Allow' | 'Deny', sentence: string, denial?: DenialReason): AuthorizationResult => {
    for (const [name, ev] of Object.entries(layers)) explanation.push(...ev.explanation.map((s) => `[${name}] ${s}`));
    explanation.push(sentence);
    const result: AuthorizationResult = { decision, layers, explanation };
    if (denial) result.denial = denial;
    return result;
  };

  for (const layer of ['identity', 'resource', 'boundary', 'session'] as const) {
    if (layers[layer]?.decision === 'ExplicitDeny') {
      return finish('Deny', `Denied: explicit deny in the ${layer} layer`, EXPLICIT[layer]);
    }
  }
  const identityAllows = layers.identity.decision === 'Allow';
  const grant = resourceGrant(layers.resource, input);
  const principalAccount = request.principal.kind === 'aws' ? request.principal.accountId : undefined;
  const resourceAccount = accountOfResource(request.resource);
  const crossAccount = principalAccount !== undefined && resourceAccount !== undefined && resourceAccount !== principalAccount;

  const boundaryCaps = layers.boundary !== undefined && layers.boundary.decision !== 'Allow';
  const sessionCaps = layers.session !== undefined && layers.session.decision !== 'Allow';
  if (crossAccount) {
    if (!identityAllows) return finish('Deny', 'Denied: no identity-based policy allows the action', 'no-identity-allow');
    if (boundaryCaps) return finish('Deny', 'Denied: the permissions boundary does not allow the action', 'no-boundary-allow');
    if (sessionCaps) return finish('Deny', 'Denied: no session policy allows the action', 'no-session-allow');
    if (grant === 'none') return finish('Deny', 'Denied: cross-account, and no resource-based policy allows the action', 'no-resource-allow');
    return finish('Allow', 'Allowed: identity policy and resource policy both allow (cross-account)');
  }
  if (grant === 'direct') return finish('Allow', 'Allowed: the resource policy names this session (or any principal) directly');
  const capped = identityAllows || grant === 'role';
  if (!capped) return finish('Deny', 'Denied: no identity-based policy allows the action', 'no-identity-allow');
  if (boundaryCaps) return finish('Deny', 'Denied: the permissions boundary does not allow the action', 'no-boundary-allow');
  if (sessionCaps) return finish('Deny', 'Denied: no session policy allows the action', 'no-session-allow');
  const via = identityAllows ? 'an identity policy' : 'the resource policy (naming the role)';
  return finish('Allow', `Allowed: ${via} allows, within every boundary and session policy`);
}
