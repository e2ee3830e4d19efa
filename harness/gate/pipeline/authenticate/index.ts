/**
 * Stage 2, authenticate: every call but AssumeRoleWithWebIdentity (unsigned by design) carries a valid SigV4
 * signature from a known credential (the administrator's or a session the gate issued), made for the service
 * called and within AWS's 15-minute window of the gate's clock.
 */
import { authRefusal } from '../../reads/auth-failure-response.js';
import { authenticate, type AuthenticationContext, type Caller } from '../../reads/authenticate.js';
import type { CanonicalCall, Refusal } from '../call.js';

export type Authenticated =
  | { kind: 'anonymous' }
  | Extract<Caller, { kind: 'admin' | 'session' }>;

/**
 * The region names of AWS's partitions (the `regionRegex` of each partition in the AWS SDK's endpoint data:
 * aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc). The gate serves every region on one endpoint, so any of them is
 * accepted; anything else (`US-EAST-1`, `aws-global`) is refused before the region reaches an emulator.
 */
const AWS_REGION = /^(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z]+-\d+|us-gov-[a-z]+-\d+|us-iso[bfe]?-[a-z]+-\d+|eu-isoe-[a-z]+-\d+|eusc-de-[a-z]+-\d+)$/;
export const isAwsRegionName = (region: string): boolean => AWS_REGION.test(region);

export const isUnsignedByDesign = (call: CanonicalCall): boolean =>
  call.service === 'sts' && call.operation === 'AssumeRoleWithWebIdentity';

export async function authenticateCall(call: CanonicalCall, ctx: AuthenticationContext): Promise<Authenticated | Refusal> {
  if (isUnsignedByDesign(call)) return { kind: 'anonymous' };
  const caller = await authenticate(call.raw, ctx, call.auth);
  const refuse = (failure: Parameters<typeof authRefusal>[0], message?: string): Refusal =>
    authRefusal(failure, call.protocol, call.service, call.operation, message);
  if (caller.kind === 'rejected') return refuse(caller.failure, caller.message);
  if (caller.scope.service !== call.service) {
    return refuse('wrong-service-scope', `Credential should be scoped to correct service: '${call.service}'. `);
  }
  if (!isAwsRegionName(caller.scope.region)) {
    return refuse('invalid-region-scope', `Credential should be scoped to a valid region, not '${caller.scope.region}'. `);
  }
  return caller;
}
