/** ArnEquals, ArnLike, ArnNotEquals, ArnNotLike: the six colon-separated parts are matched one by one. */
import { compilePattern, type ContextLookup, type StringMatcher } from '../wildcard.js';
import { NO_MATCH, operatorPair, type ConditionOperator, type ValueMatcher } from './operator.js';

/** `arn:partition:service:region:account:resource` (the resource may itself hold colons). */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function compileArn(pattern: string, variables: boolean): ((arn: string[], lookup: ContextLookup) => boolean) | undefined {
  const parts = splitArn(pattern);
  if (!parts) return undefined;
  const matchers: StringMatcher[] = parts.map((p) => compilePattern(p, { wildcards: true, variables }));
  return (arn, lookup) => matchers.every((m, i) => m(arn[i]!, lookup));
}

const compile: ConditionOperator['compile'] = (values, variables) => {
  const compiled = values.map((v) => compileArn(v, variables));
  const anyInvalid = compiled.some((c) => c === undefined);
  const matcher: ValueMatcher = (value, lookup) => {
    const arn = splitArn(value);
    if (!arn) return undefined;
    for (let i = 0; i < compiled.length; i++) if (compiled[i]?.(arn, lookup)) return i;
    return anyInvalid ? undefined : NO_MATCH;
  };
  return matcher;
};

export const arnOperators: ConditionOperator[] = [
  ...operatorPair('ArnEquals', 'ArnNotEquals', 'matches', compile),
  ...operatorPair('ArnLike', 'ArnNotLike', 'matches', compile),
];
