/**
 * "Would this condition admit that value?" answered by the real evaluator, so lint and probes share the
 * gate's operator semantics instead of guessing with regexes.
 */
import { evaluatePolicy } from '../policy/index.js';
import type { ContextValue, PolicyJson } from '../policy/types.js';
import type { ConditionEntry } from './trust-statements.js';

const PROBE_PROVIDER = 'arn:aws:iam::000000000000:oidc-provider/lint.invalid';
const ACTION = 'sts:AssumeRoleWithWebIdentity';

function policyOf(entries: readonly ConditionEntry[]): PolicyJson {
  const condition: Record<string, Record<string, string[]>> = {};
  for (const e of entries) (condition[e.operator] ??= {})[e.key] = e.values;
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROBE_PROVIDER }, Action: ACTION, Condition: condition }],
  };
}

/** True when every entry holds for the request context (absent keys are simply left out of `context`). */
export function conditionsAdmit(
  entries: readonly ConditionEntry[],
  context: Readonly<Record<string, ContextValue>>,
): boolean {
  const evaluation = evaluatePolicy(policyOf(entries), {
    principal: { kind: 'federated', provider: PROBE_PROVIDER },
    action: ACTION,
    resource: '*',
    context,
  });
  return evaluation.decision === 'Allow';
}

/** Does one condition admit `value` for its key (undefined = key absent)? */
export function conditionAdmitsValue(entry: ConditionEntry, value: ContextValue | undefined): boolean {
  return conditionsAdmit([entry], value === undefined ? {} : { [entry.key]: value });
}
