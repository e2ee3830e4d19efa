/**
 * Normalises a policy document once: statements as an array, values as string arrays, patterns as
 * matcher functions. Compiled policies are cached per JSON object, so callers may pass JSON each time.
 */
import { asStringList, compileActions, compileResources, type ListMatcher } from './action-resource.js';
import { compileCondition, type CompiledCondition } from './conditions/condition.js';
import { statementLabel } from './explain.js';
import { compilePrincipal, type CompiledPrincipal } from './principal.js';
import type { PolicyJson } from './types.js';

export interface CompiledStatement {
  index: number;
  path: string;
  sid?: string;
  /** `Statement[0] (Sid "X")`, for explanations */
  label: string;
  effect: 'Allow' | 'Deny';
  /** undefined: no Principal element (identity-type policy) */
  principal?: { negated: boolean; compiled: CompiledPrincipal };
  action?: { negated: boolean; match: ListMatcher; text: string };
  resource?: { negated: boolean; match: ListMatcher; text: string };
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  readonly kind: 'compiled';
  readonly source: PolicyJson;
  readonly statements: readonly CompiledStatement[];
}

const cache = new WeakMap<object, CompiledPolicy>();

function conditionValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null && v !== undefined && typeof v !== 'object').map((v) => String(v));
}

function compileConditions(block: unknown, path: string, variables: boolean): CompiledCondition[] {
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return [];
  const out: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) continue;
    for (const [key, value] of Object.entries(keys as Record<string, unknown>)) {
      const keyPath = `${path}.Condition.${operator}[${JSON.stringify(key)}]`;
      out.push(compileCondition(operator, key, conditionValues(value), keyPath, variables));
    }
  }
  return out;
}

function listElement(s: Record<string, unknown>, name: string, notName: string) {
  const negated = s[name] === undefined && s[notName] !== undefined;
  const raw = negated ? s[notName] : s[name];
  return raw === undefined ? undefined : { negated, list: asStringList(raw), text: JSON.stringify(raw) };
}

function compileStatement(raw: unknown, index: number, path: string, variables: boolean): CompiledStatement | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const s = raw as Record<string, unknown>;
  const principalRaw = s['Principal'] !== undefined ? s['Principal'] : s['NotPrincipal'];
  const action = listElement(s, 'Action', 'NotAction');
  const resource = listElement(s, 'Resource', 'NotResource');
  const sid = typeof s['Sid'] === 'string' && s['Sid'] !== '' ? s['Sid'] : undefined;
  return {
    index,
    path,
    sid,
    label: statementLabel(path, sid),
    // anything but an exact "Allow" cannot grant; validatePolicy reports it
    effect: s['Effect'] === 'Allow' ? 'Allow' : 'Deny',
    principal: principalRaw === undefined ? undefined : { negated: s['Principal'] === undefined, compiled: compilePrincipal(principalRaw) },
    action: action && { negated: action.negated, match: compileActions(action.list), text: action.text },
    resource: resource && { negated: resource.negated, match: compileResources(resource.list, variables), text: resource.text },
    conditions: compileConditions(s['Condition'], path, variables),
  };
}

export function compilePolicy(doc: PolicyJson): CompiledPolicy {
  const cached = cache.get(doc);
  if (cached) return cached;
  // policy variables exist only in Version 2012-10-17; in 2008-10-17 `${...}` is literal text
  const variables = doc['Version'] === '2012-10-17';
  const raw = doc['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const single = !Array.isArray(raw);
  const statements: CompiledStatement[] = [];
  list.forEach((s, i) => {
    const compiled = compileStatement(s, i, single ? 'Statement' : `Statement[${i}]`, variables);
    if (compiled) statements.push(compiled);
  });
  const policy: CompiledPolicy = { kind: 'compiled', source: doc, statements };
  cache.set(doc, policy);
  return policy;
}

export function isCompiledPolicy(p: unknown): p is CompiledPolicy {
  return p !== null && typeof p === 'object' && (p as { kind?: unknown }).kind === 'compiled' && 'statements' in p;
}
