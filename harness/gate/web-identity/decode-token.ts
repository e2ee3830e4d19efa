/** Step 2a: the token must be a compact JWS whose header and claims are JSON objects. */
import { base64url, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions } from '../types.js';
import { parseStrictJson, StrictJsonError } from '../pipeline/decode/strict-json.js';

export interface DecodedToken {
  header: ProtectedHeaderParameters;
  claims: JWTPayload & Record<string, unknown>;
}

type Assumptions = Pick<GateAssumptions, 'refuseDuplicateTokenKeys'>;

export function decodeToken(token: string, assumptions: Assumptions): DecodedToken {
  let decoded: DecodedToken;
  try {
    if (token.split('.').length !== 3) throw new Error('not three segments');
    decoded = { header: decodeProtectedHeader(token), claims: decodeJwt(token) as DecodedToken['claims'] };
  } catch (e) {
    throw new StsRefusal('InvalidIdentityToken', MSG.malformedToken, [
      `The token is not a decodable JWT (${e instanceof Error ? e.message : String(e)}).`,
    ]);
  }
  if (assumptions.refuseDuplicateTokenKeys) refuseDuplicates(token);
  return decoded;
}

function refuseDuplicates(token: string): void {
  const [header = '', payload = ''] = token.split('.');
  for (const [part, segment] of [['header', header], ['claims', payload]] as const) {
    try {
      parseStrictJson(new TextDecoder().decode(base64url.decode(segment)));
    } catch (e) {
      if (!(e instanceof StrictJsonError)) throw e;
      throw new StsRefusal('InvalidIdentityToken', MSG.malformedToken, [
        `The token's ${part} is not strict JSON (${e.message}): with a repeated key, parsers disagree on which value counts (assumption refuseDuplicateTokenKeys).`,
      ], ['refuseDuplicateTokenKeys']);
    }
  }
}
