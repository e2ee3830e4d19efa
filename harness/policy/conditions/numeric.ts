/** NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals). */
import { comparableFamily } from './comparable.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

export const numericOperators = comparableFamily('Numeric', parseNumber);
