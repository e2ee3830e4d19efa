/** Every known condition operator by lower-cased base name. `Null` is handled apart (it tests presence). */
import { arnOperators } from './arn.js';
import { binaryOperators, boolOperators } from './bool.js';
import { dateOperators } from './date.js';
import { ipOperators } from './ip.js';
import { numericOperators } from './numeric.js';
import type { ConditionOperator } from './operator.js';
import { stringOperators } from './string.js';

const ALL: ConditionOperator[] = [
  ...stringOperators,
  ...numericOperators,
  ...dateOperators,
  ...boolOperators,
  ...binaryOperators,
  ...arnOperators,
  ...ipOperators,
];

const BY_NAME = new Map(ALL.map((op) => [op.name.toLowerCase(), op]));

export function findOperator(base: string): ConditionOperator | undefined {
  return BY_NAME.get(base.toLowerCase());
}

export function isNullOperator(base: string): boolean {
  return base.toLowerCase() === 'null';
}

export function knownOperatorNames(): string[] {
  return [...ALL.map((op) => op.name), 'Null'];
}
