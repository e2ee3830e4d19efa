/**
 * details.trust is typed `unknown` in the model (it is the evaluator's PolicyEvaluation as recorded): read it
 * defensively, so a malformed trace degrades to "no trace" instead of breaking the report.
 */
import type { ConditionTrace, PolicyEvaluation, StatementTrace } from '../../policy/types.js';

export function asPolicyEvaluation(value: unknown): PolicyEvaluation | null {
  if (!isObject(value) || typeof value.decision !== 'string' || !Array.isArray(value.statements)) return null;
  const statements = value.statements.filter(isStatementTrace);
  const deciding = isStatementTrace(value.deciding) ? value.deciding : undefined;
  const explanation = Array.isArray(value.explanation) ? value.explanation.map(String) : [];
  return { decision: value.decision as PolicyEvaluation['decision'], statements, ...(deciding ? { deciding } : {}), explanation };
}

function isStatementTrace(value: unknown): value is StatementTrace {
  return isObject(value) && typeof value.path === 'string' && Array.isArray(value.conditions) && value.conditions.every(isConditionTrace);
}

function isConditionTrace(value: unknown): value is ConditionTrace {
  return (
    isObject(value) &&
    typeof value.path === 'string' &&
    typeof value.matched === 'boolean' &&
    Array.isArray(value.expected) &&
    (value.decidedBy === undefined || (Array.isArray(value.decidedBy) && value.decidedBy.every(isValueMatch)))
  );
}

function isValueMatch(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.value === 'string' &&
    (value.pattern === undefined || typeof value.pattern === 'string') &&
    (value.index === undefined || Number.isInteger(value.index))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Path segments of `Statement[0].Condition.StringLike["api.gitpod.io/idp:sub"]`, so notations compare equal. */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[0] === '') break;
    segments.push(m[1] ?? m[2] ?? (m[3] !== undefined ? unquote(m[3]) : m[4]) ?? '');
  }
  return segments;
}

function unquote(escaped: string): string {
  try {
    return JSON.parse(`"${escaped}"`) as string;
  } catch {
    return escaped;
  }
}

export function pathKey(path: string | readonly string[]): string {
  return (typeof path === 'string' ? pathSegments(path) : path).join('\u0000');
}
