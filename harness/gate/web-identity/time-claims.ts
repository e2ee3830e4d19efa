/** Step 6 (§2.6): exp (with skew), and the assumed treatment of nbf and iat. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions } from '../types.js';

type Assumptions = Pick<GateAssumptions, 'clockSkewSeconds' | 'enforceNbf' | 'rejectFutureIat'>;

function integerClaim(claims: Record<string, unknown>, name: string): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new StsRefusal('InvalidIdentityToken', MSG.nonIntegerTime(name), [
      `The token's ${name} is ${JSON.stringify(value)}, not an integer number of seconds.`,
    ]);
  }
  return value;
}

/** Returns the assumptions the check relied on. */
export function checkTimeClaims(claims: Record<string, unknown>, now: Date, assumptions: Assumptions): (keyof GateAssumptions)[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const skew = assumptions.clockSkewSeconds;
  const exp = integerClaim(claims, 'exp');
  const nbf = integerClaim(claims, 'nbf');
  const iat = integerClaim(claims, 'iat');
  if (exp === undefined) {
    throw new StsRefusal('InvalidIdentityToken', MSG.missingExp, ['The token has no exp claim.']);
  }
  if (nowSeconds > exp + skew) {
    throw new StsRefusal('ExpiredTokenException', MSG.expired(nowSeconds, exp), [
      `The token expired at ${exp} (unix seconds); now is ${nowSeconds}, beyond the ${skew} s clock-skew allowance.`,
    ]);
  }
  const used: (keyof GateAssumptions)[] = [];
  if (nbf !== undefined && nbf > nowSeconds + skew) {
    used.push('enforceNbf');
    if (assumptions.enforceNbf) {
      throw new StsRefusal('InvalidIdentityToken', MSG.notYetValid, [
        `The token's nbf ${nbf} is after now (${nowSeconds}) plus ${skew} s (assumption enforceNbf).`,
      ], used);
    }
  }
  if (iat !== undefined && iat > nowSeconds + skew) {
    used.push('rejectFutureIat');
    if (assumptions.rejectFutureIat) {
      throw new StsRefusal('InvalidIdentityToken', MSG.issuedInFuture, [
        `The token's iat ${iat} is after now (${nowSeconds}) plus ${skew} s (assumption rejectFutureIat).`,
      ], used);
    }
  }
  return used;
}
