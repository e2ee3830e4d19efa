import { test, expect } from '@playwright/test';
import { evaluatePolicy } from '../../harness/policy/index.js';

/** Condition keys and policy variables named like Object.prototype members are absent keys, not crashes. */
const allowIf = (condition: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: condition }],
});
const decide = (condition: Record<string, unknown>, context: Record<string, string> = {}) =>
  evaluatePolicy(allowIf(condition), { principal: { kind: 'federated', provider: 'p' }, action: 'sts:X', resource: 'r', context }).decision;

for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
  test(`condition key "${key}" is absent from an empty request`, () => {
    expect(decide({ StringEquals: { [key]: 'x' } })).toBe('ImplicitDeny');
    expect(decide({ StringNotEquals: { [key]: 'x' } })).toBe('Allow');
    expect(decide({ 'ForAnyValue:StringEquals': { [key]: 'x' } })).toBe('ImplicitDeny');
    expect(decide({ 'ForAllValues:StringEquals': { [key]: 'x' } })).toBe('Allow');
  });
}

test('a policy variable named like a prototype member has no value', () => {
  expect(decide({ StringEquals: { k: '${constructor}' } }, { k: '' })).toBe('ImplicitDeny');
  expect(decide({ StringEquals: { k: "${constructor, 'd'}" } }, { k: 'd' })).toBe('Allow');
});
