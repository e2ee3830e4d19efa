/** Step 6 (§2.6): exp (with skew), and the assumed treatment of nbf, iat and unreal dates. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions } from '../types.js';

type Assumptions = Pick<
  GateAssumptions,
  'clockSkewSeconds' | 'enforceNbf' | 'rejectFutureIat' | 'refuseTimeClaimsBeyondYear9999' | 'maxTokenAgeSeconds'
>;

/** 9999-12-31T23:59:59Z: the last second any date format (and AWS's own timestamps) can name */
export const LAST_REAL_SECOND = 253402300799;

function integerClaim(claims: Record<string, unknown>, name: string, assumptions: Assumptions, used: Set<keyof GateAssumptions>): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new StsRefusal('InvalidIdentityToken', MSG.nonIntegerTime(name), [
      `The token's ${name} is ${JSON.stringify(value)}, not an integer number of seconds.`,
    ]);
  }
  if (!Number.isSafeInteger(value) || value > LAST_REAL_SECOND || value < 0) {
    used.add('refuseTimeClaimsBeyondYear9999');
    if (assumptions.refuseTimeClaimsBeyondYear9999) {
      throw new StsRefusal('InvalidIdentityToken', MSG.unrealTime(name), [
        `The token's ${name} ${value} is outside 1970-01-01..9999-12-31 or not a safe integer (assumption refuseTimeClaimsBeyondYear9999).`,
      ], [...used]);
    }
  }
  return value;
}

/** Returns the assumptions the check relied on. */
export function checkTimeClaims(claims: Record<string, unknown>, now: Date, assumptions: Assumptions): (keyof GateAssumptions)[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const skew = assumptions.clockSkewSeconds;
  const used = new Set<keyof GateAssumptions>();
  const exp = integerClaim(claims, 'exp', assumptions, used);
  const nbf = integerClaim(claims, 'nbf', assumptions, used);
  const iat = integerClaim(claims, 'iat', assumptions, used);
  if (exp === undefined) {
    throw new StsRefusal('InvalidIdentityToken', MSG.missingExp, ['The token has no exp claim.']);
  }
  if (nowSeconds > exp + skew) {
    throw new StsRefusal('ExpiredTokenException', MSG.expired(nowSeconds, exp), [
      `The token expired at ${exp} (unix seconds); now is ${nowSeconds}, beyond the ${skew} s clock-skew allowance.`,
    ]);
  }
  if (nbf !== undefined && nbf > nowSeconds + skew) {
    used.add('enforceNbf');
    if (assumptions.enforceNbf) {
      throw new StsRefusal('InvalidIdentityToken', MSG.notYetValid, [
        `The token's nbf ${nbf} is after now (${nowSeconds}) plus ${skew} s (assumption enforceNbf).`,
      ], [...used]);
    }
  }
  if (iat !== undefined && iat > nowSeconds + skew) {
    used.add('rejectFutureIat');
    if (assumptions.rejectFutureIat) {
      throw new StsRefusal('InvalidIdentityToken', MSG.issuedInFuture, [
        `The token's iat ${iat} is after now (${nowSeconds}) plus ${skew} s (assumption rejectFutureIat).`,
      ], [...used]);
    }
  }
  checkAge(iat, nowSeconds, assumptions, used);
  return [...used];
}

function checkAge(iat: number | undefined, nowSeconds: number, assumptions: Assumptions, used: Set<keyof GateAssumptions>): void {
  if (iat === undefined || assumptions.maxTokenAgeSeconds <= 0) return;
  const age = nowSeconds - iat;
  if (age <= assumptions.maxTokenAgeSeconds + assumptions.clockSkewSeconds) return;
  used.add('maxTokenAgeSeconds');
  throw new StsRefusal('ExpiredTokenException', MSG.tooOld(age), [
    `The token was issued ${age} s ago (iat ${iat}), more than ${assumptions.maxTokenAgeSeconds} s plus the ${assumptions.clockSkewSeconds} s skew (assumption maxTokenAgeSeconds).`,
  ], [...used]);
}
