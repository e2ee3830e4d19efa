/** CreateRole / UpdateAssumeRolePolicy: the trust policy must be valid before the emulator stores it. */
import { MSG } from './messages.js';
import { policyErrors } from './policy-port.js';
import { errorXml } from './sts-error.js';
import type { GateVerdict } from './types.js';

const TRUST_PARAMETER: Readonly<Record<string, string>> = {
  CreateRole: 'AssumeRolePolicyDocument',
  UpdateAssumeRolePolicy: 'PolicyDocument',
};

/** [obs, IAM] AWS's reply to a policy that is not JSON */
const INVALID_JSON = 'This policy contains invalid Json';

/** undefined when the request may go on to the emulator. */
export function checkTrustPolicyWrite(action: string, params: ReadonlyMap<string, string>, requestId: string): GateVerdict | undefined {
  const parameter = TRUST_PARAMETER[action];
  const raw = parameter ? params.get(parameter) : undefined;
  if (raw === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return malformed(action, requestId, INVALID_JSON, [`The ${parameter} of ${action} is not JSON.`]);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return malformed(action, requestId, INVALID_JSON, [`The ${parameter} of ${action} is not a JSON object.`]);
  }
  const first = policyErrors(doc as Record<string, unknown>, 'trust')[0];
  if (!first) return undefined;
  return malformed(action, requestId, first.awsMessage ?? MSG.syntaxErrors, [
    `The trust policy in ${action} is invalid at ${first.path || 'its root'} (${first.code}): ${first.message}.`,
  ]);
}

function malformed(action: string, requestId: string, message: string, explanation: string[]): GateVerdict {
  return {
    kind: 'respond',
    status: 400,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: errorXml('MalformedPolicyDocument', message, requestId, 'iam'),
    decision: {
      requestId, operation: 'Other', outcome: 'MalformedPolicyDocument', message, httpStatus: 400,
      explanation: [`${action} refused by the gate.`, ...explanation], assumptionsUsed: [],
    },
  };
}
