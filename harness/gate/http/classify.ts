/** Which AWS protocol a request speaks, and its action. */
import type { GateRequest } from '../types.js';

export type ClassifiedRequest =
  | { protocol: 'query'; action: string; params: URLSearchParams; signed: boolean }
  | { protocol: 'json'; target: string; action: string; signed: boolean }
  | { protocol: 'other'; signed: boolean };

const isSigned = (request: GateRequest): boolean =>
  (request.headers['authorization'] ?? '').startsWith('AWS4-HMAC-SHA256') ||
  new URL(request.url, 'http://gate').searchParams.has('X-Amz-Signature');

export function classify(request: GateRequest): ClassifiedRequest {
  const signed = isSigned(request);
  const target = request.headers['x-amz-target'];
  if (target) {
    const action = target.slice(target.lastIndexOf('.') + 1);
    return { protocol: 'json', target, action, signed };
  }
  const contentType = request.headers['content-type'] ?? '';
  const query = new URL(request.url, 'http://gate').searchParams;
  if (request.method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(request.body.toString('utf8'));
    for (const [k, v] of query) if (!params.has(k)) params.set(k, v);
    const action = params.get('Action');
    if (action) return { protocol: 'query', action, params, signed };
  }
  const action = query.get('Action');
  if (action) return { protocol: 'query', action, params: query, signed };
  return { protocol: 'other', signed };
}

/** Get/List/Describe actions never change what the gate caches. */
export const isReadOnlyAction = (action: string): boolean => /^(Get|List|Describe|BatchGet)/.test(action);
