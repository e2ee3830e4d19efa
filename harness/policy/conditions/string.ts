/** StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike. */
import { compilePattern, type PatternOptions } from '../wildcard.js';
import { NO_MATCH, operatorPair, type ConditionOperator, type ValueMatcher } from './operator.js';

function stringMatcher(values: readonly string[], opts: PatternOptions): ValueMatcher {
  const matchers = values.map((v) => compilePattern(v, opts));
  if (matchers.length === 1) {
    const only = matchers[0]!;
    return (value, lookup) => (only(value, lookup) ? 0 : NO_MATCH);
  }
  return (value, lookup) => {
    for (let i = 0; i < matchers.length; i++) if (matchers[i]!(value, lookup)) return i;
    return NO_MATCH;
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
