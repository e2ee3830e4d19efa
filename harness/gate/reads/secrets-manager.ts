/**
 * Secrets Manager calls by an assumed-role session, every operation: secret-level operations are authorized as
 * `secretsmanager:<Operation>` on the secret's ARN (with its resource policy), account-level ones on `*`, and
 * BatchGetSecretValue per secret. The region of every ARN is the one the caller signed for.
 */
import type { JsonObject } from '../pipeline/decode/strict-json.js';
import type { GateVerdict } from '../types.js';
import { checkBatchGetSecretValue } from './batch-get-secret-value.js';
import { allowedVerdict, errorVerdict, SECRET_NOT_FOUND_MESSAGE, type DecisionBasis } from './read-verdicts.js';
import { authorizeSecretRead } from './secret-read.js';
import { authorizeAccountLevel, type SecretsManagerCall } from './secrets-manager-call.js';
import { accountOfArn } from './session-context.js';
import { authorizeRead } from './authorize-read.js';

/** operations that name no secret: authorized on `*` */
const ACCOUNT_LEVEL: ReadonlySet<string> = new Set(['ListSecrets', 'GetRandomPassword']);
/** operations whose SecretId is optional (ValidateResourcePolicy may check a policy for no secret) */
const OPTIONAL_SECRET_ID: ReadonlySet<string> = new Set(['ValidateResourcePolicy']);

/** [chosen] the secret ARN a CreateSecret is authorized on: AWS adds a random 6-character suffix to the name */
export const CREATE_SECRET_SUFFIX = '-??????';

export async function checkSecretsManagerCall(call: SecretsManagerCall): Promise<GateVerdict> {
  const { params, operationName } = call;
  if (operationName === 'BatchGetSecretValue') return checkBatchGetSecretValue(call, params);
  if (ACCOUNT_LEVEL.has(operationName)) return checkAccountLevel(call, `secretsmanager:${operationName}`);
  if (operationName === 'CreateSecret') return checkCreateSecret(call);
  const secretId = params['SecretId'];
  if (secretId === undefined && OPTIONAL_SECRET_ID.has(operationName)) return checkAccountLevel(call, `secretsmanager:${operationName}`);
  if (typeof secretId !== 'string') return invalidParameter(call, 'secretId', secretId);
  return checkSecretLevel(call, secretId, params);
}

async function checkSecretLevel(call: SecretsManagerCall, secretId: string, params: JsonObject): Promise<GateVerdict> {
  const versionContext: Record<string, string> = {};
  if (typeof params['VersionId'] === 'string') versionContext['secretsmanager:VersionId'] = params['VersionId'];
  if (typeof params['VersionStage'] === 'string') versionContext['secretsmanager:VersionStage'] = params['VersionStage'];
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

async function checkCreateSecret(call: SecretsManagerCall): Promise<GateVerdict> {
  const name = call.params['Name'];
  if (typeof name !== 'string' || name === '') return invalidParameter(call, 'name', name);
  const { principal } = call;
  const arn = `arn:aws:secretsmanager:${principal.region}:${accountOfArn(principal.session.roleArn)}:secret:${name}${CREATE_SECRET_SUFFIX}`;
  const authorization = await authorizeRead(principal, {
    action: 'secretsmanager:CreateSecret', resource: arn, resourceInMessage: arn, context: { 'secretsmanager:Name': name },
  });
  const basis: DecisionBasis = { requestId: call.requestId, operation: call.operation, explanation: authorization.explanation, authorization: authorization.result };
  return authorization.allowed ? allowedVerdict(basis) : errorVerdict(basis, 'AccessDeniedException', authorization.deniedMessage ?? '');
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

/**
 * A missing or mistyped required parameter never reaches the backend: AWS's JSON services answer
 * SerializationException for a wrong JSON type and ValidationException for a missing member.
 */
function invalidParameter(call: SecretsManagerCall, member: string, value: unknown): GateVerdict {
  const basis: DecisionBasis = {
    requestId: call.requestId,
    operation: call.operation,
    explanation: [`${call.operationName}: the required parameter ${member} is ${value === undefined ? 'missing' : 'not a string'}.`],
  };
  return value === undefined || value === null
    ? errorVerdict(basis, 'ValidationException', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`)
    : errorVerdict(basis, 'SerializationException', `Unexpected value type for ${member}`);
}
