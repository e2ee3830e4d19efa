/** AssumeRoleWithWebIdentity's checks, in the order STS applies them (reference §2). */
import type { PolicyEvaluation } from '../../policy/types.js';
import type { Clock } from '../../clock.js';
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { AccountView, GateAssumptions, OidcProviderView, RoleView } from '../types.js';
import { checkAudience } from './audience.js';
import { checkClaimTypes } from './claim-types.js';
import { decodeToken } from './decode-token.js';
import type { KeyStore } from './key-store.js';
import { matchProvider } from './match-provider.js';
import { checkRequestParams, type AssumeParams } from './request-params.js';
import { checkRolesClaim } from './roles-claim.js';
import { checkPackedSize, packedPercent, parseSessionPolicy } from './session-policy.js';
import { readSessionTags, type SessionTags } from './session-tags.js';
import { verifySignature } from './signature.js';
import { checkTimeClaims } from './time-claims.js';
import { checkTrust } from './trust.js';

export interface CheckDeps {
  account: AccountView;
  keyStore: KeyStore;
  clock: Clock;
  assumptions: GateAssumptions;
}

export interface AdmittedAssume {
  params: AssumeParams;
  role: RoleView;
  provider: OidcProviderView;
  claims: Record<string, unknown>;
  audience: string;
  sessionPolicy?: Record<string, unknown>;
  tags?: SessionTags;
  packedPercent: number;
  trust: PolicyEvaluation;
  explanation: string[];
  assumptionsUsed: (keyof GateAssumptions)[];
}

const accountOf = (roleArn: string): string => roleArn.split(':')[4] ?? '';

/** Resolves with what the checks established, or rejects with the first StsRefusal. */
export async function checkAssumeRequest(form: URLSearchParams, deps: CheckDeps): Promise<AdmittedAssume> {
  const { account, assumptions } = deps;
  const used = new Set<keyof GateAssumptions>();
  const tracking = async <T>(run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof StsRefusal) e.assumptionsUsed.push(...[...used].filter((a) => !e.assumptionsUsed.includes(a)));
      throw e;
    }
  };
  return tracking(async () => {
    const params = checkRequestParams(form);
    const role = await account.role(params.roleArn);
    if (role && params.durationGiven && params.durationSeconds > role.maxSessionDuration) {
      throw new StsRefusal('ValidationError', MSG.maxSessionDuration, [
        `DurationSeconds ${params.durationSeconds} is above the MaxSessionDuration ${role.maxSessionDuration} of ${role.arn}.`,
      ]);
    }
    const sessionPolicy = parseSessionPolicy(params.policy);
    checkPackedSize(packedPercent(sessionPolicy, params.policyArns));

    const { claims, ...decoded } = decodeToken(params.token, assumptions);
    checkClaimTypes(claims, assumptions).forEach((a) => used.add(a));
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    const provider = await matchProvider(claims.iss, accountOf(params.roleArn), account);
    const aud = checkAudience(claims, provider, assumptions);
    aud.assumptionsUsed.forEach((a) => used.add(a));
    (await verifySignature(params.token, { claims, ...decoded }, iss, deps.keyStore, assumptions)).forEach((a) => used.add(a));
    checkTimeClaims(claims, deps.clock.now(), assumptions).forEach((a) => used.add(a));
    checkRolesClaim(claims, params.roleArn);
    const tags = readSessionTags(claims);
    const percent = packedPercent(sessionPolicy, params.policyArns, tags);
    checkPackedSize(percent);

    if (!role) {
      used.add('missingRoleIsAccessDenied');
      throw new StsRefusal('AccessDenied', MSG.notAuthorized, [`The role ${params.roleArn} does not exist.`]);
    }
    const trust = checkTrust({
      role, provider, claims, roleSessionName: params.roleSessionName, audience: aud.audience, ...(tags ? { tags } : {}), assumptions,
    });
    return {
      params, role, provider, claims, audience: aud.audience, packedPercent: percent, trust,
      ...(sessionPolicy ? { sessionPolicy } : {}),
      ...(tags ? { tags } : {}),
      explanation: [
        `The token from ${iss} matches IAM OIDC provider ${provider.arn}, audience "${aud.audience}" is a client id, the signature verifies and the token is unexpired.`,
        `The trust policy of ${role.arn} allows sts:AssumeRoleWithWebIdentity.`,
        ...trust.explanation,
      ],
      assumptionsUsed: [...used],
    };
  });
}
