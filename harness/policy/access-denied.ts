/** AWS's AccessDenied message text (Secrets Manager form) for each denial reason. */
import type { DenialReason } from './types.js';

const ENDINGS: Record<DenialReason, (action: string) => string> = {
  'explicit-deny-identity': () => 'with an explicit deny in an identity-based policy',
  'explicit-deny-resource': () => 'with an explicit deny in a resource-based policy',
  'explicit-deny-boundary': () => 'with an explicit deny in a permissions boundary',
  'explicit-deny-session': () => 'with an explicit deny in a session policy',
  'no-identity-allow': (a) => `because no identity-based policy allows the ${a} action`,
  'no-resource-allow': (a) => `because no resource-based policy allows the ${a} action`,
  'no-boundary-allow': (a) => `because no permissions boundary allows the ${a} action`,
  'no-session-allow': (a) => `because no session policy allows the ${a} action`,
};

/** `User: <arn> is not authorized to perform: <action> on resource: <resource> because ...` */
export function accessDeniedMessage(principalArn: string, action: string, resource: string, denial: DenialReason): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${ENDINGS[denial](action)}`;
}
