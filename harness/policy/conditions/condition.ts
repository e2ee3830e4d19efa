/**
 * One condition (operator + key + values), compiled once and evaluated per request with AWS's rules for
 * absent keys, `...IfExists`, `ForAnyValue:`/`ForAllValues:` and negated operators.
 */
import type { ConditionTrace, ContextValue } from '../types.js';
import type { ContextLookup } from '../wildcard.js';
import { describeActual, formatList } from '../explain.js';
import { parseOperatorName, type ConditionOperator, type ValueMatcher } from './operator.js';
import { findOperator, isNullOperator } from './registry.js';

export interface CompiledCondition {
  operatorText: string;
  keyText: string;
  keyLower: string;
  values: readonly string[];
  path: string;
  set: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
  isNull: boolean;
  /** undefined for an unknown operator (never holds) */
  op: ConditionOperator | undefined;
  matcher: ValueMatcher | undefined;
  /** precomputed `["a", "b"]` for explanations */
  expectedText: string;
}

export function compileCondition(operatorText: string, keyText: string, values: readonly string[], path: string, variables: boolean): CompiledCondition {
  const parsed = parseOperatorName(operatorText);
  const isNull = isNullOperator(parsed.base);
  const op = isNull ? undefined : findOperator(parsed.base);
  return {
    operatorText,
    keyText,
    keyLower: keyText.toLowerCase(),
    values,
    path,
    set: parsed.set,
    ifExists: parsed.ifExists,
    isNull,
    op,
    matcher: op?.compile(values, variables),
    expectedText: formatList(values),
  };
}

function trace(c: CompiledCondition, actual: readonly string[] | null, matched: boolean, reason: string): ConditionTrace {
  return { operator: c.operatorText, key: c.keyText, expected: c.values, actual, matched, reason, path: c.path };
}

/** Does one request value satisfy the operator (negation applied)? */
function satisfies(c: CompiledCondition, value: string, lookup: ContextLookup): boolean {
  const r = c.matcher!(value, lookup);
  return c.op!.negated ? r === false : r === true;
}

function verbPhrase(c: CompiledCondition, ok: boolean): string {
  const op = c.op!;
  if (op.negated) return ok ? `${op.verb} none of` : `${op.verb} one of`;
  return ok ? `${op.verb} one of` : `${op.verb} none of`;
}

export function evaluateCondition(c: CompiledCondition, lookup: ContextLookup, source: string): ConditionTrace {
  const raw: ContextValue | undefined = lookup(c.keyText);
  const actual: readonly string[] | null = raw === undefined ? null : typeof raw === 'string' ? [raw] : raw;
  if (c.isNull) {
    const goal = raw === undefined ? 'true' : 'false';
    const ok = c.values.some((v) => v.toLowerCase() === goal);
    const state = raw === undefined ? 'absent' : 'present';
    return trace(c, actual, ok, `${c.keyText} is ${state}, so Null ${c.expectedText} ${ok ? 'holds' : 'fails'}`);
  }
  if (!c.op) return trace(c, actual, false, `${c.operatorText} is not a condition operator, so the condition never holds`);
  if (raw === undefined) return absent(c, actual);
  if (c.set === null) {
    if (typeof raw !== 'string') {
      return trace(c, actual, false, `${c.keyText} is multi-valued (${describeActual(raw)}); ${c.operatorText} without ForAnyValue:/ForAllValues: is false for it`);
    }
    const ok = satisfies(c, raw, lookup);
    return trace(c, actual, ok, `${source} ${JSON.stringify(raw)} ${verbPhrase(c, ok)} ${c.expectedText}`);
  }
  const values = actual!;
  if (c.set === 'ForAnyValue') {
    if (values.length === 0) return trace(c, actual, false, `${c.keyText} is an empty set, so ForAnyValue: is false`);
    const hit = values.find((v) => satisfies(c, v, lookup));
    const reason = hit !== undefined
      ? `${source} ${JSON.stringify(hit)} ${verbPhrase(c, true)} ${c.expectedText}`
      : c.op.negated
        ? `every value of ${describeActual(values)} ${c.op.verb} one of ${c.expectedText}`
        : `no value of ${describeActual(values)} ${c.op.verb} any of ${c.expectedText}`;
    return trace(c, actual, hit !== undefined, reason);
  }
  if (values.length === 0) return trace(c, actual, true, `${c.keyText} is an empty set, so ForAllValues: holds (vacuously)`);
  const miss = values.find((v) => !satisfies(c, v, lookup));
  const reason = miss === undefined
    ? `every value of ${describeActual(values)} ${verbPhrase(c, true)} ${c.expectedText}`
    : `${source} ${JSON.stringify(miss)} ${verbPhrase(c, false)} ${c.expectedText}, so ForAllValues: fails`;
  return trace(c, actual, miss === undefined, reason);
}

function absent(c: CompiledCondition, actual: readonly string[] | null): ConditionTrace {
  const where = `${c.keyText} is absent from the request`;
  if (c.ifExists) return trace(c, actual, true, `${where}: ...IfExists holds when the key is absent`);
  if (c.set === 'ForAllValues') return trace(c, actual, true, `${where}: ForAllValues: holds (vacuously) when the key is absent`);
  if (c.set === 'ForAnyValue') return trace(c, actual, false, `${where}: ForAnyValue: is false when the key is absent`);
  if (c.op!.negated) return trace(c, actual, true, `${where}: a negated operator (${c.op!.name}) holds when the key is absent`);
  return trace(c, actual, false, `${where}: ${c.op!.name} is false when the key is absent`);
}
