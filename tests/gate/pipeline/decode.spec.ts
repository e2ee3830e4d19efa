/** Stage 1 through the real gate (moto behind it): what is not an AWS call AWS would decode never reaches the emulator. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { expect, test } from '../gate-fixture.js';
import { codeOf, form, json, send } from './raw.js';
import { secretsWorld } from './world.js';

test('a session cannot read a denied secret through an unusual X-Amz-Target, a URL parameter, a form body or Python-only JSON', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  const sm = signing('secretsmanager');
  const cases: [string, Parameters<typeof send>[1], string][] = [
    ['x.GetSecretValue', json('x.GetSecretValue', '{"SecretId":"app/other"}'), 'UnknownOperationException'],
    ['GetSecretValue', json('GetSecretValue', '{"SecretId":"app/other"}'), 'UnknownOperationException'],
    ['secretsmanager.getSecretValue', json('secretsmanager.getSecretValue', '{"SecretId":"app/other"}'), 'UnknownOperationException'],
    ['a form body with a target', { ...json('secretsmanager.GetSecretValue', 'SecretId=app/other'), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amz-target': 'secretsmanager.GetSecretValue' } }, 'UnknownOperationException'],
    ['Query Action=GetSecretValue', form('Action=GetSecretValue&SecretId=app/other'), 'InvalidAction'],
    ['NaN', json('secretsmanager.GetSecretValue', '{"SecretId":"app/other","VersionStage":NaN}'), 'SerializationException'],
    ['Infinity', json('secretsmanager.GetSecretValue', '{"SecretId":"app/db","X":Infinity}'), 'SerializationException'],
    ['duplicate keys', json('secretsmanager.GetSecretValue', '{"SecretId":"app/db","SecretId":"app/other"}'), 'SerializationException'],
    ['duplicate keys in a batch', json('secretsmanager.BatchGetSecretValue', '{"SecretIdList":["app/db"],"SecretIdList":["app/other"]}'), 'SerializationException'],
  ];
  for (const [name, request, code] of cases) {
    const res = await send(gate.endpoint(), request, sm);
    expect.soft([name, res.status, codeOf(res.body)]).toEqual([name, 400, code]);
    expect.soft(res.body, name).not.toContain('other-value');
  }
});

test('parameters in the URL of a JSON call do not change what is executed', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  for (const path of ['/?SecretId=app/other', '/?Action=GetSecretValue&SecretId=app/other']) {
    const res = await send(gate.endpoint(), { ...json('secretsmanager.GetSecretValue', '{"SecretId":"app/db"}'), path }, signing('secretsmanager'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ Name: 'app/db', SecretString: 'db-value' });
  }
});

test('a __proto__ member is an ordinary member: it pollutes nothing and does not confuse the check', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  const res = await send(gate.endpoint(), json('secretsmanager.GetSecretValue', '{"__proto__":{"SecretId":"app/db"},"SecretId":"app/other"}'), signing('secretsmanager'));
  expect([res.status, codeOf(res.body)]).toEqual([400, 'AccessDeniedException']);
  expect(({} as Record<string, unknown>)['SecretId']).toBeUndefined();
});

test('AssumeRoleWithWebIdentity with a garbage token gets no credentials however it is sent', async ({ world }) => {
  await world.gate();
  const params = 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Freader&RoleSessionName=ws-1&WebIdentityToken=garbage.token.here';
  const endpoint = world.gateHandle().endpoint();
  const cases: [string, Parameters<typeof send>[1], number, string][] = [
    ['PUT', { method: 'PUT', ...form(params) }, 400, 'MissingAction'],
    ['upper-case Content-Type', { headers: { 'content-type': 'APPLICATION/X-WWW-FORM-URLENCODED; CHARSET=UTF-8' }, body: params }, 400, 'InvalidIdentityToken'],
    ['multipart', { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="Action"\r\n\r\nAssumeRoleWithWebIdentity\r\n--x--` }, 400, 'MissingAction'],
    ['x-amz-target and a form body', { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity' }, body: params }, 400, 'UnknownOperationException'],
    ['Action in the URL and the body', { ...form(params), path: '/?Action=GetCallerIdentity' }, 400, 'InvalidParameterCombination'],
    ['a duplicate parameter', form(`${params}&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fother`), 400, 'InvalidParameterCombination'],
    ['lower-case Action', form(params.replace('AssumeRoleWithWebIdentity', 'assumerolewithwebidentity')), 400, 'InvalidAction'],
    ['no Action', form(params.replace('Action=AssumeRoleWithWebIdentity&', '')), 400, 'MissingAction'],
  ];
  for (const [name, request, status, code] of cases) {
    const res = await send(endpoint, request);
    expect.soft([name, res.status, codeOf(res.body)]).toEqual([name, status, code]);
    expect.soft(res.body, name).not.toContain('<AccessKeyId>');
  }
});

test('DurationSeconds that is no decimal integer is a ValidationError, not the emulator\'s 500', async ({ world }) => {
  await world.gate();
  const token = await world.mint();
  for (const duration of ['1e3', '0x400', '3600.0']) {
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent('arn:aws:iam::123456789012:role/reader')}&RoleSessionName=ws-1&WebIdentityToken=${token}&DurationSeconds=${duration}`;
    const res = await send(world.gateHandle().endpoint(), form(body));
    expect.soft([duration, res.status, codeOf(res.body)]).toEqual([duration, 400, 'ValidationError']);
  }
});

test('emulator-internal paths are never forwarded, with enforcement on or off', async ({ world }) => {
  const { gate } = await secretsWorld(world);
  for (const path of ['/moto-api/data.json', '/moto-api/reset', '/_localstack/health', '/x/../moto-api/data.json']) {
    const res = await send(gate.endpoint(), { method: path.endsWith('reset') ? 'POST' : 'GET', path });
    expect.soft([path, res.status]).toEqual([path, 404]);
    expect.soft(res.body, path).not.toContain('db-value');
  }
  const off = await world.gate({ enforce: false });
  const res = await send(off.endpoint(), { method: 'GET', path: '/moto-api/data.json' });
  expect([res.status, res.body.includes('db-value')]).toEqual([404, false]);
  // the reset never happened: the secret is still there
  const admin = new SecretsManagerClient({ endpoint: world.backend.endpoint(), region: 'us-east-1', credentials: world.backend.credentials() });
  expect((await admin.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('db-value');
  admin.destroy();
});

test('a body over the limit is refused without being buffered', async ({ world }) => {
  const { gate, signing } = await secretsWorld(world);
  const big = `{"SecretId":"app/db","Pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
  const res = await send(gate.endpoint(), json('secretsmanager.GetSecretValue', big), signing('secretsmanager'));
  expect([res.status, codeOf(res.body)]).toEqual([413, 'RequestEntityTooLargeException']);
});
