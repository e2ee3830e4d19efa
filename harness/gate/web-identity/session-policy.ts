/** Step 1, continued: the session policy must be a valid policy, and fit the packed-size allotment. */
import { MSG } from '../messages.js';
import { policyErrors } from '../policy-port.js';
import { StsRefusal } from '../sts-error.js';
import type { SessionTags } from './session-tags.js';

export const PACKED_ALLOTMENT = 2048;

export function parseSessionPolicy(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    throw new StsRefusal('MalformedPolicyDocument', MSG.sessionPolicyNotJson, ['The session policy (Policy) is not JSON.']);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new StsRefusal('MalformedPolicyDocument', MSG.sessionPolicyNotJson, ['The session policy (Policy) is not a JSON object.']);
  }
  const errors = policyErrors(doc as Record<string, unknown>, 'session');
  const first = errors[0];
  if (first) {
    throw new StsRefusal('MalformedPolicyDocument', first.awsMessage ?? MSG.syntaxErrors, [
      `The session policy is invalid at ${first.path || 'its root'}: ${first.message}.`,
    ]);
  }
  return doc as Record<string, unknown>;
}

/**
 * [chosen] AWS compresses session policies, ARNs and tags with an undisclosed packing; the gate counts the
 * minified policy, each policy ARN and each tag key and value, as a percentage of 2048 characters.
 */
export function packedPercent(policy: Record<string, unknown> | undefined, policyArns: readonly string[], tags?: SessionTags): number {
  const tagChars = tags ? Object.entries(tags.tags).reduce((n, [k, v]) => n + k.length + v.length, 0) : 0;
  const chars = (policy ? JSON.stringify(policy).length : 0) + policyArns.reduce((n, a) => n + a.length, 0) + tagChars;
  return Math.ceil((chars * 100) / PACKED_ALLOTMENT);
}

export function checkPackedSize(percent: number): void {
  if (percent > 100) {
    throw new StsRefusal('PackedPolicyTooLarge', MSG.packedTooLarge(percent), [
      `The session policy, policy ARNs and session tags take ${percent}% of the packed allotment (${PACKED_ALLOTMENT} characters, gate's approximation).`,
    ]);
  }
}
