/** Random web-identity trust policies and request contexts for the differential test. */
import type { ContextValue, PolicyJson } from '../../../harness/policy/index.js';
import type { Prng } from './prng.js';

export const PROVIDER_A = 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp';
export const PROVIDER_B = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const P = 'api.gitpod.io/idp';

type KeyType = 'string' | 'multi' | 'num' | 'date' | 'ip' | 'arn' | 'bool';
interface KeySpec {
  key: string;
  type: KeyType;
  policyValues: string[];
  requestValues: string[];
}

const SUBS = ['https://github.com/acme/app', 'https://github.com/acme-evil/app', 'https://github.com/acme/app/pull/1', 'repo:acme/app:ref:refs/heads/main', 'no-context'];
const KEYS: KeySpec[] = [
  { key: `${P}:aud`, type: 'string', policyValues: ['sts.amazonaws.com', 'other', 'sts.*'], requestValues: ['sts.amazonaws.com', 'other', 'STS.amazonaws.com'] },
  { key: `${P}:sub`, type: 'string', policyValues: [...SUBS, 'https://github.com/acme/*', 'https://github.com/acme*', '*/pull/*', 'repo:acme/?pp:*', '*', 'HTTPS://github.com/acme/app'], requestValues: SUBS },
  { key: `${P}:amr`, type: 'multi', policyValues: ['mfa', 'pwd', 'hw*', 'p?d', 'MFA'], requestValues: ['mfa', 'pwd', 'hwk', 'otp'] },
  { key: 'test:num', type: 'num', policyValues: ['1', '5', '10', '10.5', '-3'], requestValues: ['1', '5', '10', '10.5', '-3', '7'] },
  { key: 'test:date', type: 'date', policyValues: ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'], requestValues: ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-06-01T12:00:00Z'] },
  { key: 'test:ip', type: 'ip', policyValues: ['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32', '203.0.113.7'], requestValues: ['10.1.2.3', '192.168.1.9', '192.168.2.1', '2001:db8::5', '203.0.113.7'] },
  { key: 'test:arn', type: 'arn', policyValues: ['arn:aws:iam::123456789012:role/acme-*', 'arn:aws:iam::*:role/*', 'arn:aws:sts::123456789012:assumed-role/acme/*', 'arn:aws:iam::123456789012:role/acme-deploy'], requestValues: ['arn:aws:iam::123456789012:role/acme-deploy', 'arn:aws:iam::999999999999:role/x', 'arn:aws:sts::123456789012:assumed-role/acme/s1'] },
  { key: 'test:bool', type: 'bool', policyValues: ['true', 'false'], requestValues: ['true', 'false', 'TRUE'] },
];

const OPERATORS: Record<KeyType, string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  multi: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'],
  num: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  bool: ['Bool'],
};

function operatorName(rng: Prng, spec: KeySpec): string {
  if (rng.chance(0.08)) return 'Null';
  const base = rng.pick(OPERATORS[spec.type]);
  const set = rng.chance(spec.type === 'multi' ? 0.7 : 0.2) ? rng.pick(['ForAnyValue:', 'ForAllValues:']) : '';
  // ForAnyValue + IfExists on an absent key is a documented deviation (deviations.spec.ts): not generated here
  const ifExists = set !== 'ForAnyValue:' && rng.chance(0.2) ? 'IfExists' : '';
  return set + base + ifExists;
}

function condition(rng: Prng): Record<string, Record<string, string | string[]>> {
  const block: Record<string, Record<string, string | string[]>> = {};
  for (let i = rng.int(0, 3); i > 0; i--) {
    const spec = rng.pick(KEYS);
    const op = operatorName(rng, spec);
    const values = op === 'Null' ? [rng.pick(['true', 'false'])] : rng.some(spec.policyValues, 1, 3);
    const key = rng.chance(0.1) ? spec.key.toUpperCase() : spec.key; // key names are case-insensitive
    (block[op] ??= {})[key] = values.length === 1 && rng.chance(0.5) ? values[0]! : values;
  }
  return block;
}

export function randomTrustPolicy(rng: Prng): PolicyJson {
  const statements = Array.from({ length: rng.int(1, 3) }, () => {
    const cond = condition(rng);
    return {
      Effect: rng.chance(0.75) ? 'Allow' : 'Deny',
      Principal: rng.pick<unknown>([{ Federated: PROVIDER_A }, { Federated: PROVIDER_A }, { Federated: PROVIDER_B }, '*', { Federated: [PROVIDER_B, PROVIDER_A] }]),
      Action: rng.pick<unknown>(['sts:AssumeRoleWithWebIdentity', 'STS:assumerolewithwebidentity', 'sts:Assume*', 'sts:AssumeRole', 'sts:*', ['sts:TagSession', 'sts:AssumeRoleWithWebIdentity']]),
      ...(Object.keys(cond).length > 0 && { Condition: cond }),
    };
  });
  return { Version: '2012-10-17', Statement: statements };
}

export function randomContext(rng: Prng): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  for (const spec of KEYS) {
    if (!rng.chance(0.65)) continue;
    const multi = spec.type === 'multi' || rng.chance(0.06);
    ctx[spec.key] = multi ? rng.some(spec.requestValues, spec.type === 'multi' ? 0 : 1, 3) : rng.pick(spec.requestValues);
  }
  return ctx;
}

export function randomProvider(rng: Prng): string {
  return rng.chance(0.9) ? PROVIDER_A : PROVIDER_B;
}

/**
 * Documented deviation (deviations.spec.ts): NotIpAddress holding a bare address (no /prefix) seen with a
 * request address of the other IP family.
 */
export function hasCrossFamilyNotIp(policy: PolicyJson, context: Record<string, ContextValue>): boolean {
  const v4 = (s: string) => !s.includes(':');
  for (const st of policy['Statement'] as { Condition?: Record<string, Record<string, string | string[]>> }[]) {
    for (const [op, keys] of Object.entries(st.Condition ?? {})) {
      if (!/NotIpAddress/i.test(op)) continue;
      for (const [key, values] of Object.entries(keys)) {
        const actual = context[Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];
        const ranges = Array.isArray(values) ? values : [values];
        const requests = actual === undefined ? [] : typeof actual === 'string' ? [actual] : actual;
        const bare = ranges.filter((g) => !g.includes('/'));
        if (requests.some((r) => bare.some((g) => v4(g) !== v4(r)))) return true;
      }
    }
  }
  return false;
}
