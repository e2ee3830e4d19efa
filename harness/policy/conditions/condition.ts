/**
 * One condition (operator + key + values), compiled once and evaluated per request with AWS's rules for
 * absent keys, `...IfExists`, `ForAnyValue:`/`ForAllValues:` and negated operators.
 */
import type { ConditionTrace, ContextValue, ValueMatch } from '../types.js';
import type { ContextLookup } from '../wildcard.js';
import { describeActual, formatList } from '../explain.js';
import { NO_MATCH, parseOperatorName, type ConditionOperator, type ValueMatcher } from './operator.js';
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

function trace(c: CompiledCondition, actual: readonly string[] | null, matched: boolean, reason: string, decidedBy?: ValueMatch[]): ConditionTrace {
  const t: ConditionTrace = { operator: c.operatorText, key: c.keyText, expected: c.values, actual, matched, reason, path: c.path };
  if (decidedBy) t.decidedBy = decidedBy;
  return t;
}

/** One request value against the policy's values: which one it matched, if any. */
function compare(c: CompiledCondition, value: string, lookup: ContextLookup): ValueMatch {
  const i = c.matcher!(value, lookup);
  if (i === undefined) return { value, incomparable: true };
  if (i === NO_MATCH) return { value };
  return { value, pattern: c.values[i]!, index: i };
}

/** Does the comparison satisfy the operator (negation applied)? Incomparable values never do. */
function holds(c: CompiledCondition, m: ValueMatch): boolean {
  if (m.incomparable) return false;
  return c.op!.negated ? m.pattern === undefined : m.pattern !== undefined;
}

/** `matches "repo:acme/*:pull_request" (one of [...])`, `matches none of [...]`, or why it cannot be compared. */
function comparisonText(c: CompiledCondition, m: ValueMatch): string {
  const op = c.op!;
  if (m.incomparable) return `cannot be compared with ${c.expectedText} by ${op.name}, so it never matches`;
  if (m.pattern === undefined) return `${op.verb} none of ${c.expectedText}`;
  return c.values.length === 1 ? `${op.verb} ${JSON.stringify(m.pattern)}` : `${op.verb} ${JSON.stringify(m.pattern)} (one of ${c.expectedText})`;
}

function valueText(source: string, c: CompiledCondition, m: ValueMatch): string {
  return `${source} ${JSON.stringify(m.value)} ${comparisonText(c, m)}`;
}

/** `"a" matches "p1"; "b" matches none` for every value of a set. */
function everyValueText(c: CompiledCondition, ms: readonly ValueMatch[]): string {
  return ms
    .map((m) => `${JSON.stringify(m.value)} ${m.incomparable ? 'cannot be compared' : m.pattern === undefined ? 'matches none' : `${c.op!.verb} ${JSON.stringify(m.pattern)}`}`)
    .join('; ');
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
  const negatedFails = (ok: boolean) => (!ok && c.op!.negated ? `, so ${c.op!.name} fails` : '');
  if (c.set === null) {
    if (typeof raw !== 'string') {
      return trace(c, actual, false, `${c.keyText} is multi-valued (${describeActual(raw)}); ${c.operatorText} without ForAnyValue:/ForAllValues: is false for it`);
    }
    const m = compare(c, raw, lookup);
    const ok = holds(c, m);
    return trace(c, actual, ok, `${valueText(source, c, m)}${negatedFails(ok)}`, [m]);
  }
  const values = actual!;
  if (c.set === 'ForAnyValue') {
    if (values.length === 0) return trace(c, actual, false, `${c.keyText} is an empty set, so ForAnyValue: is false`);
    const all = values.map((v) => compare(c, v, lookup));
    const hit = all.find((m) => holds(c, m));
    if (hit) return trace(c, actual, true, valueText(source, c, hit), [hit]);
    return trace(c, actual, false, `no value of ${describeActual(values)} satisfies ${c.operatorText} ${c.expectedText}: ${everyValueText(c, all)}`, all);
  }
  if (values.length === 0) return trace(c, actual, true, `${c.keyText} is an empty set, so ForAllValues: holds (vacuously)`);
  const all = values.map((v) => compare(c, v, lookup));
  const miss = all.find((m) => !holds(c, m));
  if (miss) return trace(c, actual, false, `${valueText(source, c, miss)}, so ${c.operatorText} fails`, [miss]);
  return trace(c, actual, true, `every value of ${describeActual(values)} satisfies ${c.operatorText} ${c.expectedText}: ${everyValueText(c, all)}`, all);
}

function absent(c: CompiledCondition, actual: readonly string[] | null): ConditionTrace {
  const where = `${c.keyText} is absent from the request`;
  if (c.ifExists) return trace(c, actual, true, `${where}: ...IfExists holds when the key is absent`);
  if (c.set === 'ForAllValues') return trace(c, actual, true, `${where}: ForAllValues: holds (vacuously) when the key is absent`);
  if (c.set === 'ForAnyValue') return trace(c, actual, false, `${where}: ForAnyValue: is false when the key is absent`);
  if (c.op!.negated) return trace(c, actual, true, `${where}: a negated operator (${c.op!.name}) holds when the key is absent`);
  return trace(c, actual, false, `${where}: ${c.op!.name} is false when the key is absent`);
}
