/** Step 2a: the token must be a compact JWS whose header and claims are JSON objects. */
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';

export interface DecodedToken {
  header: ProtectedHeaderParameters;
  claims: JWTPayload & Record<string, unknown>;
}

export function decodeToken(token: string): DecodedToken {
  try {
    if (token.split('.').length !== 3) throw new Error('not three segments');
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) as DecodedToken['claims'] };
  } catch (e) {
    throw new StsRefusal('InvalidIdentityToken', MSG.malformedToken, [
      `The token is not a decodable JWT (${e instanceof Error ? e.message : String(e)}).`,
    ]);
  }
}
