/** Shared by the Numeric and Date families: parse both sides, compare with one of six relations. */
import { NO_MATCH, operatorPair, type ConditionOperator, type ValueMatcher } from './operator.js';

type Relation = (request: number, policy: number) => boolean;

const RELATIONS: [suffix: string, verb: string, relation: Relation][] = [
  ['LessThan', 'is less than', (r, p) => r < p],
  ['LessThanEquals', 'is less than or equal to', (r, p) => r <= p],
  ['GreaterThan', 'is greater than', (r, p) => r > p],
  ['GreaterThanEquals', 'is greater than or equal to', (r, p) => r >= p],
];

function comparableMatcher(values: readonly string[], parse: (s: string) => number | undefined, rel: Relation): ValueMatcher {
  const parsed = values.map(parse);
  const anyInvalid = parsed.some((p) => p === undefined);
  return (value) => {
    const r = parse(value);
    if (r === undefined) return undefined;
    for (let i = 0; i < parsed.length; i++) {
      const p = parsed[i];
      if (p !== undefined && rel(r, p)) return i;
    }
    return anyInvalid ? undefined : NO_MATCH;
  };
}

/** The six operators of a family, e.g. `Numeric` -> NumericEquals ... NumericGreaterThanEquals. */
export function comparableFamily(family: string, parse: (s: string) => number | undefined): ConditionOperator[] {
  const ops = operatorPair(`${family}Equals`, `${family}NotEquals`, 'equals', (values) =>
    comparableMatcher(values, parse, (r, p) => r === p),
  );
  for (const [suffix, verb, rel] of RELATIONS) {
    ops.push(...operatorPair(`${family}${suffix}`, null, verb, (values) => comparableMatcher(values, parse, rel)));
  }
  return ops;
}
