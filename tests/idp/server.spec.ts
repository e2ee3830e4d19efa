import { test, expect } from '@playwright/test';
import { createMockIdp, connectMockIdp } from '../../harness/idp/index.js';
import { GITPOD_ISSUER, jwks, startIdp, verifyAgainstServedJwks } from './helpers.js';

test('issuers are served by path under one loopback origin', async () => {
  await using f = await startIdp('gitpod');
  f.idp.serve('https://gitlab.com', 'gitlab');
  expect(f.idp.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(f.idp.issuers.localBase(GITPOD_ISSUER)).toBe(`${f.idp.origin}/i/api.gitpod.io/idp`);
  expect(f.idp.issuers.localBase('https://gitlab.com')).toBe(`${f.idp.origin}/i/gitlab.com`);
  expect(f.idp.issuers.toLocal(`${GITPOD_ISSUER}/keys`)).toBe(`${f.idp.origin}/i/api.gitpod.io/idp/keys`);
  expect(f.idp.issuers.toLocal('https://gitlab.com/oauth/discovery/keys')).toBe(`${f.idp.origin}/i/gitlab.com/oauth/discovery/keys`);
});

test('the issuer map knows nothing it does not serve', async () => {
  await using f = await startIdp('gitpod');
  expect(f.idp.issuers.localBase('https://services.gitpod.io/idp')).toBeUndefined();
  expect(f.idp.issuers.toLocal('https://api.gitpod.io/idpx/keys')).toBeUndefined();
  expect(f.idp.issuers.toLocal('https://evil.example/keys')).toBeUndefined();
  expect(f.idp.issuers.toLocal('http://api.gitpod.io/idp/keys')).toBeUndefined();
  expect((await fetch(`${f.idp.origin}/i/services.gitpod.io/idp/keys`)).status).toBe(404);
});

test('serve is idempotent: the same keys after serving twice', async () => {
  await using f = await startIdp('gitpod');
  const first = await jwks(f.idp, GITPOD_ISSUER);
  f.idp.serve(GITPOD_ISSUER, 'gitpod');
  expect(await jwks(f.idp, GITPOD_ISSUER)).toEqual(first);
});

test('serving an unknown profile is IDP_UNKNOWN_PROFILE', async () => {
  await using f = await startIdp('gitpod');
  expect(() => f.idp.serve('https://x.example', 'nope' as never)).toThrow(expect.objectContaining({ code: 'IDP_UNKNOWN_PROFILE' }));
});

test('rotateKeys adds a key that signs from then on; dropOld leaves only it', async () => {
  await using f = await startIdp('gitpod');
  const before = (await jwks(f.idp, GITPOD_ISSUER)).keys.map((k) => k.kid);
  const old = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER });
  await f.idp.rotateKeys(GITPOD_ISSUER);
  const after = (await jwks(f.idp, GITPOD_ISSUER)).keys.map((k) => k.kid);
  expect(after).toHaveLength(before.length + 1);
  const fresh = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER });
  expect(fresh.header.kid).toBe(after.at(-1));
  await verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, old.token, f.clock.now());
  await f.idp.rotateKeys(GITPOD_ISSUER, { dropOld: true });
  expect((await jwks(f.idp, GITPOD_ISSUER)).keys).toHaveLength(1);
  await expect(verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, old.token, f.clock.now())).rejects.toThrow();
});

test('expiry follows the injected clock, with no sleeping', async () => {
  await using f = await startIdp('gitpod');
  const minted = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER });
  await verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, minted.token, f.clock.now());
  f.clock.advance(3601);
  await expect(verifyAgainstServedJwks(f.idp, GITPOD_ISSUER, minted.token, f.clock.now())).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
});

test('close() frees the port and is safe to call twice', async () => {
  const idp = await createMockIdp();
  const port = Number(new URL(idp.origin).port);
  await idp.close();
  await idp.close();
  const again = await createMockIdp({ port });
  expect(again.origin).toBe(`http://127.0.0.1:${port}`);
  await again.close();
});

test('a remote client drives the IdP over /_mock: serve, mint, faults, rotate, coded errors', async () => {
  await using f = await startIdp('gitpod', undefined, undefined, { controlSecret: 'test-control-secret' });
  await using remote = await connectMockIdp(f.idp.origin, { controlSecret: 'test-control-secret' });
  expect(remote.issuers.localBase(GITPOD_ISSUER)).toBe(f.idp.issuers.localBase(GITPOD_ISSUER));
  remote.serve('https://gitlab.com', 'gitlab');
  const minted = await remote.mint({ profile: 'gitlab', issuer: 'https://gitlab.com' });
  await verifyAgainstServedJwks(f.idp, 'https://gitlab.com', minted.token, f.clock.now());
  remote.setFaults(GITPOD_ISSUER, ['jwks-500']);
  await remote.rotateKeys('https://gitlab.com');
  expect((await fetch(f.idp.issuers.toLocal(`${GITPOD_ISSUER}/keys`)!)).status).toBe(500);
  await expect(remote.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, audience: [] })).rejects.toMatchObject({ code: 'IDP_EMPTY_AUDIENCE' });
});

test('serving an issuer again takes the new profile options (scenarios share one IdP)', async () => {
  await using f = await startIdp('github-actions', 'https://token.actions.githubusercontent.com', { subFormat: 'immutable' });
  const issuer = 'https://token.actions.githubusercontent.com';
  expect((await f.idp.mint({ profile: 'github-actions', issuer })).claims.sub).toMatch(/^repo:acme@/);
  f.idp.serve(issuer, 'github-actions');
  expect((await f.idp.mint({ profile: 'github-actions', issuer })).claims.sub).toBe('repo:acme/app:ref:refs/heads/main');
});
