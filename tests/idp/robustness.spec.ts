/** The mock IdP answers every request, whatever its target or body, and its control API needs the secret. */
import { expect, test } from '@playwright/test';
import { connectMockIdp } from '../../harness/idp/index.js';
import { MAX_CONTROL_BODY_BYTES } from '../../harness/idp/server.js';
import { send, sendBytes } from '../security/raw-http.js';
import { GITPOD_ISSUER, jwks, startIdp } from './helpers.js';

const SECRET = 'idp-control-secret-for-tests';
const auth = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };

test('request-targets that are not paths get a 400 and the IdP keeps serving keys', async () => {
  await using f = await startIdp('gitpod', undefined, undefined, { controlSecret: SECRET });
  for (const target of ['//', '//evil.example/x', '*', 'http://[', '/%', '/i/%E0%A4%A', `/${'a'.repeat(20_000)}`, '/_mock/../_mock/mint', '/\\\\x']) {
    const answer = await sendBytes(f.idp.origin, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect([target, answer.status >= 400 && answer.status < 500]).toEqual([target, true]);
  }
  const garbage = await sendBytes(f.idp.origin, 'NOT HTTP AT ALL\r\n\r\n');
  expect(garbage.status).toBe(400);
  expect((await jwks(f.idp, GITPOD_ISSUER)).keys.length).toBeGreaterThan(0);
});

test('every control action without the bearer secret is 401 IDP_CONTROL_UNAUTHORIZED; health stays open', async () => {
  await using f = await startIdp('gitpod', undefined, undefined, { controlSecret: SECRET });
  const before = (await jwks(f.idp, GITPOD_ISSUER)).keys.map((k) => k.kid);
  for (const action of ['mint', 'rotate', 'faults', 'serve']) {
    for (const authorization of [undefined, 'Bearer wrong', `bearer ${SECRET}`, SECRET]) {
      const answer = await send(f.idp.origin, {
        method: 'POST',
        path: `/_mock/${action}`,
        headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
        body: JSON.stringify({ profile: 'gitpod', issuer: GITPOD_ISSUER, faults: ['jwks-500'], dropOld: true }),
      });
      expect([action, authorization, answer.status, JSON.parse(answer.body).code]).toEqual([action, authorization, 401, 'IDP_CONTROL_UNAUTHORIZED']);
      expect(answer.body).not.toMatch(/eyJ/);
    }
  }
  expect((await jwks(f.idp, GITPOD_ISSUER)).keys.map((k) => k.kid)).toEqual(before);
  expect((await send(f.idp.origin, { path: '/_mock/health' })).status).toBe(200);
  await expect(connectMockIdp(f.idp.origin).then((r) => r.mint({ profile: 'gitpod', issuer: GITPOD_ISSUER }))).rejects.toMatchObject({
    code: 'IDP_CONTROL_UNAUTHORIZED',
  });
});

test('an IdP started without a control secret admits no HTTP control call at all', async () => {
  await using f = await startIdp('gitpod');
  const answer = await send(f.idp.origin, { method: 'POST', path: '/_mock/mint', headers: { authorization: 'Bearer ', 'content-type': 'application/json' }, body: '{}' });
  expect(answer.status).toBe(401);
});

test('malformed control bodies are 400 IDP_CONTROL_BAD_REQUEST, oversized ones are refused unread', async () => {
  await using f = await startIdp('gitpod', undefined, undefined, { controlSecret: SECRET });
  for (const body of ['{', 'null', '[]', '"x"', '{"faults": 5, "issuer": "https://api.gitpod.io/idp"}', '\u0000\uffff']) {
    const answer = await send(f.idp.origin, { method: 'POST', path: '/_mock/faults', headers: auth, body });
    expect([body, answer.status]).toEqual([body, answer.status < 500 ? answer.status : 'a 5xx']);
  }
  expect(JSON.parse((await send(f.idp.origin, { method: 'POST', path: '/_mock/mint', headers: auth, body: '{' })).body).code).toBe('IDP_CONTROL_BAD_REQUEST');
  const declared = await sendBytes(
    f.idp.origin,
    `POST /_mock/mint HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${SECRET}\r\nContent-Length: 1073741824\r\n\r\n{`,
  );
  expect(declared.status).toBe(400);
  const streamed = await send(f.idp.origin, { method: 'POST', path: '/_mock/mint', headers: auth, body: `{"x":"${'a'.repeat(MAX_CONTROL_BODY_BYTES)}"}` });
  expect(streamed.status).toBe(400);
  const minted = await send(f.idp.origin, { method: 'POST', path: '/_mock/mint', headers: auth, body: JSON.stringify({ profile: 'gitpod', issuer: GITPOD_ISSUER }) });
  expect(minted.status).toBe(200);
});
