import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { ManualClock } from '../../harness/clock.js';
import { createMockIdp, type MockIdp } from '../../harness/idp/index.js';
import type { ProfileName } from '../../harness/scenario/model.js';

export const GITPOD_ISSUER = 'https://api.gitpod.io/idp';
export const START = Date.UTC(2026, 0, 1, 12, 0, 0);
export const START_SECONDS = START / 1000;

export async function startIdp(
  profile: ProfileName = 'gitpod',
  issuer = GITPOD_ISSUER,
  options?: Record<string, unknown>,
  idpOptions: { controlSecret?: string } = {},
): Promise<{ idp: MockIdp; clock: ManualClock } & AsyncDisposable> {
  const clock = new ManualClock(START);
  const idp = await createMockIdp({ clock, ...idpOptions });
  idp.serve(issuer, profile, options);
  return { idp, clock, [Symbol.asyncDispose]: () => idp.close() };
}

/** GET a public URL of a served issuer through the loopback mapping */
export async function getPublic(idp: MockIdp, url: string): Promise<Response> {
  const local = idp.issuers.toLocal(url);
  if (!local) throw new Error(`not served: ${url}`);
  return fetch(local);
}

export async function discovery(idp: MockIdp, issuer: string): Promise<Record<string, unknown>> {
  return (await getPublic(idp, `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)).json();
}

export async function jwks(idp: MockIdp, issuer: string): Promise<JSONWebKeySet> {
  return (await getPublic(idp, String((await discovery(idp, issuer)).jwks_uri))).json();
}

/** verifies `token` the way a relying party does: discovery -> jwks_uri -> key by kid, at the mock's clock */
export async function verifyAgainstServedJwks(idp: MockIdp, issuer: string, token: string, now: Date) {
  const keySet = createLocalJWKSet(await jwks(idp, issuer));
  return jwtVerify(token, keySet, { issuer, currentDate: now, algorithms: ['RS256'] });
}
