import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { importJWK, exportJWK } from 'jose';
import { PROFILES } from '../../harness/idp/index.js';
import type { ProfileName } from '../../harness/scenario/model.js';
import { discovery, GITPOD_ISSUER, jwks, startIdp } from './helpers.js';

const GITPOD_FIELDS = [
  'issuer', 'authorization_endpoint', 'token_endpoint', 'introspection_endpoint', 'userinfo_endpoint',
  'revocation_endpoint', 'end_session_endpoint', 'jwks_uri', 'scopes_supported', 'response_types_supported',
  'grant_types_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported', 'claims_supported',
  'request_uri_parameter_supported',
];

for (const issuer of [GITPOD_ISSUER, 'https://services.gitpod.example/idp']) {
  test(`gitpod discovery for ${issuer} has exactly Gitpod's fields with public URLs`, async () => {
    await using fixture = await startIdp('gitpod', issuer);
    const res = await fetch(fixture.idp.issuers.toLocal(`${issuer}/.well-known/openid-configuration`)!);
    expect(res.headers.get('content-type')).toBe('application/json');
    const doc = await res.json();
    expect(Object.keys(doc)).toEqual(GITPOD_FIELDS);
    expect(doc.issuer).toBe(issuer);
    expect(doc.jwks_uri).toBe(`${issuer}/keys`);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'introspection_endpoint', 'userinfo_endpoint', 'revocation_endpoint', 'end_session_endpoint']) {
      expect(doc[key]).toBe(`${issuer}/not-supported`);
    }
    expect(doc.scopes_supported).toEqual(['openid', 'profile', 'email', 'phone', 'address', 'offline_access']);
    expect(doc.response_types_supported).toEqual(['code', 'id_token', 'id_token token']);
    expect(doc.grant_types_supported).toEqual(['authorization_code', 'implicit']);
    expect(doc.subject_types_supported).toEqual(['public']);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(doc.claims_supported).toHaveLength(21);
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['sub', 'aud', 'azp', 'c_hash', 'email']));
    expect(doc.request_uri_parameter_supported).toBe(false);
  });
}

test('gitpod JWKS: several RSA-2048 RS256 sig keys, kid = "id-" + sha256(modulus), Gitpod field order', async () => {
  await using fixture = await startIdp('gitpod');
  const set = await jwks(fixture.idp, GITPOD_ISSUER);
  expect(set.keys.length).toBeGreaterThanOrEqual(2);
  for (const key of set.keys) {
    expect(Object.keys(key)).toEqual(['use', 'kty', 'kid', 'alg', 'n', 'e']);
    expect(key).toMatchObject({ use: 'sig', kty: 'RSA', alg: 'RS256', e: 'AQAB' });
    const modulus = Buffer.from(key.n!, 'base64url');
    expect(modulus.length * 8).toBe(2048);
    expect(key.kid).toBe('id-' + createHash('sha256').update(modulus).digest('hex'));
    const imported = await importJWK(key, 'RS256');
    expect((await exportJWK(imported)).n).toBe(key.n);
  }
});

const JWKS_PATHS: Record<ProfileName, [string, string]> = {
  gitpod: ['https://api.gitpod.io/idp', 'https://api.gitpod.io/idp/keys'],
  'gitpod-flex': ['https://app.gitpod.io', 'https://app.gitpod.io/oidc/jwks'],
  'github-actions': ['https://token.actions.githubusercontent.com', 'https://token.actions.githubusercontent.com/.well-known/jwks'],
  gitlab: ['https://gitlab.com', 'https://gitlab.com/oauth/discovery/keys'],
  generic: ['https://idp.example.com', 'https://idp.example.com/.well-known/jwks.json'],
};

for (const name of Object.keys(PROFILES) as ProfileName[]) {
  test(`${name}: discovery names the public issuer and jwks_uri, and the JWKS is served there`, async () => {
    const [issuer, jwksUri] = JWKS_PATHS[name];
    await using fixture = await startIdp(name, issuer);
    const doc = await discovery(fixture.idp, issuer);
    expect(doc.issuer).toBe(issuer);
    expect(doc.jwks_uri).toBe(jwksUri);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const set = await jwks(fixture.idp, issuer);
    expect(set.keys.length).toBe(PROFILES[name].initialKeys);
    for (const key of set.keys) expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
  });
}

test('github-actions keys carry x5t, and the kid is its hex form; gitlab kids are JWK thumbprints', async () => {
  await using gh = await startIdp('github-actions', 'https://token.actions.githubusercontent.com');
  for (const key of (await jwks(gh.idp, 'https://token.actions.githubusercontent.com')).keys) {
    expect(key.kid).toBe(Buffer.from(String(key.x5t), 'base64url').toString('hex').toUpperCase());
  }
  await using gl = await startIdp('gitlab', 'https://gitlab.com');
  for (const key of (await jwks(gl.idp, 'https://gitlab.com')).keys) {
    const thumbprint = createHash('sha256').update(JSON.stringify({ e: key.e, kty: 'RSA', n: key.n })).digest('base64url');
    expect(key.kid).toBe(thumbprint);
  }
});

test('gitpod-flex kids are k0, k1, ... in order of creation', async () => {
  await using fixture = await startIdp('gitpod-flex', 'https://app.gitpod.io');
  await fixture.idp.rotateKeys('https://app.gitpod.io');
  expect((await jwks(fixture.idp, 'https://app.gitpod.io')).keys.map((k) => k.kid)).toEqual(['k0', 'k1']);
});

test('the keys option sets how many keys the JWKS starts with', async () => {
  await using fixture = await startIdp('gitpod', GITPOD_ISSUER, { keys: 3 });
  expect((await jwks(fixture.idp, GITPOD_ISSUER)).keys).toHaveLength(3);
});
