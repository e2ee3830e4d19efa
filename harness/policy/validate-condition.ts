/** Grammar of a statement's Condition block: known operators, value types. */
import { splitArn } from './conditions/arn.js';
import { parseDate } from './conditions/date.js';
import { isIpRange } from './conditions/ip.js';
import { parseNumber } from './conditions/numeric.js';
import { parseOperatorName } from './conditions/operator.js';
import { findOperator, isNullOperator, knownOperatorNames } from './conditions/registry.js';
import { didYouMean } from './suggest.js';
import type { PolicyFinding } from './types.js';

const SYNTAX = 'Syntax errors in policy.';

let operatorSpellings: string[] | undefined;

/** Every spelling an operator may take: `StringLike`, `StringLikeIfExists`, `ForAnyValue:StringLike`, ... */
function allOperatorSpellings(): string[] {
  if (!operatorSpellings) {
    const bases = knownOperatorNames().flatMap((n) => (n === 'Null' ? [n] : [n, `${n}IfExists`]));
    operatorSpellings = [...bases, ...bases.flatMap((b) => [`ForAnyValue:${b}`, `ForAllValues:${b}`])];
  }
  return operatorSpellings;
}

/** Per base family: does a policy value have the operator's type? */
function valueTypeOk(base: string, value: string): boolean {
  const b = base.toLowerCase();
  if (b === 'null' || b === 'bool') return /^(true|false)$/i.test(value);
  if (b.startsWith('numeric')) return parseNumber(value) !== undefined;
  if (b.startsWith('date')) return parseDate(value) !== undefined;
  if (b.endsWith('ipaddress')) return isIpRange(value);
  if (b.startsWith('arn')) return splitArn(value) !== undefined || value === '*' || value.includes('${');
  return true;
}

function finding(path: string, severity: PolicyFinding['severity'], code: string, message: string, awsMessage?: string): PolicyFinding {
  const f: PolicyFinding = { path, severity, code, message };
  if (awsMessage !== undefined) f.awsMessage = awsMessage;
  return f;
}

export function validateCondition(block: unknown, path: string): PolicyFinding[] {
  if (block === null || typeof block !== 'object' || Array.isArray(block)) {
    return [finding(path, 'error', 'invalid-condition', 'Condition must be an object of operator -> {key: values}', SYNTAX)];
  }
  const out: PolicyFinding[] = [];
  for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
    const opPath = `${path}.${operator}`;
    const parsed = parseOperatorName(operator);
    const known = isNullOperator(parsed.base) || findOperator(parsed.base) !== undefined;
    if (!known) {
      out.push(finding(opPath, 'error', 'unknown-operator', `${JSON.stringify(operator)} is not an IAM condition operator${didYouMean(operator, allOperatorSpellings())}`, SYNTAX));
    }
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
      out.push(finding(opPath, 'error', 'invalid-condition', `${operator} must map condition keys to values`, SYNTAX));
      continue;
    }
    for (const [key, value] of Object.entries(keys as Record<string, unknown>)) {
      const keyPath = `${opPath}[${JSON.stringify(key)}]`;
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) out.push(finding(keyPath, 'error', 'empty-condition-values', `${key} has no values`, SYNTAX));
      list.forEach((v, i) => {
        const vPath = Array.isArray(value) ? `${keyPath}[${i}]` : keyPath;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
          out.push(finding(vPath, 'error', 'invalid-condition-value', 'condition values must be strings, numbers or booleans', SYNTAX));
        } else if (known && !valueTypeOk(parsed.base, String(v))) {
          out.push(finding(vPath, 'warning', 'condition-value-type', `${JSON.stringify(v)} is not a valid value for ${parsed.base}; it never matches`));
        }
      });
    }
  }
  return out;
}
