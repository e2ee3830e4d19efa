/** Where AWS's treatment of a token is unknown, the gate refuses (named assumptions, README "Assumptions"). */
import { CompactSign, decodeJwt, decodeProtectedHeader } from 'jose';
import type { IssuerRegistry } from '../../harness/idp/registry.js';
import { LAST_REAL_SECOND } from '../../harness/gate/web-identity/time-claims.js';
import { ISSUER, ACCOUNT, expect, expectAwsError, failure, test, trustPolicy, type GateWorld } from './gate-fixture.js';

/** signs `payloadText` byte for byte (JSON.stringify cannot repeat a key) with the issuer's current key */
async function signRaw(world: GateWorld, payloadText: string, headerText?: string): Promise<string> {
  const ring = await (world.idp as unknown as { registry: IssuerRegistry }).registry.require(ISSUER).ring;
  const key = ring.current();
  const header = { alg: 'RS256', kid: key.kid, ...ring.header(key) };
  const signed = await new CompactSign(new TextEncoder().encode(payloadText)).setProtectedHeader(header).sign(key.privateKey);
  if (headerText === undefined) return signed;
  // re-sign over a hand-written header: the signature covers the header segment as sent
  const [, payload] = signed.split('.');
  const h = Buffer.from(headerText.replace('"KID"', JSON.stringify(key.kid))).toString('base64url');
  const { createSign } = await import('node:crypto');
  const signature = createSign('RSA-SHA256').update(`${h}.${payload}`).sign(key.privateKey as never).toString('base64url');
  return `${h}.${payload}.${signature}`;
}

const nowSeconds = (world: GateWorld) => Math.floor(world.clock.now().getTime() / 1000);

test.describe('duplicate JSON keys in the token (refuseDuplicateTokenKeys)', () => {
  test('a claims set that names sub twice is InvalidIdentityToken; the same claims once each are admitted', async ({ world }) => {
    const gate = await world.gate();
    const claims = decodeJwt(await world.mint());
    const text = JSON.stringify(claims);
    // JSON.parse keeps the last sub (allowed by the trust policy); a first-wins parser sees the stranger's
    const duplicated = `{"sub":"https://github.com/stranger/repo",${text.slice(1)}`;
    const e = await failure(world.assume(await signRaw(world, duplicated)));
    expectAwsError(e, 'InvalidIdentityToken', 400);
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('refuseDuplicateTokenKeys');
    await expect(world.assume(await signRaw(world, text))).resolves.toMatchObject({ SubjectFromWebIdentityToken: claims.sub });
    await world.gate({ assumptions: { refuseDuplicateTokenKeys: false } });
    await expect(world.assume(await signRaw(world, duplicated))).resolves.toBeTruthy();
  });

  test('a header that names alg twice is InvalidIdentityToken; a nested object may reuse a key name', async ({ world }) => {
    await world.gate();
    const claims = decodeJwt(await world.mint());
    const nested = JSON.stringify({ ...claims, ctx: { sub: 'x', aud: ['y'] } });
    await expect(world.assume(await signRaw(world, nested))).resolves.toBeTruthy();
    const header = decodeProtectedHeader(await world.mint());
    const twice = `{"alg":"none","alg":"RS256","kid":"KID"${header.typ ? `,"typ":${JSON.stringify(header.typ)}` : ''}}`;
    expectAwsError(await failure(world.assume(await signRaw(world, JSON.stringify(claims), twice))), 'InvalidIdentityToken', 400);
    const once = `{"alg":"RS256","kid":"KID"${header.typ ? `,"typ":${JSON.stringify(header.typ)}` : ''}}`;
    await expect(world.assume(await signRaw(world, JSON.stringify(claims), once))).resolves.toBeTruthy();
  });
});

test.describe('a sub that is not a string (refuseNonStringSub)', () => {
  const anySub = () => trustPolicy({ Condition: { StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } } });

  test('an array sub is InvalidIdentityToken even where the trust policy ignores sub; off, it is admitted', async ({ world }) => {
    await world.createRole('no-sub', anySub());
    const gate = await world.gate();
    const input = { RoleArn: `arn:aws:iam::${ACCOUNT}:role/no-sub` };
    const token = await world.mint({ claims: { sub: ['https://github.com/acme/app', 'x'] } });
    const e = await failure(world.assume(token, input));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'The sub claim of the ID token must be a string');
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('refuseNonStringSub');
    for (const sub of [42, { a: 1 }, true]) {
      expectAwsError(await failure(world.assume(await world.mint({ claims: { sub } }), input)), 'InvalidIdentityToken', 400);
    }
    await expect(world.assume(await world.mint(), input)).resolves.toMatchObject({ SubjectFromWebIdentityToken: 'https://github.com/acme/app' });
    await world.gate({ assumptions: { refuseNonStringSub: false } });
    await expect(world.assume(token, input)).resolves.toBeTruthy();
  });
});

test.describe('time claims beyond any real date (refuseTimeClaimsBeyondYear9999)', () => {
  test('exp after 9999-12-31 or beyond 2^53 is InvalidIdentityToken; exp at the last second of 9999 is admitted', async ({ world }) => {
    const gate = await world.gate();
    const e = await failure(world.assume(await world.mint({ claims: { exp: LAST_REAL_SECOND + 1 } })));
    expectAwsError(e, 'InvalidIdentityToken', 400, 'The exp claim of the ID token is not a real date');
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('refuseTimeClaimsBeyondYear9999');
    expectAwsError(await failure(world.assume(await world.mint({ claims: { exp: 2 ** 60 } }))), 'InvalidIdentityToken', 400);
    expectAwsError(await failure(world.assume(await world.mint({ claims: { exp: 1e300 } }))), 'InvalidIdentityToken', 400);
    await expect(world.assume(await world.mint({ claims: { exp: LAST_REAL_SECOND } }))).resolves.toBeTruthy();
    await world.gate({ assumptions: { refuseTimeClaimsBeyondYear9999: false } });
    await expect(world.assume(await world.mint({ claims: { exp: LAST_REAL_SECOND + 1 } }))).resolves.toBeTruthy();
  });
});

test.describe('the age of the token (maxTokenAgeSeconds)', () => {
  test('an iat older than a day (plus skew) is ExpiredTokenException "Token too old"; a day old is admitted', async ({ world }) => {
    const gate = await world.gate();
    const now = nowSeconds(world);
    const far = { exp: now + 3600 };
    const old = await world.mint({ claims: { ...far, iat: now - 86400 - 301 } });
    const e = await failure(world.assume(old));
    expectAwsError(e, 'ExpiredTokenException', 400, `Token too old: ${86400 + 301}`);
    expect(gate.decision(e.$metadata.requestId ?? '')?.assumptionsUsed).toContain('maxTokenAgeSeconds');
    await expect(world.assume(await world.mint({ claims: { ...far, iat: now - 86400 - 300 } }))).resolves.toBeTruthy();
    await world.gate({ assumptions: { maxTokenAgeSeconds: 0 } });
    await expect(world.assume(old)).resolves.toBeTruthy();
  });
});
