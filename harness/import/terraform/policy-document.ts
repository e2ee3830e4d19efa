/**
 * `data "aws_iam_policy_document"` rendered as the AWS provider renders its `json` attribute: Version,
 * then per statement Sid (when set), Effect, Action, NotAction, Resource, NotResource, Principal,
 * NotPrincipal, Condition; a list of one becomes a string, longer lists are sorted in reverse
 * (the provider's policyDecodeConfigStringList). A statement holding an unresolved value is left out and
 * reported, so the rest of a permission policy can still be tested.
 */
import { Unresolved, firstUnresolved } from '../unresolved.js';

type Block = Record<string, unknown>;

export interface RenderedDocument {
  /** undefined when nothing could be rendered (e.g. the whole block list is unresolved) */
  document?: Record<string, unknown>;
  /** one sentence per statement left out */
  omitted: string[];
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const blocks = (v: unknown): Block[] => list(v).filter((b): b is Block => !!b && typeof b === 'object' && !Array.isArray(b));

function stringList(values: unknown): string | string[] {
  const all = list(values).map((v) => (typeof v === 'boolean' || typeof v === 'number' ? String(v) : (v as string)));
  if (all.length === 1) return all[0]!;
  return [...all].sort().reverse();
}

function principals(items: Block[]): unknown {
  const byType = new Map<string, unknown[]>();
  for (const p of items) {
    const type = String(p['type']);
    byType.set(type, [...(byType.get(type) ?? []), ...list(p['identifiers'])]);
  }
  if (byType.size === 1 && byType.has('*')) return '*';
  return Object.fromEntries([...byType].map(([type, ids]) => [type, stringList(ids)]));
}

function conditions(items: Block[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of items) {
    const test = String(c['test']);
    const variable = String(c['variable']);
    const previous = out[test]?.[variable];
    const values = [...list(previous), ...list(c['values'])];
    (out[test] ??= {})[variable] = stringList(values);
  }
  return out;
}

function statement(s: Block): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof s['sid'] === 'string' && s['sid'] !== '') out['Sid'] = s['sid'];
  out['Effect'] = typeof s['effect'] === 'string' ? s['effect'] : 'Allow';
  const lists: [string, string][] = [
    ['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource'],
  ];
  for (const [from, to] of lists) if (list(s[from]).length > 0) out[to] = stringList(s[from]);
  if (blocks(s['principals']).length > 0) out['Principal'] = principals(blocks(s['principals']));
  if (blocks(s['not_principals']).length > 0) out['NotPrincipal'] = principals(blocks(s['not_principals']));
  if (blocks(s['condition']).length > 0) out['Condition'] = conditions(blocks(s['condition']));
  return out;
}

/** The data source's block (attributes already evaluated) -> its `json`. */
export function renderPolicyDocument(block: Block, address: string): RenderedDocument {
  const omitted: string[] = [];
  if (block['dynamic'] !== undefined && block['dynamic'] !== null) omitted.push(`${address}: a \`dynamic\` block`);
  for (const key of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
    if (block[key] !== undefined && block[key] !== null && !(Array.isArray(block[key]) && (block[key] as unknown[]).length === 0)) omitted.push(`${address}: ${key} (merging documents is not rendered)`);
  }
  const raw = block['statement'];
  if (raw instanceof Unresolved) return { omitted: [...omitted, `${address}: ${raw.reason}`] };
  const statements: Record<string, unknown>[] = [];
  blocks(raw).forEach((s, i) => {
    const bad = firstUnresolved(s);
    if (bad) omitted.push(`${address}.statement[${i}]${typeof s['sid'] === 'string' ? ` (sid ${s['sid']})` : ''}: ${bad.reason}`);
    else statements.push(statement(s));
  });
  const version = typeof block['version'] === 'string' ? block['version'] : '2012-10-17';
  const document: Record<string, unknown> = { Version: version };
  if (typeof block['policy_id'] === 'string') document['Id'] = block['policy_id'];
  document['Statement'] = statements;
  return { document, omitted };
}
