/** StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike. */
import { compilePattern, type PatternOptions } from '../wildcard.js';
import { operatorPair, type ConditionOperator, type ValueMatcher } from './operator.js';

function stringMatcher(values: readonly string[], opts: PatternOptions): ValueMatcher {
  const matchers = values.map((v) => compilePattern(v, opts));
  if (matchers.length === 1) {
    const only = matchers[0]!;
    return (value, lookup) => only(value, lookup);
  }
  return (value, lookup) => {
    for (const m of matchers) if (m(value, lookup)) return true;
    return false;
  };
}

export const stringOperators: ConditionOperator[] = [
  ...operatorPair('StringEquals', 'StringNotEquals', 'equals', (values, variables) =>
    stringMatcher(values, { wildcards: false, variables }),
  ),
  ...operatorPair('StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'equals (ignoring case)', (values, variables) =>
    stringMatcher(values, { wildcards: false, ignoreCase: true, variables }),
  ),
  ...operatorPair('StringLike', 'StringNotLike', 'matches', (values, variables) =>
    stringMatcher(values, { wildcards: true, variables }),
  ),
];
