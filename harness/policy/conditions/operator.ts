/** The shape every condition operator family implements, and the parsing of operator names. */
import type { ContextLookup } from '../wildcard.js';

/**
 * Compares one request value with the policy's values, in the operator's positive sense: the index of the
 * first policy value it matches, NO_MATCH (-1) when it matches none, undefined when not comparable (the
 * request value or a policy value is not of the operator's type). Negated operators hold on NO_MATCH only.
 * The index is what lets an explanation name the pattern that decided, not just the list it sits in.
 */
export type ValueMatcher = (value: string, lookup: ContextLookup) => number | undefined;

export const NO_MATCH = -1;

export interface ConditionOperator {
  /** canonical name, e.g. `StringNotLike` */
  readonly name: string;
  readonly negated: boolean;
  /** words for explanations, in the positive sense: `equals`, `matches`, `is less than` */
  readonly verb: string;
  compile(values: readonly string[], variables: boolean): ValueMatcher;
}

/** A family defines its positive comparators once; the negated names reuse them. */
export function operatorPair(
  positive: string,
  negative: string | null,
  verb: string,
  compile: ConditionOperator['compile'],
): ConditionOperator[] {
  const ops: ConditionOperator[] = [{ name: positive, negated: false, verb, compile }];
  if (negative) ops.push({ name: negative, negated: true, verb, compile });
  return ops;
}

export interface ParsedOperatorName {
  set: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
  /** the base name as written, e.g. `StringLike` */
  base: string;
}

/** `ForAnyValue:StringLikeIfExists` -> { set: 'ForAnyValue', ifExists: true, base: 'StringLike' } */
export function parseOperatorName(text: string): ParsedOperatorName {
  let rest = text;
  let set: ParsedOperatorName['set'] = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') set = 'ForAnyValue';
    else if (prefix === 'forallvalues') set = 'ForAllValues';
    else return { set: null, ifExists: false, base: text };
    rest = rest.slice(colon + 1);
  }
  const ifExists = /ifexists$/i.test(rest) && rest.length > 'IfExists'.length;
  return { set, ifExists, base: ifExists ? rest.slice(0, -'IfExists'.length) : rest };
}
