/** Step 2 (§2.2): `iss` must be the URL of an IAM OIDC provider in the role's account. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';
import type { AccountView, OidcProviderView } from '../types.js';

export async function matchProvider(iss: unknown, accountId: string, account: AccountView): Promise<OidcProviderView> {
  const issuer = typeof iss === 'string' ? iss : '';
  const providers = await account.providers(accountId);
  // IAM stores the URL without its scheme; the comparison is case-sensitive and https only.
  const provider = providers.find((p) => `https://${p.url}` === issuer);
  if (!provider) {
    const known = providers.map((p) => `https://${p.url}`).join(', ') || 'none';
    throw new StsRefusal('InvalidIdentityToken', MSG.noProvider(issuer), [
      `The token's iss "${issuer}" is not the URL of any IAM OIDC provider in account ${accountId} (providers: ${known}).`,
    ]);
  }
  return provider;
}
