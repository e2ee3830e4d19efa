/**
 * `import --check FILE`: does a committed scenario still hold the policies the sources define? Names the
 * role and the first differing path (`role deploy: trustPolicy.Statement[0].Condition.StringLike[...][1]`).
 * A string and a list holding only that string are the same to IAM, so they compare equal.
 */
import type { Scenario } from '../scenario/model.js';
import { formatPath } from '../scenario/problems.js';
import type { AssembledRole, ImportedAccount } from './model.js';

export interface Drift {
  role: string;
  /** path inside the role, e.g. `trustPolicy.Statement[0].Condition...`; '' for the whole role */
  path: string;
  message: string;
}

type Segment = string | number;

/** IAM's default MaxSessionDuration: a role that does not set it has this one. */
const DEFAULT_MAX_SESSION = 3600;

function firstDifference(a: unknown, b: unknown, at: Segment[] = []): Segment[] | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [a];
    const y = Array.isArray(b) ? b : [b];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = firstDifference(x[i], y[i], [...at, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...at, k]);
      if (d) return d;
    }
    return undefined;
  }
  return a === b || (a !== undefined && b !== undefined && String(a) === String(b) && typeof a !== 'object') ? undefined : at;
}

const valueAt = (v: unknown, path: Segment[]): unknown =>
  path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (Array.isArray(x) && typeof k === 'string' ? undefined : (x as Record<string, unknown>)[k]) : typeof k === 'number' && k === 0 ? x : undefined), v);

function roleShape(r: { trustPolicy: unknown; policies: unknown[]; managedPolicies: { name: string; document: unknown }[]; permissionsBoundary?: unknown; maxSessionDuration?: number }) {
  return {
    trustPolicy: r.trustPolicy,
    policies: r.policies,
    managedPolicies: r.managedPolicies.map((m) => ({ name: m.name, document: m.document })),
    permissionsBoundary: r.permissionsBoundary,
    maxSessionDuration: r.maxSessionDuration ?? DEFAULT_MAX_SESSION,
  };
}

function importedShape(r: AssembledRole) {
  return roleShape({
    trustPolicy: r.trustPolicy,
    policies: r.policies.map((p) => p.document),
    managedPolicies: r.managedPolicies,
    permissionsBoundary: r.permissionsBoundary?.document,
    maxSessionDuration: r.maxSessionDuration,
  });
}

export function findDrift(scenario: Scenario, accounts: readonly ImportedAccount[]): Drift[] {
  const drifts: Drift[] = [];
  const imported = accounts.flatMap((a) => a.roles);
  for (const role of imported) {
    const committed = scenario.aws.roles.find((r) => r.name === role.name);
    if (!committed) {
      drifts.push({ role: role.name, path: '', message: 'defined in the sources but not in the scenario' });
      continue;
    }
    const expected = importedShape(role);
    const actual = roleShape(committed);
    const diff = firstDifference(expected, actual);
    if (diff) {
      const path = formatPath(diff);
      drifts.push({ role: role.name, path, message: `sources have ${JSON.stringify(valueAt(expected, diff)) ?? 'nothing'}, the scenario has ${JSON.stringify(valueAt(actual, diff)) ?? 'nothing'}` });
    }
  }
  for (const r of scenario.aws.roles) {
    if (!imported.some((i) => i.name === r.name)) drifts.push({ role: r.name, path: '', message: 'in the scenario but not in the sources' });
  }
  return drifts;
}

export const formatDrift = (d: Drift): string => `role ${d.role}: ${d.path ? `${d.path}: ` : ''}${d.message}`;
