/**
 * Red team: AssumeRoleWithWebIdentity with a garbage token got credentials when the request was shaped so that
 * the gate did not recognise it (PUT, upper-case Content-Type, multipart, x-amz-target plus a form body).
 */
import { send, type RawRequest } from './raw-http.js';
import { errorCode, expect, expectRefused, roleArn, test } from './world.js';

const form = (token: string) =>
  new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: roleArn('reader'), RoleSessionName: 'ws-1', WebIdentityToken: token }).toString();

test('control: a well-formed POST with a garbage token is InvalidIdentityToken; with a valid token it gets credentials', async ({ world }) => {
  const garbage = await send(world.origin(), { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form('garbage') });
  expectRefused(world, garbage, ['InvalidIdentityToken'], 400);
  const ok = await send(world.origin(), { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(await world.mint()) });
  expect(ok.status).toBe(200);
  expect(ok.body).toContain('<AccessKeyId>');
});

test('a garbage token never gets credentials, however the request is shaped', async ({ world }) => {
  const body = form('garbage.token.here');
  const boundary = 'XyZ';
  const multipart = Object.entries(Object.fromEntries(new URLSearchParams(body)))
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  const shapes: Omit<RawRequest, 'path'>[] & { path?: string }[] = [
    { method: 'PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
    { method: 'PATCH', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
    { method: 'DELETE', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
    { method: 'POST', headers: { 'content-type': 'APPLICATION/X-WWW-FORM-URLENCODED' }, body },
    { method: 'POST', headers: { 'content-type': 'Application/X-Www-Form-Urlencoded; charset=UTF-8' }, body },
    { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: multipart },
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity' }, body },
    { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity' }, body },
    { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity' },
      body: JSON.stringify({ RoleArn: roleArn('reader'), RoleSessionName: 'ws-1', WebIdentityToken: 'garbage' }) },
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body },
    { method: 'POST', headers: {}, body },
    { method: 'POST', path: `/?${body}`, headers: { 'content-type': 'application/json' }, body: '{}' },
    { method: 'GET', path: `/?${body}`, headers: {} },
    { method: 'POST', path: `/?Action=GetCallerIdentity`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${body}&Action=AssumeRoleWithWebIdentity` },
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.replace('Action=', 'action=') },
  ];
  for (const shape of shapes) {
    const answer = await send(world.origin(), { path: '/', ...shape });
    const label = `${shape.method} ${shape.path ?? "/"} ${JSON.stringify(shape.headers)} -> ${answer.status} ${JSON.stringify(answer.headers["content-type"] ?? null)} ${answer.body.slice(0, 80)}`;
    expect([label, world.leaks(answer.body), answer.status >= 400 && answer.status < 500, errorCode(answer) !== undefined]).toEqual([label, [], true, true]);
    expectRefused(world, answer);
  }
});
