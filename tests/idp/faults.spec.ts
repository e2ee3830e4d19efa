import { test, expect } from '@playwright/test';
import type { JSONWebKeySet } from 'jose';
import { FAULT_KINDS } from '../../harness/idp/index.js';
import type { IdpFault } from '../../harness/scenario/model.js';
import { GITPOD_ISSUER, getPublic, jwks, startIdp } from './helpers.js';

const DISCOVERY = `${GITPOD_ISSUER}/.well-known/openid-configuration`;
const KEYS = `${GITPOD_ISSUER}/keys`;

async function withFault(fault: IdpFault) {
  const f = await startIdp('gitpod');
  f.idp.setFaults(GITPOD_ISSUER, [fault]);
  return f;
}

/** a request that must not be answered: it resolves 'pending' if nothing came back within `ms` */
async function answeredWithin(url: string, ms: number): Promise<'answered' | 'pending'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    await fetch(url, { signal: controller.signal });
    return 'answered';
  } catch {
    return 'pending';
  } finally {
    clearTimeout(timer);
  }
}

test('every fault kind is known', () => {
  expect(FAULT_KINDS).toHaveLength(10);
});

for (const [fault, url] of [['discovery-500', DISCOVERY], ['jwks-500', KEYS]] as const) {
  test(`${fault}: HTTP 500`, async () => {
    await using f = await withFault(fault);
    expect((await getPublic(f.idp, url)).status).toBe(500);
  });
}

for (const [fault, url] of [['discovery-invalid-json', DISCOVERY], ['jwks-invalid-json', KEYS]] as const) {
  test(`${fault}: 200 with a body that is not JSON`, async () => {
    await using f = await withFault(fault);
    const res = await getPublic(f.idp, url);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });
}

for (const [fault, url] of [['discovery-timeout', DISCOVERY], ['jwks-timeout', KEYS]] as const) {
  test(`${fault}: never answers, and close() still returns promptly`, async () => {
    const f = await withFault(fault);
    expect(await answeredWithin(f.idp.issuers.toLocal(url)!, 300)).toBe('pending');
    const hanging = fetch(f.idp.issuers.toLocal(url)!).then(() => 'answered', () => 'socket destroyed');
    const started = Date.now();
    await f.idp.close();
    expect(await hanging).toBe('socket destroyed');
    expect(Date.now() - started).toBeLessThan(2000);
  });
}

test('discovery-missing-jwks-uri: the discovery document lacks jwks_uri, the keys are still there', async () => {
  await using f = await withFault('discovery-missing-jwks-uri');
  const doc = await (await getPublic(f.idp, DISCOVERY)).json();
  expect(doc.issuer).toBe(GITPOD_ISSUER);
  expect(doc).not.toHaveProperty('jwks_uri');
  expect((await getPublic(f.idp, KEYS)).status).toBe(200);
});

test('jwks-other-host: jwks_uri points to another host, which the issuer map refuses', async () => {
  await using f = await withFault('jwks-other-host');
  const doc = await (await getPublic(f.idp, DISCOVERY)).json();
  expect(new URL(doc.jwks_uri).host).toBe('evil.example');
  expect(f.idp.issuers.toLocal(doc.jwks_uri)).toBeUndefined();
});

test('jwks-over-100-keys: the JWKS lists more than 100 keys, the real ones among them', async () => {
  await using f = await startIdp('gitpod');
  const before = await jwks(f.idp, GITPOD_ISSUER);
  f.idp.setFaults(GITPOD_ISSUER, ['jwks-over-100-keys']);
  const after: JSONWebKeySet = await (await getPublic(f.idp, KEYS)).json();
  expect(after.keys.length).toBeGreaterThan(100);
  expect(after.keys.map((k) => k.kid)).toEqual(expect.arrayContaining(before.keys.map((k) => k.kid)));
});

test('rotate-after-mint: the next JWKS fetch serves only a new key; later mints use it', async () => {
  await using f = await startIdp('gitpod');
  const minted = await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER });
  f.idp.setFaults(GITPOD_ISSUER, ['rotate-after-mint']);
  const rotated = await jwks(f.idp, GITPOD_ISSUER);
  expect(rotated.keys).toHaveLength(1);
  expect(rotated.keys[0]!.kid).not.toBe(minted.header.kid);
  const again = await jwks(f.idp, GITPOD_ISSUER);
  expect(again.keys.map((k) => k.kid)).toEqual(rotated.keys.map((k) => k.kid));
  expect((await f.idp.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER })).header.kid).toBe(rotated.keys[0]!.kid);
});

test('an empty fault list clears the faults', async () => {
  await using f = await withFault('discovery-500');
  f.idp.setFaults(GITPOD_ISSUER, []);
  expect((await getPublic(f.idp, DISCOVERY)).status).toBe(200);
});

test('faults apply to their issuer only', async () => {
  await using f = await startIdp('gitpod');
  f.idp.serve('https://services.gitpod.example/idp', 'gitpod');
  f.idp.setFaults(GITPOD_ISSUER, ['discovery-500']);
  expect((await getPublic(f.idp, 'https://services.gitpod.example/idp/.well-known/openid-configuration')).status).toBe(200);
});

test('setFaults on an issuer that is not served is IDP_UNKNOWN_ISSUER', async () => {
  await using f = await startIdp('gitpod');
  expect(() => f.idp.setFaults('https://nope.example', ['jwks-500'])).toThrow(expect.objectContaining({ code: 'IDP_UNKNOWN_ISSUER' }));
});
