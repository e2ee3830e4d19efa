/**
 * Red team: a presigned (query) SigV4 URL whose X-Amz-Expires is not what was signed, or is beyond the one-week
 * maximum of SigV4 presigned URLs, is refused as a malformed signature (4xx), never verified against the
 * signer's default expiry and never a 5xx.
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { send } from './raw-http.js';
import { REGION, expect, expectRefused, test, type SecurityWorld } from './world.js';

async function presignedCallerIdentity(world: SecurityWorld, expiresIn: number): Promise<{ path: string; headers: Record<string, string> }> {
  const url = new URL(world.origin());
  const request = new HttpRequest({
    method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: url.host },
  });
  const signer = new SignatureV4({ credentials: world.reader, region: REGION, service: 'sts', sha256: Hash.bind(null, 'sha256') });
  const presigned = await signer.presign(request, { signingDate: world.clock.now(), expiresIn });
  const qs = new URLSearchParams(Object.entries(presigned.query ?? {}).map(([k, v]) => [k, String(v)])).toString();
  return { path: `/?${qs}`, headers: { host: url.host } };
}

test('control: presigned GetCallerIdentity with X-Amz-Expires 1, 3600 and 604800 is answered', async ({ world }) => {
  for (const expiresIn of [1, 3600, 604800]) {
    const answer = await send(world.origin(), { method: 'GET', ...(await presignedCallerIdentity(world, expiresIn)) });
    expect([expiresIn, answer.status]).toEqual([expiresIn, 200]);
  }
});

test('X-Amz-Expires changed after signing, or beyond one week, is a 4xx refusal', async ({ world }) => {
  const signed = await presignedCallerIdentity(world, 3600);
  expect(signed.path).toContain('X-Amz-Expires=3600');
  for (const expires of ['604801', '99999999999', '0', '-1', 'abc', '03600', '3600.0', '']) {
    const answer = await send(world.origin(), { method: 'GET', path: signed.path.replace('X-Amz-Expires=3600', `X-Amz-Expires=${expires}`), headers: signed.headers });
    expect([expires, answer.status >= 400 && answer.status < 500]).toEqual([expires, true]);
    expectRefused(world, answer);
  }
  const missing = await send(world.origin(), { method: 'GET', path: signed.path.replace('X-Amz-Expires=3600&', '').replace('&X-Amz-Expires=3600', ''), headers: signed.headers });
  expectRefused(world, missing);
});
