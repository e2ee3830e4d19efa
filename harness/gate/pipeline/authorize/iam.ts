/**
 * IAM as called by a session: `iam:<Operation>` on the ARN of the resource the call names (role, user, group,
 * instance profile, OIDC provider, policy), or `*` when it names none. IAM is global: no region in its ARNs.
 * A role/user/group/instance profile is named without its path: its ARN (path included, as AWS evaluates it)
 * comes from the account; one that does not exist is evaluated as the path-less ARN.
 */
import { accessDeniedMessage } from '../../../policy/index.js';
import { authorizeRead, type SessionPrincipal } from '../../reads/authorize-read.js';
import { accountOfArn } from '../../reads/session-context.js';
import type { AccountView, GateVerdict, IamNamedKind } from '../../types.js';
import type { QueryCall } from '../call.js';
import { allowedDecision } from './deps.js';
import { accessDenied } from './errors.js';

const NAMED_RESOURCES: readonly [string, IamNamedKind][] = [
  ['RoleName', 'role'],
  ['UserName', 'user'],
  ['GroupName', 'group'],
  ['InstanceProfileName', 'instance-profile'],
];
const ARN_PARAMETERS = ['OpenIDConnectProviderArn', 'SAMLProviderArn', 'PolicyArn'];

/** a creating call's `Path` (`/admin/`), or `/` */
const pathOf = (call: QueryCall): string => {
  const path = call.params.get('Path') ?? '/';
  return path.startsWith('/') && path.endsWith('/') ? path : '/';
};

export async function iamResourceArn(call: QueryCall, accountId: string, account?: Pick<AccountView, 'iamArn'>): Promise<string> {
  for (const [parameter, kind] of NAMED_RESOURCES) {
    const name = call.params.get(parameter);
    if (name) return (await account?.iamArn?.(kind, name)) ?? `arn:aws:iam::${accountId}:${kind}${pathOf(call)}${name}`;
  }
  // resources a call creates, named by parameters other than the ones above
  const policyName = call.params.get('PolicyName');
  if (call.operation === 'CreatePolicy' && policyName) return `arn:aws:iam::${accountId}:policy${pathOf(call)}${policyName}`;
  const url = call.params.get('Url');
  if (call.operation === 'CreateOpenIDConnectProvider' && url) return `arn:aws:iam::${accountId}:oidc-provider/${url.replace(/^https:\/\//, '')}`;
  const samlName = call.params.get('Name');
  if (call.operation === 'CreateSAMLProvider' && samlName) return `arn:aws:iam::${accountId}:saml-provider/${samlName}`;
  for (const parameter of ARN_PARAMETERS) {
    const arn = call.params.get(parameter);
    if (arn) return arn;
  }
  return '*';
}

export async function authorizeIam(call: QueryCall, principal: SessionPrincipal, requestId: string, account?: Pick<AccountView, 'iamArn'>): Promise<GateVerdict> {
  const resource = await iamResourceArn(call, accountOfArn(principal.session.roleArn), account);
  const action = `iam:${call.operation}`;
  const authorization = await authorizeRead(principal, { action, resource, resourceInMessage: resource });
  if (authorization.allowed) {
    return { kind: 'forward', decision: allowedDecision(requestId, call.operation, authorization.explanation, { authorization: authorization.result }) };
  }
  const message = authorization.deniedMessage ?? accessDeniedMessage(principal.session.sessionArn, action, resource, 'no-identity-allow');
  return accessDenied(call, requestId, message, authorization.explanation, authorization.result);
}
