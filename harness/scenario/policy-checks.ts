/**
 * Every policy of a scenario through the evaluator's validator, before anything starts: a document AWS would
 * refuse with MalformedPolicyDocument is unusable input (exit 2), not a run that fails against the backend.
 * Only errors count; warnings (e.g. a value that can never match) are lint's to report.
 */
import { validatePolicy } from '../policy/validate.js';
import type { PolicyJson, PolicyKind } from '../policy/types.js';
import type { Scenario } from './model.js';
import type { ScenarioProblem } from './problems.js';

interface Located {
  doc: PolicyJson;
  kind: PolicyKind;
  /** where the policy sits in the scenario file, e.g. `aws.roles[0].trustPolicy` */
  at: string;
}

function policiesOf(scenario: Scenario): Located[] {
  const out: Located[] = [];
  scenario.aws.roles.forEach((r, i) => {
    const at = `aws.roles[${i}]`;
    out.push({ doc: r.trustPolicy, kind: 'trust', at: `${at}.trustPolicy` });
    r.policies.forEach((doc, j) => out.push({ doc, kind: 'identity', at: `${at}.policies[${j}]` }));
    r.managedPolicies.forEach((m, j) => out.push({ doc: m.document, kind: 'identity', at: `${at}.managedPolicies[${j}].document` }));
    if (r.permissionsBoundary) out.push({ doc: r.permissionsBoundary, kind: 'boundary', at: `${at}.permissionsBoundary` });
  });
  scenario.aws.secrets.forEach((s, i) => {
    if (s.resourcePolicy) out.push({ doc: s.resourcePolicy, kind: 'resource', at: `aws.secrets[${i}].resourcePolicy` });
  });
  for (const c of scenario.cases) {
    // a case may test that STS refuses a malformed session policy: that policy is the point, not a mistake
    if (c.assume.policy && c.expect.assume !== 'MalformedPolicyDocument') {
      out.push({ doc: c.assume.policy, kind: 'session', at: `${c.path}.assume.policy` });
    }
  }
  return out;
}

/** `aws.roles[0].trustPolicy` + `Statement[0].Condition.StringEqual` -> `aws.roles[0].trustPolicy.Statement[0]...` */
function join(at: string, inner: string): string {
  if (inner === '$' || inner === '') return at;
  return inner.startsWith('[') ? `${at}${inner}` : `${at}.${inner}`;
}

export function checkScenarioPolicies(scenario: Scenario): ScenarioProblem[] {
  return policiesOf(scenario).flatMap(({ doc, kind, at }) =>
    validatePolicy(doc, kind)
      .filter((f) => f.severity === 'error')
      .map((f) => ({ path: join(at, f.path), message: `${f.message} (${kind} policy: AWS refuses it as MalformedPolicyDocument)` })),
  );
}
