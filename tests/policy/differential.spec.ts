/**
 * Differential test against @cloud-copilot/iam-simulate: seeded random trust policies + contexts, and random
 * same-account read setups. `DIFF_CASES=100000` for a larger run, `DIFF_SEED` to reproduce one.
 * Disagreements must be zero, except the documented deviations (deviations.spec.ts), counted apart.
 */
import { test, expect } from '@playwright/test';
import { authorize, evaluatePolicy, type Decision, type PolicyJson } from '../../harness/policy/index.js';
import { oracleRead, oracleTrust } from './differential/oracle.js';
import { Prng } from './differential/prng.js';
import { ACCOUNT, GET, ROLE, SECRET, SESSION, randomReadSetup, type ReadSetup } from './differential/read-generator.js';
import { hasCrossFamilyNotIp, randomContext, randomProvider, randomTrustPolicy } from './differential/trust-generator.js';

const CASES = Number(process.env['DIFF_CASES'] ?? 10_000);
const SEED = Number(process.env['DIFF_SEED'] ?? 20260101);
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/acme-deploy`;

test.describe.configure({ timeout: Math.max(60_000, CASES * 20) });

test(`trust policies: ${CASES} random cases agree with iam-simulate`, () => {
  const rng = new Prng(SEED);
  const disagreements: unknown[] = [];
  let refused = 0;
  let deviations = 0;
  const tally: Record<Decision, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (let i = 0; i < CASES; i++) {
    const policy = randomTrustPolicy(rng);
    const context = randomContext(rng);
    const provider = randomProvider(rng);
    const theirs = oracleTrust(policy, provider, context, ROLE_ARN);
    if (theirs === 'refused') {
      refused++;
      continue;
    }
    const ours = evaluatePolicy(policy, { principal: { kind: 'federated', provider }, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE_ARN, context });
    tally[ours.decision]++;
    if (ours.decision === theirs) continue;
    if (hasCrossFamilyNotIp(policy, context)) deviations++;
    else if (disagreements.length < 5) disagreements.push({ i, policy, context, provider, ours: ours.decision, theirs, why: ours.explanation });
    else disagreements.push(i);
  }
  test.info().annotations.push({ type: 'differential', description: JSON.stringify({ cases: CASES, seed: SEED, refused, tally, deviations, disagreements: disagreements.length }) });
  expect(disagreements, JSON.stringify(disagreements.slice(0, 3), null, 1)).toEqual([]);
  // the generator must exercise every outcome, or the comparison proves little
  expect(Math.min(tally.Allow, tally.ExplicitDeny, tally.ImplicitDeny)).toBeGreaterThan(CASES / 50);
  expect(refused).toBeLessThan(CASES / 100);
});

/** A resource policy naming the session ARN is not capped by a session policy (AWS); iam-simulate caps it. */
function isSessionArnDeviation(setup: ReadSetup): boolean {
  if (!setup.session || !setup.resource) return false;
  const ev = evaluatePolicy(setup.resource, request());
  return ev.statements.some((s) => s.applies && s.effect === 'Allow' && (s.principalMatchedBy === SESSION || s.principalMatchedBy === '*'));
}

function request() {
  return { principal: { kind: 'aws' as const, arns: [SESSION, ROLE, `arn:aws:iam::${ACCOUNT}:root`], accountId: ACCOUNT }, action: GET, resource: SECRET, context: {} };
}

function ourRead(setup: ReadSetup): Decision {
  const r = authorize({
    request: request(),
    identityPolicies: setup.identity,
    ...(setup.resource && { resourcePolicy: setup.resource as PolicyJson }),
    ...(setup.boundary && { permissionsBoundary: setup.boundary }),
    ...(setup.session && { sessionPolicies: [setup.session] }),
    session: { sessionArn: SESSION, roleArn: ROLE },
  });
  if (r.decision === 'Allow') return 'Allow';
  return r.denial?.startsWith('explicit') ? 'ExplicitDeny' : 'ImplicitDeny';
}

test(`reads: ${Math.ceil(CASES / 10)} random same-account setups agree with iam-simulate`, async () => {
  const rng = new Prng(SEED + 1);
  const disagreements: unknown[] = [];
  let deviations = 0;
  let refused = 0;
  const tally: Record<Decision, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (let i = 0; i < Math.ceil(CASES / 10); i++) {
    const setup = randomReadSetup(rng);
    const theirs = await oracleRead(setup);
    if (theirs === 'refused') {
      refused++;
      continue;
    }
    const ours = ourRead(setup);
    tally[ours]++;
    if (ours === theirs) continue;
    if (ours === 'Allow' && theirs === 'ImplicitDeny' && isSessionArnDeviation(setup)) deviations++;
    else disagreements.push({ i, setup, ours, theirs });
  }
  test.info().annotations.push({ type: 'differential', description: JSON.stringify({ cases: Math.ceil(CASES / 10), refused, tally, deviations, disagreements: disagreements.length }) });
  expect(disagreements.slice(0, 3)).toEqual([]);
  expect(Math.min(tally.Allow, tally.ExplicitDeny, tally.ImplicitDeny)).toBeGreaterThan(CASES / 10 / 50);
  expect(refused).toBeLessThan(CASES / 10 / 100);
});
