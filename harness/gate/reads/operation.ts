/** Which operation a request calls, from `x-amz-target` (JSON services) or the `Action` form field (Query). */
import type { GateOperation, GateRequest } from '../types.js';

const KNOWN: ReadonlySet<string> = new Set<GateOperation>([
  'AssumeRoleWithWebIdentity',
  'GetSecretValue',
  'BatchGetSecretValue',
  'DescribeSecret',
  'ListSecrets',
]);

export interface CalledOperation {
  /** e.g. `secretsmanager` (the target prefix, lower-cased) or undefined for Query requests */
  targetService?: string;
  /** the operation name as sent, e.g. `GetSecretValue` */
  name?: string;
  gateOperation: GateOperation;
}

export function calledOperation(request: GateRequest): CalledOperation {
  const target = request.headers['x-amz-target'];
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const name = target.slice(dot + 1);
    return { targetService: target.slice(0, Math.max(dot, 0)).toLowerCase(), name, gateOperation: asGateOperation(name) };
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const action =
    new URLSearchParams(request.body.toString('utf8')).get('Action') ?? new URLSearchParams(query).get('Action') ?? undefined;
  return { ...(action ? { name: action } : {}), gateOperation: asGateOperation(action) };
}

const asGateOperation = (name: string | undefined): GateOperation =>
  name !== undefined && KNOWN.has(name) ? (name as GateOperation) : 'Other';
