/** @cloud-copilot/iam-simulate as a dev-only second opinion (it drops context keys it does not list for an action; the differential tests use its runUnsafeSimulation). */
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { ContextValue, Decision, PolicyJson } from '../../../harness/policy/index.js';
import { ACCOUNT, GET, SECRET, SESSION, type ReadSetup } from './read-generator.js';

const TO_DECISION: Record<string, Decision> = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' };

/** The oracle's trust decision, or `refused` when it does not accept the policy. */
export function oracleTrust(policy: PolicyJson, provider: string, context: Record<string, ContextValue>, roleArn: string): Decision | 'refused' {
  let resourcePolicy;
  try {
    resourcePolicy = createValidatedPolicy(policy, validateTrustPolicy, { name: 'TrustPolicy' });
  } catch {
    return 'refused';
  }
  const result = runUnsafeSimulation(
    {
      request: {
        principal: provider,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: roleArn, accountId: ACCOUNT },
        contextVariables: context as Record<string, string | string[]>,
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy,
    },
    {},
  );
  return TO_DECISION[result] ?? 'refused';
}

export async function oracleRead(setup: ReadSetup): Promise<Decision | 'refused'> {
  const result = await runSimulation(
    {
      request: { principal: SESSION, action: GET, resource: { resource: SECRET, accountId: ACCOUNT }, contextVariables: {} },
      identityPolicies: setup.identity.map((policy, i) => ({ name: `identity-${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(setup.resource && { resourcePolicy: setup.resource }),
      ...(setup.boundary && { permissionBoundaryPolicies: [{ name: 'boundary', policy: setup.boundary }] }),
      ...(setup.session && { sessionPolicy: setup.session }),
    },
    {},
  );
  if (result.resultType === 'error') return 'refused';
  return TO_DECISION[result.overallResult] ?? 'refused';
}
