/**
 * Trust-policy statements in one normalised shape, tolerant of malformed input (grammar problems are
 * reported by validatePolicy, not here): every condition flattened to operator + key + values with its path.
 */
import type { PolicyJson } from '../policy/types.js';

export interface ConditionEntry {
  /** as written, e.g. `ForAnyValue:StringLikeIfExists` */
  operator: string;
  /** without qualifier and IfExists, e.g. `StringLike` */
  base: string;
  qualifier?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  /** StringNotEquals, StringNotLike, ArnNotLike, ... */
  negated: boolean;
  key: string;
  values: string[];
  path: string;
}

export interface TrustStatement {
  index: number;
  path: string;
  effect: string;
  /** values of Principal.Federated */
  federated: string[];
  /** `Principal: "*"` or `*` as an AWS/Federated principal */
  principalWildcard: boolean;
  hasNotPrincipal: boolean;
  actions: string[];
  notActions: string[];
  conditions: ConditionEntry[];
}

/** A string or list of strings as a list (other entries dropped). */
export const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function keyPath(statementPath: string, operator: string, key: string): string {
  return `${statementPath}.Condition.${operator}[${JSON.stringify(key)}]`;
}

function parseOperator(operator: string): Pick<ConditionEntry, 'base' | 'qualifier' | 'ifExists' | 'negated'> {
  let rest = operator;
  let qualifier: ConditionEntry['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'foranyvalue') qualifier = 'ForAnyValue';
    if (q === 'forallvalues') qualifier = 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  const ifExists = /IfExists$/i.test(rest);
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return { base, qualifier, ifExists, negated: /Not(Equals|Like)/i.test(base) };
}

function conditionsOf(statementPath: string, condition: unknown): ConditionEntry[] {
  if (!isObject(condition)) return [];
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) continue;
    const parsed = parseOperator(operator);
    for (const [key, raw] of Object.entries(block)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
      out.push({ operator, ...parsed, key, values, path: keyPath(statementPath, operator, key) });
    }
  }
  return out;
}

function principalsOf(principal: unknown): { federated: string[]; wildcard: boolean } {
  if (principal === '*') return { federated: [], wildcard: true };
  if (!isObject(principal)) return { federated: [], wildcard: false };
  const federated = strings(principal['Federated']);
  const wildcard = [...federated, ...strings(principal['AWS'])].includes('*');
  return { federated: federated.filter((f) => f !== '*'), wildcard };
}

export function trustStatements(policy: PolicyJson): TrustStatement[] {
  const raw = policy['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const single = !Array.isArray(raw);
  const out: TrustStatement[] = [];
  list.forEach((s, index) => {
    if (!isObject(s)) return;
    const path = single ? 'Statement' : `Statement[${index}]`;
    const { federated, wildcard } = principalsOf(s['Principal']);
    out.push({
      index,
      path,
      effect: typeof s['Effect'] === 'string' ? s['Effect'] : '',
      federated,
      principalWildcard: wildcard,
      hasNotPrincipal: s['NotPrincipal'] !== undefined,
      actions: strings(s['Action']),
      notActions: strings(s['NotAction']),
      conditions: conditionsOf(path, s['Condition']),
    });
  });
  return out;
}

/** Does the condition hold when its key is absent from the request? (AWS evaluation rules, §4) */
export function holdsWhenKeyAbsent(entry: ConditionEntry): boolean {
  if (entry.base.toLowerCase() === 'null') return entry.values.some((v) => v.toLowerCase() === 'true');
  return entry.negated || entry.ifExists || entry.qualifier === 'ForAllValues';
}

/** A condition that requires the key to be present and to match (it narrows who is admitted). */
export function isPositiveMatch(entry: ConditionEntry): boolean {
  return !holdsWhenKeyAbsent(entry) && entry.base.toLowerCase() !== 'null';
}

export const isAllow = (s: TrustStatement): boolean => s.effect === 'Allow';
