/**
 * Red team: a SecretId that is an ARN of another region or another account. A Secrets Manager endpoint serves
 * its own region and account: the gate must evaluate the ARN as written, never the same-named secret of the
 * region the caller signed for (moto resolves such an ARN by name only).
 */
import { send } from './raw-http.js';
import { ACCOUNT, OTHER_REGION, REGION, expect, expectRefused, smCall, test } from './world.js';

test('an eu-west-1 or other-account ARN sent to us-east-1 never reads the us-east-1 secret', async ({ world }) => {
  const ids = [
    `arn:aws:secretsmanager:${OTHER_REGION}:${ACCOUNT}:secret:app/db`,
    `arn:aws:secretsmanager:${REGION}:999999999999:secret:app/db`,
  ];
  for (const SecretId of ids) {
    for (const operation of ['GetSecretValue', 'DescribeSecret']) {
      const answer = await send(world.origin(), await world.signed(world.reader, smCall(operation, { SecretId })));
      expect([operation, SecretId, answer.status, world.leaks(answer.body)]).toEqual([operation, SecretId, 400, []]);
      expect(answer.body).not.toContain(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db`);
      expectRefused(world, answer, ['AccessDeniedException', 'ResourceNotFoundException'], 400);
    }
  }
  const batch = await send(world.origin(), await world.signed(world.reader, smCall('BatchGetSecretValue', { SecretIdList: ids })));
  expect(world.leaks(batch.body)).toEqual([]);
  // control: the us-east-1 ARN without its suffix (a partial ARN) reads it
  const own = await send(world.origin(), await world.signed(world.reader, smCall('GetSecretValue', { SecretId: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db` })));
  expect([own.status, world.leaks(own.body)]).toEqual([200, ['canary db']]);
});
