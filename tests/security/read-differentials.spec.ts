/**
 * Red team: parser differentials on reads. The reader is denied app/other (no Allow) and app/denied (an explicit
 * Deny); however the read is spelled, neither value nor the eu-west-1 one may come back.
 */
import { send } from './raw-http.js';
import { errorCode, expect, expectRefused, smCall, test, type SecurityWorld, type SignInput } from './world.js';

const JSON11 = 'application/x-amz-json-1.1';
const FORM = 'application/x-www-form-urlencoded';

async function signedAnswer(world: SecurityWorld, input: SignInput) {
  return send(world.origin(), await world.signed(world.reader, input));
}

test('control: the usual spelling is AccessDeniedException for app/other and app/denied', async ({ world }) => {
  for (const secret of ['app/other', 'app/denied']) {
    expectRefused(world, await signedAnswer(world, smCall('GetSecretValue', { SecretId: secret })), ['AccessDeniedException'], 400);
  }
});

test('unusual x-amz-target spellings are UnknownOperationException, never a read', async ({ world }) => {
  const targets = ['x.GetSecretValue', 'GetSecretValue', 'secretsmanager.getSecretValue', 'SECRETSMANAGER.GetSecretValue', 'secretsmanager.GetSecretValue ',
    ' secretsmanager.GetSecretValue', 'secretsmanager.GetSecretValue.x', 'secretsmanager..GetSecretValue', 'secretsmanager.', '', 'secretsmanager.GetSecretValue,secretsmanager.GetSecretValue'];
  for (const secret of ['app/other', 'app/denied']) {
    for (const target of targets) {
      const answer = await signedAnswer(world, { service: 'secretsmanager', headers: { 'content-type': JSON11, 'x-amz-target': target }, body: JSON.stringify({ SecretId: secret }) });
      expect([target, world.leaks(answer.body)]).toEqual([target, []]);
      expectRefused(world, answer);
    }
  }
});

test('a SecretId or Action in the URL, a form body, or a Query-protocol GetSecretValue never reads the denied secret', async ({ world }) => {
  const variants: SignInput[] = [
    smCall('GetSecretValue', { SecretId: 'app/db' }, { query: { SecretId: 'app/other' } }),
    smCall('GetSecretValue', { SecretId: 'app/db' }, { query: { SecretId: 'app/denied' } }),
    smCall('GetSecretValue', { SecretId: 'app/db' }, { query: { Action: 'GetSecretValue', SecretId: 'app/other' } }),
    { service: 'secretsmanager', headers: { 'content-type': FORM, 'x-amz-target': 'secretsmanager.GetSecretValue' }, body: 'SecretId=app%2Fother' },
    { service: 'secretsmanager', headers: { 'content-type': FORM }, body: 'Action=GetSecretValue&SecretId=app%2Fother' },
    { service: 'secretsmanager', headers: { 'content-type': FORM }, body: 'Action=GetSecretValue&SecretId=app%2Fdenied&Version=2017-10-17' },
    { service: 'secretsmanager', method: 'GET', query: { Action: 'GetSecretValue', SecretId: 'app/other' } },
    { service: 'secretsmanager', headers: { 'content-type': JSON11 }, body: JSON.stringify({ SecretId: 'app/other' }), query: { Action: 'GetSecretValue' } },
  ];
  for (const variant of variants) {
    const answer = await signedAnswer(world, variant);
    // the body's app/db is the reader's to read: only a denied value would be a false allow
    const leaked = world.leaks(answer.body).filter((l) => l !== 'canary db');
    expect([variant.query, variant.body, leaked]).toEqual([variant.query, variant.body, []]);
    expect(answer.status).toBeLessThan(500);
    if (!variant.query?.SecretId || variant.method === 'GET') expectRefused(world, answer);
  }
});

test('JSON only Python accepts (NaN, Infinity, duplicate keys) is SerializationException or a refusal, never a read', async ({ world }) => {
  const bodies = [
    '{"SecretId":"app/other","VersionStage":NaN}',
    '{"SecretId":"app/denied","VersionId":Infinity}',
    '{"SecretId":"app/other","x":-Infinity}',
    '{"SecretId":"app/db","SecretId":"app/other"}',
    '{"SecretId":"app/db"} {"SecretId":"app/other"}',
    '{"SecretId":"app\\/other"}',
    "{'SecretId':'app/other'}",
    '{"SecretId":"app/other",}',
    '\ufeff{"SecretId":"app/other"}',
  ];
  for (const body of bodies) {
    const answer = await signedAnswer(world, smCall('GetSecretValue', body));
    expect([body, world.leaks(answer.body)]).toEqual([body, []]);
    expectRefused(world, answer);
  }
  const nan = await signedAnswer(world, smCall('GetSecretValue', '{"SecretId":"app/other","VersionStage":NaN}'));
  expect(errorCode(nan)).toBe('SerializationException');
});

test('BatchGetSecretValue: every spelling returns no denied value (the same differentials, past an explicit Deny)', async ({ world }) => {
  const control = await signedAnswer(world, smCall('BatchGetSecretValue', { SecretIdList: ['app/db', 'app/other', 'app/denied'] }));
  expect(control.status).toBe(200);
  expect(world.leaks(control.body)).toEqual(['canary db']);
  const variants: SignInput[] = [
    smCall('BatchGetSecretValue', '{"SecretIdList":["app/other"],"MaxResults":NaN}'),
    smCall('BatchGetSecretValue', '{"SecretIdList":["app/denied"],"x":Infinity}'),
    smCall('BatchGetSecretValue', '{"SecretIdList":["app/db"],"SecretIdList":["app/denied"]}'),
    smCall('BatchGetSecretValue', { SecretIdList: ['app/db'] }, { query: { SecretIdList: 'app/denied' } }),
    smCall('BatchGetSecretValue', { Filters: [{ Key: 'name', Values: ['app/'] }] }),
    smCall('BatchGetSecretValue', { Filters: [{ Key: 'all', Values: [''] }] }),
    { service: 'secretsmanager', headers: { 'content-type': FORM }, body: 'Action=BatchGetSecretValue&SecretIdList.member.1=app%2Fdenied' },
    { service: 'secretsmanager', headers: { 'content-type': JSON11, 'x-amz-target': 'x.BatchGetSecretValue' }, body: JSON.stringify({ SecretIdList: ['app/other'] }) },
    { service: 'secretsmanager', headers: { 'content-type': JSON11, 'x-amz-target': 'secretsmanager.batchGetSecretValue' }, body: JSON.stringify({ SecretIdList: ['app/denied'] }) },
  ];
  for (const variant of variants) {
    const answer = await signedAnswer(world, variant);
    const leaked = world.leaks(answer.body).filter((l) => l !== 'canary db');
    expect([variant.body, variant.query, leaked]).toEqual([variant.body, variant.query, []]);
    expect(answer.status).toBeLessThan(500);
  }
});
