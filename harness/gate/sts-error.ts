/** AWS Query-protocol errors as STS and IAM send them. */
import { XMLBuilder } from 'fast-xml-parser';
import type { PolicyEvaluation } from '../policy/types.js';
import type { GateAssumptions } from './types.js';

export type StsErrorCode =
  | 'ValidationError'
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'IDPCommunicationError'
  | 'PackedPolicyTooLarge'
  | 'MalformedPolicyDocument'
  | 'AccessDenied'
  | 'IDPRejectedClaim';

const FORBIDDEN: ReadonlySet<StsErrorCode> = new Set(['AccessDenied', 'IDPRejectedClaim']);

export const httpStatusOf = (code: StsErrorCode): number => (FORBIDDEN.has(code) ? 403 : 400);

/** A check's refusal: the code and message the client sees, and words for the decision's explanation. */
export class StsRefusal extends Error {
  override readonly name = 'StsRefusal';
  constructor(
    readonly code: StsErrorCode,
    readonly awsMessage: string,
    readonly why: string[],
    readonly assumptionsUsed: (keyof GateAssumptions)[] = [],
    /** the trust-policy evaluation, when the refusal came from it */
    readonly trust?: PolicyEvaluation,
  ) {
    super(awsMessage);
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

export type Namespace = 'sts' | 'iam';
const NAMESPACES: Record<Namespace, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
};

export function errorXml(code: string, message: string, requestId: string, ns: Namespace = 'sts'): string {
  return builder.build({
    ErrorResponse: {
      '@_xmlns': NAMESPACES[ns],
      Error: { Type: 'Sender', Code: code, Message: message },
      RequestId: requestId,
    },
  }) as string;
}
