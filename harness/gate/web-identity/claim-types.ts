/** Claims whose type AWS documents as a string: anything else is refused rather than guessed at. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions } from '../types.js';

type Assumptions = Pick<GateAssumptions, 'refuseNonStringSub'>;

/** Returns the assumptions the check relied on. */
export function checkClaimTypes(claims: Record<string, unknown>, assumptions: Assumptions): (keyof GateAssumptions)[] {
  const sub = claims['sub'];
  if (sub === undefined || typeof sub === 'string') return [];
  if (!assumptions.refuseNonStringSub) return ['refuseNonStringSub'];
  throw new StsRefusal('InvalidIdentityToken', MSG.nonStringClaim('sub'), [
    `The token's sub is ${Array.isArray(sub) ? 'an array' : typeof sub === 'object' ? 'an object' : `a ${typeof sub}`}, not a string (assumption refuseNonStringSub).`,
  ], ['refuseNonStringSub']);
}
