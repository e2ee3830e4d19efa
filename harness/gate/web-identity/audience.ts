/** Step 3 (§2.3): the token's audience must be one of the provider's client ids. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { GateAssumptions, OidcProviderView } from '../types.js';

export interface AudienceResult {
  /** the audience that matched a client id (reported as `Audience` in the response) */
  audience: string;
  assumptionsUsed: (keyof GateAssumptions)[];
}

const asList = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function checkAudience(
  claims: Record<string, unknown>,
  provider: OidcProviderView,
  assumptions: Pick<GateAssumptions, 'audKeyUsesAzp'>,
): AudienceResult {
  const aud = asList(claims['aud']);
  if (claims['aud'] === undefined || aud.length === 0) {
    throw new StsRefusal('InvalidIdentityToken', MSG.missingAud, ['The token has no aud claim.']);
  }
  const azp = typeof claims['azp'] === 'string' ? claims['azp'] : undefined;
  const useAzp = assumptions.audKeyUsesAzp && azp !== undefined;
  const candidates = useAzp ? [azp] : aud;
  const audience = candidates.find((a) => provider.clientIds.includes(a));
  const assumptionsUsed: (keyof GateAssumptions)[] = useAzp ? ['audKeyUsesAzp'] : [];
  // decides what `:aud` holds in the trust policy (trust.ts), so it is reported when the trust policy runs
  const multiAud = !useAzp && Array.isArray(claims['aud']) && claims['aud'].length > 1;
  if (audience === undefined) {
    const checked = useAzp ? `azp "${azp}" (assumption audKeyUsesAzp)` : `aud ${JSON.stringify(aud)}`;
    throw new StsRefusal(
      'InvalidIdentityToken',
      MSG.incorrectAudience,
      [`The token's ${checked} is not in the provider's client id list ${JSON.stringify(provider.clientIds)}.`],
      assumptionsUsed,
    );
  }
  return { audience, assumptionsUsed: multiAud ? [...assumptionsUsed, 'multiAudKeyIsMatchedClientId'] : assumptionsUsed };
}
