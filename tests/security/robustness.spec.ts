/** Red team: robustness. Bounded bodies, an evicting session store, AWS's errors for odd numbers and scopes. */
import http from 'node:http';
import { send } from './raw-http.js';
import { errorCode, expect, expectRefused, roleArn, smCall, test, type SecurityWorld } from './world.js';

/**
 * Declares `declared` bytes (or chunked), streams zeros in 64 KiB chunks until the gate answers or `bound`
 * bytes were sent; resolves with the answer and how much was sent before it came. Never allocates more than a chunk.
 */
function streamUntilAnswered(world: SecurityWorld, headers: Record<string, string>, bound: number) {
  const url = new URL(world.origin());
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: url.hostname, port: Number(url.port), method: 'POST', path: '/', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sent }));
    });
    req.on('error', (e) => (answered ? undefined : reject(new Error(`no answer after ${sent} bytes: ${e.message}`))));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < bound) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test('a body declared as 1 GiB, or streamed chunked without end, is refused (413) before 32 MiB were sent', async ({ world }) => {
  const bound = 32 * 1024 * 1024;
  const target = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' };
  const declared = await streamUntilAnswered(world, { ...target, 'content-length': String(1024 ** 3) }, bound);
  expect(declared.sent).toBeLessThan(bound);
  expect(declared.status).toBe(413);
  const chunked = await streamUntilAnswered(world, { ...target, 'transfer-encoding': 'chunked' }, bound);
  expect(chunked.sent).toBeLessThan(bound);
  expect(chunked.status).toBe(413);
  const form = await streamUntilAnswered(world, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(1024 ** 3) }, bound);
  expect(form.status).toBe(413);
  expect(errorCode({ status: form.status, headers: {}, body: form.body })).toBeTruthy();
  // the gate still answers
  const after = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' })));
  expect(after.status).toBe(200);
});

test('sessions leave the store once long expired; an expired one is ExpiredTokenException, an evicted one unrecognised', async ({ world }) => {
  const key = world.reader.accessKeyId;
  expect(world.gate.session(key)).toBeDefined();
  world.clock.advance(3601);
  const expired = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: 'app/db' })));
  expectRefused(world, expired, ['ExpiredTokenException'], 400);
  world.clock.advance(2 * 86400);
  // a new assumption sweeps the store
  await world.assume('reader', await world.mint(undefined, { exp: Math.floor(world.clock.now().getTime() / 1000) + 3600, iat: Math.floor(world.clock.now().getTime() / 1000) }));
  expect(world.gate.session(key)).toBeUndefined();
  expect(world.gate.session(world.stranger.accessKeyId)).toBeUndefined();
});

test("DurationSeconds=1e3, 0x400, 3600.0 and the like are AWS's 400 error in XML, never moto's HTML 500", async ({ world }) => {
  const token = await world.mint();
  for (const duration of ['1e3', '0x400', '3600.0', '-1', '', ' 3600', '3600 ', '٣٦٠٠', '99999999999999999999', 'NaN', '1_000']) {
    const body = new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: roleArn('reader'), RoleSessionName: 'ws-1', WebIdentityToken: token, DurationSeconds: duration,
    }).toString();
    const answer = await send(world.origin(), { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect([duration, answer.status, world.leaks(answer.body)]).toEqual([duration, 400, []]);
    expect(answer.headers['content-type']).toMatch(/xml/);
    expect(errorCode(answer)).toMatch(/^(ValidationError|InvalidParameterValue|MalformedInput|InvalidParameterType)$/);
  }
  const fine = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: roleArn('reader'), RoleSessionName: 'ws-1', WebIdentityToken: token, DurationSeconds: '900' });
  expect((await send(world.origin(), { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fine.toString() })).status).toBe(200);
});
