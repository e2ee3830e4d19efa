/**
 * Stage 1, decode: the request, read once, into one canonical call, or AWS's refusal in the caller's protocol.
 * Only the path `/` carries AWS calls; emulator-internal paths (`/moto-api`, `/_localstack`, ...) are never
 * decoded and so never reach the backend through the gate.
 */
import { readSigV4Authorization } from '../../reads/sigv4-authorization.js';
import type { GateRequest } from '../../types.js';
import type { CanonicalCall, Refusal } from '../call.js';
import { decodeJson } from './json.js';
import { decodeQuery } from './query.js';
import { DECODE_MESSAGES, refusalIn } from './refusals.js';

export function decode(request: GateRequest): CanonicalCall | Refusal {
  const protocol = request.headers['x-amz-target'] !== undefined ? 'json' : 'query';
  const q = request.url.indexOf('?');
  const path = q < 0 ? request.url : request.url.slice(0, q);
  if (path !== '/') {
    return refusalIn(protocol, 404, { query: 'InvalidAction', json: 'UnknownOperationException' }, DECODE_MESSAGES.notAnAwsPath,
      `the path ${JSON.stringify(path.slice(0, 100))} is not an AWS API path (emulator-internal paths are never forwarded).`);
  }
  const auth = readSigV4Authorization(request);
  const query = q < 0 ? '' : request.url.slice(q + 1);
  return protocol === 'json' ? decodeJson(request, auth) : decodeQuery(request, query, auth);
}
