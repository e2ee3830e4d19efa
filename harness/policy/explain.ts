/** Small formatting helpers for the sentences built alongside each decision. */
import type { ContextValue } from './types.js';

/** `["a", "b"]` */
export function formatList(values: readonly string[]): string {
  return '[' + values.map((v) => JSON.stringify(v)).join(', ') + ']';
}

export function describeActual(value: ContextValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatList(value);
}

/** `Statement[0] (Sid "GitpodAcme")` or `Statement[0]` */
export function statementLabel(path: string, sid: string | undefined): string {
  return sid ? `${path} (Sid ${JSON.stringify(sid)})` : path;
}
