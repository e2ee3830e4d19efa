/** Bool and BinaryEquals: single-operator families without a negated form. */
import { NO_MATCH, operatorPair, type ConditionOperator } from './operator.js';

function asBool(text: string): 'true' | 'false' | undefined {
  const t = text.toLowerCase();
  return t === 'true' || t === 'false' ? t : undefined;
}

export const boolOperators: ConditionOperator[] = operatorPair('Bool', null, 'equals', (values) => {
  const parsed = values.map(asBool);
  const anyInvalid = parsed.some((p) => p === undefined);
  return (value) => {
    const r = asBool(value);
    if (r === undefined) return undefined;
    const i = parsed.indexOf(r);
    if (i >= 0) return i;
    return anyInvalid ? undefined : NO_MATCH;
  };
});

/** Base64 values compared as written (AWS compares the bytes; equal base64 text is the documented usage). */
export const binaryOperators: ConditionOperator[] = operatorPair('BinaryEquals', null, 'equals', (values) => {
  return (value) => values.indexOf(value);
});
