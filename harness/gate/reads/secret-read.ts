/**
 * Authorizes one secret-level action (GetSecretValue, DescribeSecret, or one entry of a batch).
 *
 * Named assumptions (the AWS behaviour is not documented):
 * - a secret that does not exist is evaluated as `arn:aws:secretsmanager:<region>:<account>:secret:<id>`
 *   (or the ARN given) with no resource policy: denied -> AccessDeniedException, allowed ->
 *   ResourceNotFoundException, as AWS is observed to answer;
 * - AccessDenied messages name the resource as the caller wrote SecretId (observed: "on resource: <name>");
 * - `secretsmanager:SecretId` holds the secret's ARN when it exists, else the SecretId as given;
 * - an ARN of another region or account than the endpoint's is evaluated as written, as a secret that does not
 *   exist here (the backend would resolve it by name in its own region).
 */
import type { AccountView, SecretView } from '../types.js';
import { authorizeRead, type ReadAuthorization, type SessionPrincipal } from './authorize-read.js';
import { accountOfArn } from './session-context.js';

export interface SecretReadOutcome {
  secretId: string;
  secret: SecretView | undefined;
  authorization: ReadAuthorization;
}

export async function authorizeSecretRead(
  principal: SessionPrincipal,
  account: AccountView,
  action: string,
  secretId: string,
  extraContext: Record<string, string> = {},
): Promise<SecretReadOutcome> {
  // an ARN names its region and account: one that is not the endpoint's is no secret the backend may resolve by name
  const secret = foreignArn(secretId, principal) ? undefined : await account.secret(secretId, principal.region);
  const arn = secret?.arn ?? assumedSecretArn(secretId, principal);
  const authorization = await authorizeRead(principal, {
    action,
    resource: arn,
    resourceInMessage: secretId,
    ...(secret?.resourcePolicy ? { resourcePolicy: secret.resourcePolicy } : {}),
    context: { 'secretsmanager:SecretId': secret?.arn ?? secretId, ...extraContext },
  });
  if (!secret && authorization.allowed) {
    authorization.explanation.push(`No secret "${secretId}" exists: ResourceNotFoundException.`);
  }
  return { secretId, secret, authorization };
}

function foreignArn(secretId: string, principal: SessionPrincipal): boolean {
  if (!secretId.startsWith('arn:')) return false;
  const [, , , region, accountId] = secretId.split(':');
  return region !== principal.region || accountId !== accountOfArn(principal.session.roleArn);
}

function assumedSecretArn(secretId: string, principal: SessionPrincipal): string {
  if (secretId.startsWith('arn:')) return secretId;
  return `arn:aws:secretsmanager:${principal.region}:${accountOfArn(principal.session.roleArn)}:secret:${secretId}`;
}
