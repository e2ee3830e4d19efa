/** Table-driven operator tests: one row = operator, policy values, request value (undefined = absent), expected. */
import { test, expect } from '@playwright/test';
import { compileCondition, evaluateCondition } from '../../harness/policy/conditions/condition.js';
import type { ContextValue } from '../../harness/policy/types.js';
import { makeLookup } from '../../harness/policy/wildcard.js';

export type Row = [operator: string, values: string | string[], actual: ContextValue | undefined, expected: boolean];

const KEY = 'test:key';

export function conditionHolds(operator: string, values: string | string[], actual: ContextValue | undefined, context: Record<string, ContextValue> = {}): boolean {
  const c = compileCondition(operator, KEY, Array.isArray(values) ? values : [values], 'Statement[0]', true);
  const ctx = actual === undefined ? context : { ...context, [KEY]: actual };
  return evaluateCondition(c, makeLookup(ctx), "the request's value").matched;
}

export function runRows(family: string, rows: Row[]): void {
  test.describe(family, () => {
    for (const [operator, values, actual, expected] of rows) {
      const shown = actual === undefined ? '<absent>' : JSON.stringify(actual);
      test(`${operator} ${JSON.stringify(values)} vs ${shown} -> ${expected}`, () => {
        expect(conditionHolds(operator, values, actual)).toBe(expected);
      });
    }
  });
}
