/** The golden corpus: each case cites the reference text it checks. */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { authorize, evaluatePolicy, oidcContextKeys } from '../../harness/policy/index.js';
import { readCases, ROLE, SECRET, SESSION, ACCOUNT } from './golden/read-cases.js';
import { providerArn, trustCases } from './golden/trust-cases.js';

/** the AWS behaviour reference the gate was written from, kept in this repository (with its public sources) */
const REF_DIR = new URL('../../docs/', import.meta.url);
const normalise = (s: string) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ');

test('the corpus holds at least 60 cases, each with a well-formed reference', () => {
  const all = [...trustCases, ...readCases];
  expect(all.length).toBeGreaterThanOrEqual(60);
  for (const c of all) expect(c.ref, c.name).toMatch(/^[\w.-]+\.md §\S+ ".+"$/);
  expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
});

test('every cited quote occurs in its reference file', () => {
  for (const c of [...trustCases, ...readCases]) {
    const [, file, quote] = /^(\S+) §\S+ "(.+)"$/.exec(c.ref)!;
    const text = normalise(readFileSync(new URL(file!, REF_DIR), 'utf8'));
    expect(text.includes(normalise(quote!)), `${c.name}: ${c.ref}`).toBe(true);
  }
});

test.describe('trust', () => {
  for (const c of trustCases) {
    test(c.name, () => {
      const ev = evaluatePolicy(c.policy, {
        principal: { kind: 'federated', provider: c.principal ?? providerArn(c.issuer) },
        action: c.action ?? 'sts:AssumeRoleWithWebIdentity',
        resource: `arn:aws:iam::${ACCOUNT}:role/acme`,
        context: oidcContextKeys(c.issuer, c.claims),
      });
      expect(ev.decision, ev.explanation.join('\n')).toBe(c.expect);
    });
  }
});

test.describe('reads', () => {
  for (const c of readCases) {
    test(c.name, () => {
      const r = authorize({
        request: {
          principal: { kind: 'aws', arns: [SESSION, ROLE, `arn:aws:iam::${ACCOUNT}:root`], accountId: ACCOUNT },
          action: 'secretsmanager:GetSecretValue',
          resource: c.secret ?? SECRET,
          context: {},
        },
        identityPolicies: c.identity ?? [],
        ...(c.resource && { resourcePolicy: c.resource }),
        ...(c.boundary && { permissionsBoundary: c.boundary }),
        ...(c.session && { sessionPolicies: c.session }),
        session: { sessionArn: SESSION, roleArn: ROLE },
      });
      expect(r.denial ?? r.decision, r.explanation.join('\n')).toBe(c.expect);
    });
  }
});
