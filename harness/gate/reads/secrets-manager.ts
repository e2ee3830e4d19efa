/**
 * Secrets Manager calls by an assumed-role session: GetSecretValue, DescribeSecret, ListSecrets,
 * BatchGetSecretValue are authorized as AWS would; any other operation is forwarded after authentication
 * only (not enforced).
 */
import type { GateVerdict } from '../types.js';
import { checkBatchGetSecretValue } from './batch-get-secret-value.js';
import { allowedVerdict, errorVerdict, SECRET_NOT_FOUND_MESSAGE, type DecisionBasis } from './read-verdicts.js';
import { authorizeSecretRead } from './secret-read.js';
import { authorizeAccountLevel, type SecretsManagerCall } from './secrets-manager-call.js';

export async function checkSecretsManagerCall(call: SecretsManagerCall): Promise<GateVerdict> {
  const body = parseJsonObject(call.request.body);
  switch (call.operationName) {
    case 'GetSecretValue':
    case 'DescribeSecret':
      return checkSecretLevel(call, body);
    case 'ListSecrets':
      return checkAccountLevel(call, 'secretsmanager:ListSecrets');
    case 'BatchGetSecretValue':
      return checkBatchGetSecretValue(call, body);
    default:
      return { kind: 'forward' };
  }
}

async function checkSecretLevel(call: SecretsManagerCall, body: Record<string, unknown> | undefined): Promise<GateVerdict> {
  const secretId = body?.['SecretId'];
  // a missing or malformed SecretId is the backend's validation error to give
  if (typeof secretId !== 'string' || secretId === '') return { kind: 'forward' };
  const versionContext: Record<string, string> = {};
  if (typeof body?.['VersionId'] === 'string') versionContext['secretsmanager:VersionId'] = body['VersionId'];
  if (typeof body?.['VersionStage'] === 'string') versionContext['secretsmanager:VersionStage'] = body['VersionStage'];
  const action = `secretsmanager:${call.operationName}`;
  const outcome = await authorizeSecretRead(call.principal, call.account, action, secretId, versionContext);
  const { authorization } = outcome;
  const basis: DecisionBasis = {
    requestId: call.requestId,
    operation: call.operation,
    explanation: authorization.explanation,
    authorization: authorization.result,
  };
  if (!authorization.allowed) return errorVerdict(basis, 'AccessDeniedException', authorization.deniedMessage ?? '');
  if (!outcome.secret) return errorVerdict(basis, 'ResourceNotFoundException', SECRET_NOT_FOUND_MESSAGE);
  return allowedVerdict(basis);
}

async function checkAccountLevel(call: SecretsManagerCall, action: string): Promise<GateVerdict> {
  const authorization = await authorizeAccountLevel(call, action);
  const basis: DecisionBasis = {
    requestId: call.requestId,
    operation: call.operation,
    explanation: authorization.explanation,
    authorization: authorization.result,
  };
  return authorization.allowed
    ? allowedVerdict(basis)
    : errorVerdict(basis, 'AccessDeniedException', authorization.deniedMessage ?? '');
}

export function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
