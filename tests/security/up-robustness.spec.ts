/**
 * Red team on a running `up`: a request-target of `//` (and other junk) to any of its ports kills nothing and
 * leaves the env file in place; the mock IdP's /_mock control API needs the token service's bearer secret.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SEED, startUp } from '../clients/up-process.js';
import { send, sendBytes } from './raw-http.js';

test.describe.configure({ timeout: 180_000 });

/** the loopback TCP ports `pid` itself listens on */
function listeningPorts(pid: number): number[] {
  const out = execFileSync('ss', ['-Hltnp'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`pid=${pid},`)).map((l) => Number(/127\.0\.0\.1:(\d+)/.exec(l)?.[1] ?? 0)).filter((p) => p > 0);
}

test('junk request-targets to every port of up kill nothing; the IdP control API needs the shared secret', async () => {
  const up = startUp(SEED, ['--target', 'moto']);
  try {
    const env = await up.ready();
    const ports = listeningPorts(up.pid);
    expect(ports.length).toBeGreaterThanOrEqual(3); // gate, mock IdP, token service
    for (const port of ports) {
      for (const target of ['//', '//x/y', '*', 'http://[', '/%', `/${'%'.repeat(5000)}`]) {
        await sendBytes(`http://127.0.0.1:${port}`, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 1000);
      }
      await sendBytes(`http://127.0.0.1:${port}`, 'POST /_mock/mint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n{', 1000);
    }
    const origins = ports.map((p) => `http://127.0.0.1:${p}`);
    const mint = (origin: string, authorization?: string) =>
      send(origin, {
        method: 'POST', path: '/_mock/mint',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ profile: env.HARNESS_IDP_PROFILE, issuer: env.HARNESS_IDP_ISSUER }),
      });
    for (const origin of origins) {
      for (const authorization of [undefined, 'Bearer wrong']) {
        const answer = await mint(origin, authorization);
        expect([origin, answer.status === 200 && answer.body.includes('"token"')]).toEqual([origin, false]);
      }
    }
    const withSecret = await Promise.all(origins.map((o) => mint(o, `Bearer ${env.HARNESS_TOKEN_SECRET}`)));
    expect(withSecret.filter((a) => a.status === 200 && a.body.includes('"token"'))).toHaveLength(1);
    // still up, env file in place, and the gate still answers
    expect(existsSync(up.envFile)).toBe(true);
    expect((await send(env.AWS_ENDPOINT_URL!, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' })).status).toBeLessThan(500);
  } finally {
    const exit = await up.stop();
    expect(exit.code).toBe(0);
  }
  expect(existsSync(up.envFile)).toBe(false);
});
