/** Step 7 (§2.7): a token naming the roles it may assume must name the requested one. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';

export const ROLES_CLAIM = 'https://aws.amazon.com/roles';

export function checkRolesClaim(claims: Record<string, unknown>, roleArn: string): void {
  const value = claims[ROLES_CLAIM];
  if (value === undefined) return;
  const roles = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (!roles.includes(roleArn)) {
    throw new StsRefusal('InvalidIdentityToken', MSG.rolesClaim, [
      `The token's ${ROLES_CLAIM} claim lists ${JSON.stringify(roles)}, which does not contain ${roleArn}.`,
    ]);
  }
}
