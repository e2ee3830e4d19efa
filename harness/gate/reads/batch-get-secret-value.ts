/**
 * BatchGetSecretValue as AWS authorizes it: `secretsmanager:BatchGetSecretValue` on `*` for the call,
 * `secretsmanager:ListSecrets` too when Filters are used, and `secretsmanager:GetSecretValue` per secret.
 * A secret the caller may not read (or that does not exist) becomes an entry of the response's `Errors`
 * list ({SecretId, ErrorCode, Message}); the call itself still succeeds.
 */
import type { GateVerdict } from '../types.js';
import { authorizeAccountLevel, type SecretsManagerCall } from './secrets-manager-call.js';
import { decisionOf, errorVerdict, SECRET_NOT_FOUND_MESSAGE, type DecisionBasis } from './read-verdicts.js';
import { authorizeSecretRead, type SecretReadOutcome } from './secret-read.js';

interface BatchError {
  SecretId: string;
  ErrorCode: string;
  Message: string;
}

interface BatchBody {
  SecretValues?: { ARN?: string; Name?: string }[];
  Errors?: BatchError[];
  [key: string]: unknown;
}

const GET = 'secretsmanager:GetSecretValue';

export async function checkBatchGetSecretValue(
  call: SecretsManagerCall,
  body: Record<string, unknown> | undefined,
): Promise<GateVerdict> {
  const batch = await authorizeAccountLevel(call, 'secretsmanager:BatchGetSecretValue');
  const basis: DecisionBasis = {
    requestId: call.requestId,
    operation: call.operation,
    explanation: [...batch.explanation],
    authorization: batch.result,
  };
  if (!batch.allowed) return errorVerdict(basis, 'AccessDeniedException', batch.deniedMessage ?? '');

  const filters = body?.['Filters'];
  if (Array.isArray(filters) && filters.length > 0) {
    const list = await authorizeAccountLevel(call, 'secretsmanager:ListSecrets');
    basis.explanation.push(...list.explanation);
    if (!list.allowed) {
      return errorVerdict({ ...basis, authorization: list.result }, 'AccessDeniedException', list.deniedMessage ?? '');
    }
    return { kind: 'forward', decision: decisionOf(basis, 'allowed', 200), transformResponse: filterListed(call, basis) };
  }

  const ids = body?.['SecretIdList'];
  // a malformed list never reaches the backend, which might read what the gate did not authorize
  if (ids === undefined || ids === null) {
    return errorVerdict(basis, 'InvalidParameterException', 'Either SecretIdList or Filters must be provided.');
  }
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    return errorVerdict(basis, 'SerializationException', 'Unexpected value type for secretIdList');
  }
  const outcomes = await Promise.all(ids.map((id) => authorizeSecretRead(call.principal, call.account, GET, id)));
  for (const outcome of outcomes) basis.explanation.push(...outcome.authorization.explanation);
  const errors = outcomes.flatMap(errorOf);
  const readable = outcomes.filter((o) => o.authorization.allowed && o.secret);
  if (errors.length === 0) return { kind: 'forward', decision: decisionOf(basis, 'allowed', 200) };
  if (readable.length === 0) {
    return {
      kind: 'respond',
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': call.requestId },
      body: JSON.stringify({ SecretValues: [], Errors: errors }),
      decision: decisionOf(basis, 'allowed', 200),
    };
  }
  const readableArns = new Set(readable.map((o) => o.secret?.arn));
  const readableIds = new Set(readable.map((o) => o.secretId));
  return {
    kind: 'forward',
    decision: decisionOf(basis, 'allowed', 200),
    transformResponse: async (response) =>
      rewrite(response, (parsed) => ({
        ...parsed,
        SecretValues: (parsed.SecretValues ?? []).filter((v) => readableArns.has(v.ARN)),
        Errors: [...errors, ...(parsed.Errors ?? []).filter((e) => readableIds.has(e.SecretId))],
      })),
  };
}

function errorOf(outcome: SecretReadOutcome): BatchError[] {
  const { secretId, authorization, secret } = outcome;
  if (!authorization.allowed) {
    return [{ SecretId: secretId, ErrorCode: 'AccessDeniedException', Message: authorization.deniedMessage ?? '' }];
  }
  return secret ? [] : [{ SecretId: secretId, ErrorCode: 'ResourceNotFoundException', Message: SECRET_NOT_FOUND_MESSAGE }];
}

/** With Filters the secrets are only known from the backend's answer: authorize each one listed there. */
function filterListed(call: SecretsManagerCall, basis: DecisionBasis) {
  return (response: { status: number; body: string }) =>
    rewriteAsync(response, async (parsed) => {
      const values = parsed.SecretValues ?? [];
      const outcomes = await Promise.all(
        values.map((v) => authorizeSecretRead(call.principal, call.account, GET, v.ARN ?? v.Name ?? '')),
      );
      for (const outcome of outcomes) basis.explanation.push(...outcome.authorization.explanation);
      return {
        ...parsed,
        SecretValues: values.filter((_, i) => outcomes[i]?.authorization.allowed),
        Errors: [...(parsed.Errors ?? []), ...outcomes.flatMap(errorOf)],
      };
    });
}

function rewrite(response: { status: number; body: string }, edit: (parsed: BatchBody) => BatchBody) {
  return rewriteAsync(response, async (parsed) => edit(parsed));
}

/** only a successful JSON answer is rewritten; errors pass through as the backend gave them */
async function rewriteAsync(
  response: { status: number; body: string },
  edit: (parsed: BatchBody) => Promise<BatchBody>,
): Promise<{ status: number; body: string }> {
  if (response.status !== 200) return response;
  let parsed: BatchBody;
  try {
    parsed = JSON.parse(response.body) as BatchBody;
  } catch {
    return response;
  }
  return { status: response.status, body: JSON.stringify(await edit(parsed)) };
}
