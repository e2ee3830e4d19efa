import { test, expect } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { compactVerify, exportSPKI, importJWK, type JSONWebKeySet } from 'jose';
import { TAMPER_KINDS } from '../../harness/idp/index.js';
import type { TamperKind } from '../../harness/scenario/model.js';
import { GITPOD_ISSUER, START_SECONDS, jwks, startIdp } from './helpers.js';

/** kids of the published keys whose RSA signature the token carries (ignoring use and header kid) */
async function keysThatVerify(token: string, set: JSONWebKeySet): Promise<string[]> {
  const kids: string[] = [];
  for (const jwk of set.keys) {
    const key = await importJWK({ ...jwk, use: undefined }, 'RS256');
    const ok = await compactVerify(token, key, { algorithms: ['RS256'] }).then(() => true, () => false);
    if (ok) kids.push(String(jwk.kid));
  }
  return kids;
}

async function mintTampered(tamper: TamperKind) {
  const f = await startIdp('gitpod');
  const minted = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER, tamper });
  return { ...f, minted, set: await jwks(f.idp, GITPOD_ISSUER) };
}

test('every tamper kind is covered below', () => {
  expect([...TAMPER_KINDS].sort()).toEqual([
    'alg-none', 'enc-key', 'foreign-key', 'hs256', 'iat-future', 'jku-header', 'no-kid', 'non-integer-exp', 'nbf-future',
    'oversize', 'signature', 'unknown-kid', 'wrong-typ', 'x5u-header',
  ].sort());
});

test('signature: right kid and claims, but no published key verifies it', async () => {
  await using t = await mintTampered('signature');
  expect(t.set.keys.map((k) => k.kid)).toContain(t.minted.header.kid);
  expect(t.minted.claims.sub).toBe('https://github.com/acme/app');
  expect(await keysThatVerify(t.minted.token, t.set)).toEqual([]);
});

test('alg-none: alg none and an empty signature', async () => {
  await using t = await mintTampered('alg-none');
  expect(t.minted.header.alg).toBe('none');
  expect(t.minted.token.endsWith('.')).toBe(true);
  expect(t.minted.token.split('.')[2]).toBe('');
});

test('hs256: HMAC-SHA256 keyed with the published public key (PEM)', async () => {
  await using t = await mintTampered('hs256');
  expect(t.minted.header.alg).toBe('HS256');
  const jwk = t.set.keys.find((k) => k.kid === t.minted.header.kid)!;
  const pem = await exportSPKI((await importJWK(jwk, 'RS256', { extractable: true })) as CryptoKey);
  const [h, p, s] = t.minted.token.split('.');
  expect(createHmac('sha256', pem).update(`${h}.${p}`).digest('base64url')).toBe(s);
});

test('unknown-kid: the kid is in no JWKS, yet a published key made the signature', async () => {
  await using t = await mintTampered('unknown-kid');
  expect(t.set.keys.map((k) => k.kid)).not.toContain(t.minted.header.kid);
  expect(t.minted.header.kid).toMatch(/^id-[0-9a-f]{64}$/);
  expect(await keysThatVerify(t.minted.token, t.set)).toHaveLength(1);
});

test('foreign-key: a real kid, signed by a key that is not published', async () => {
  await using t = await mintTampered('foreign-key');
  expect(t.set.keys.map((k) => k.kid)).toContain(t.minted.header.kid);
  expect(await keysThatVerify(t.minted.token, t.set)).toEqual([]);
});

test('no-kid: no kid while the JWKS lists several keys; one of them verifies', async () => {
  await using t = await mintTampered('no-kid');
  expect(t.minted.header).not.toHaveProperty('kid');
  expect(t.set.keys.length).toBeGreaterThan(1);
  expect(await keysThatVerify(t.minted.token, t.set)).toHaveLength(1);
});

test('wrong-typ: a typ that is not an ID token, validly signed', async () => {
  await using t = await mintTampered('wrong-typ');
  expect(t.minted.header.typ).toBe('at+jwt');
  expect(await keysThatVerify(t.minted.token, t.set)).toEqual([t.minted.header.kid]);
});

test('non-integer-exp, nbf-future, iat-future: the timestamps they name', async () => {
  await using a = await mintTampered('non-integer-exp');
  expect(Number.isInteger(a.minted.claims.exp)).toBe(false);
  expect(a.minted.claims.exp).toBe(START_SECONDS + 3600 + 0.5);
  await using b = await mintTampered('nbf-future');
  expect(Number(b.minted.claims.nbf)).toBeGreaterThan(START_SECONDS + 300);
  await using c = await mintTampered('iat-future');
  expect(Number(c.minted.claims.iat)).toBeGreaterThan(START_SECONDS + 300);
  expect(await keysThatVerify(c.minted.token, c.set)).toHaveLength(1);
});

test('oversize: a validly signed token over 20,000 characters', async () => {
  await using t = await mintTampered('oversize');
  expect(t.minted.token.length).toBeGreaterThan(20_000);
  expect(await keysThatVerify(t.minted.token, t.set)).toHaveLength(1);
});

for (const kind of ['jku-header', 'x5u-header'] as const) {
  test(`${kind}: points to another host, kid and key not published`, async () => {
    await using t = await mintTampered(kind);
    const field = kind === 'jku-header' ? 'jku' : 'x5u';
    const url = new URL(String(t.minted.header[field]));
    expect(url.protocol).toBe('https:');
    expect(url.host).not.toBe('api.gitpod.io');
    expect(t.idp.issuers.toLocal(url.href)).toBeUndefined();
    expect(t.set.keys.map((k) => k.kid)).not.toContain(t.minted.header.kid);
    expect(await keysThatVerify(t.minted.token, t.set)).toEqual([]);
  });
}

test('enc-key: signed by a key the JWKS publishes with use enc only', async () => {
  await using t = await mintTampered('enc-key');
  const published = t.set.keys.find((k) => k.kid === t.minted.header.kid);
  expect(published?.use).toBe('enc');
  expect(await keysThatVerify(t.minted.token, t.set)).toEqual([t.minted.header.kid]);
  const normal = await t.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER });
  expect(normal.header.kid).not.toBe(t.minted.header.kid);
});
