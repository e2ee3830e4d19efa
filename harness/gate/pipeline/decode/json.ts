/**
 * AWS JSON 1.0/1.1: a POST with `X-Amz-Target: <prefix>.<Operation>` and Content-Type
 * application/x-amz-json-1.x. For Secrets Manager the prefix is exactly `secretsmanager` and the operation one
 * of its operations, in AWS's case. The body is strict JSON (an object). Parameters in the URL are not part of a
 * JSON call: they never change what is executed (the call forwarded is rebuilt from the body alone).
 */
import type { SigV4Authorization } from '../../reads/sigv4-authorization.js';
import type { GateRequest } from '../../types.js';
import type { JsonCall, Refusal } from '../call.js';
import { bodyText } from './body-text.js';
import { DECODE_MESSAGES, jsonRefusal } from './refusals.js';
import { MODELLED_SERVICES, OPERATION_NAME, SECRETS_MANAGER_OPERATIONS } from './services.js';
import { isJsonObject, parseStrictJson, StrictJsonError } from './strict-json.js';

const JSON_TYPE = /^application\/x-amz-json-(1\.[01])\s*(;.*)?$/i;
const TARGET = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z0-9]+)$/;

export function decodeJson(request: GateRequest, auth: SigV4Authorization | undefined): JsonCall | Refusal {
  const target = request.headers['x-amz-target'] ?? '';
  const contentType = JSON_TYPE.exec(request.headers['content-type'] ?? '');
  if (request.method !== 'POST' || !contentType) {
    return jsonRefusal(400, 'UnknownOperationException', DECODE_MESSAGES.notJson,
      `a ${request.method} with X-Amz-Target and Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')} is not an AWS JSON call.`);
  }
  const match = TARGET.exec(target);
  const prefix = match?.[1] ?? '';
  const operation = match?.[2] ?? '';
  const scopeService = auth?.scope.service;
  let service: string | undefined;
  if (prefix === 'secretsmanager' && SECRETS_MANAGER_OPERATIONS.has(operation)) service = 'secretsmanager';
  else if (match && OPERATION_NAME.test(operation) && prefix !== 'secretsmanager' && scopeService && !MODELLED_SERVICES.has(scopeService)) {
    service = scopeService;
  }
  if (service === undefined) {
    return jsonRefusal(400, 'UnknownOperationException', DECODE_MESSAGES.unknownOperation(target.slice(0, 100)),
      `X-Amz-Target ${JSON.stringify(target.slice(0, 100))} is not secretsmanager.<Operation> with an operation of Secrets Manager, in AWS's case.`);
  }
  const text = bodyText(request);
  if (text === undefined) {
    return jsonRefusal(400, 'SerializationException', DECODE_MESSAGES.serialization('not UTF-8'), 'the body is not valid UTF-8.', service);
  }
  let params;
  try {
    params = text.trim() === '' ? parseStrictJson('{}') : parseStrictJson(text);
  } catch (e) {
    const why = e instanceof StrictJsonError ? e.message : 'unreadable';
    return jsonRefusal(400, 'SerializationException', DECODE_MESSAGES.serialization(why), `the body is not strict JSON (${why}).`, service);
  }
  if (!isJsonObject(params)) {
    return jsonRefusal(400, 'SerializationException', DECODE_MESSAGES.serialization('not an object'), 'the body is not a JSON object.', service);
  }
  return {
    kind: 'call', protocol: 'json', service, operation, jsonVersion: contentType[1] as '1.0' | '1.1', targetPrefix: prefix, params, auth, raw: request,
  };
}
